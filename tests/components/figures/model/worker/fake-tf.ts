/**
 * A fake of the TF.js calls chapter 8's worker makes (`TfRuntime`), for its parts: backends that a
 * test offers, loses or breaks; sessions whose steps take one turn of the event loop and return
 * the loss the test chooses; models that are plain objects; a sliced evaluation that counts its
 * slices. Every call worth checking is logged.
 */
import type { BackendChoice, BackendName } from '../../../../../src/lib/tf/backends.ts';
import type {
  Head,
  PoseModel,
  Session,
  SessionConfig,
  SlicedEvaluation,
  WeightManifest,
  Weights,
} from '../../../../../src/lib/tf/index.ts';
import type { GallerySample } from '../../../../../src/lib/index.ts';
import type { ModelResponse } from '../../../../../src/components/figures/model/worker/protocol.ts';
import type { TfRuntime } from '../../../../../src/components/figures/model/worker/tf-runtime.ts';

/** One turn of the event loop: what a real step's GPU read gives the page at least. */
export const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A model of `head` at `size` px with `weights` named weights (plain numbers, not tensors). */
export function fakeModel(head: Head, size: number, weights = 3): PoseModel {
  const named = Object.fromEntries(Array.from({ length: weights }, (_, i) => [`w${i}`, i]));
  return { config: { head, size, k: 11, split: 2 }, weights: named } as unknown as PoseModel;
}

/** The weights of a fake model, marked with `mark` (the step of a snapshot, a file's id). */
export function fakeWeights(head: Head, size: number, mark: number): Weights {
  const manifest = { format: 'subpixel-pose-model/1', config: { head, size, k: 11, split: 2 }, weights: [] };
  return { manifest: manifest as WeightManifest, data: Float32Array.of(mark) };
}

export interface FakeTfOptions {
  /** The backends this "browser" offers (default WebGL and the CPU). */
  available?: BackendName[];
  /** The loss of step `step` on `backend` (default 1 / step). */
  loss?(step: number, backend: string): number;
  /** The median a timed backend reports, or an Error it throws. */
  timing?: Partial<Record<BackendName, number | Error>>;
}

/** What a fake session holds besides a real one's fields: the weights it started from. */
export type FakeSession = Session & { from: number | null };

export function fakeTf(options: FakeTfOptions = {}) {
  const available = new Set<BackendName>(options.available ?? ['webgl', 'cpu']);
  const loss = options.loss ?? ((step: number) => 1 / step);
  const log: string[] = [];
  const sessions: FakeSession[] = [];
  /** Sample counts of each slice of each sliced evaluation, in order. */
  const slices: number[] = [];
  let backend = 'none';
  let lost = false;
  let tensors = 0;

  const tf: TfRuntime = {
    applyPageFlags: (search) => void log.push(`flags ${search}`),
    async chooseBackend(ladder) {
      log.push(`choose ${ladder.join(',')}`);
      const skipped: BackendChoice['skipped'] = [];
      for (const name of ladder) {
        if (!available.has(name)) {
          skipped.push({ name, reason: 'not offered' });
          continue;
        }
        backend = name;
        lost = false;
        return { name, skipped, float16: false };
      }
      throw new Error(`no TensorFlow.js backend works here (tried ${ladder.join(', ')})`);
    },
    dropBackend(name) {
      log.push(`drop ${name}`);
      available.delete(name);
    },
    loseWebglContext() {
      if (backend !== 'webgl') return false;
      lost = true;
      return true;
    },
    webglContextLost: () => backend === 'webgl' && lost,
    currentBackend: () => backend,
    startSession(config: SessionConfig, from?: Weights, step = 0) {
      const session = {
        config,
        model: fakeModel(config.head, config.size),
        step,
        from: from ? (from.data[0] as number) : null,
      } as unknown as FakeSession;
      sessions.push(session);
      log.push(`start ${config.head}-${config.size} at ${step} on ${backend}`);
      return session;
    },
    async sessionStep(session) {
      await turn();
      session.step += 1;
      return loss(session.step, backend);
    },
    snapshot: async (session) => fakeWeights(session.config.head, session.config.size, session.step),
    endSession: (session) => void log.push(`end session at ${session.step}`),
    tensorsInMemory: () => tensors,
    evaluateModel: async (_model, batch) => ({ argmax: batch.keypoints.length }),
    predictGallery: async (_model, batch) =>
      batch.keypoints.map((): GallerySample => ({ map: [], h: 0, w: 0, points: {}, errors: {} })),
    evaluateInSlices(model, n): SlicedEvaluation {
      let done = 0;
      return {
        get done() {
          return done;
        },
        n,
        async next(count) {
          await turn();
          slices.push(count);
          done = Math.min(n, done + count);
        },
        errors: () => ({ [model.config.head]: model.config.size / 100 }),
      };
    },
    decodeWeights: (_manifest, bytes) => new Float32Array(bytes),
    deserializeModel(manifest, data) {
      log.push(`load ${manifest.config.head}-${manifest.config.size} (${data[0]}) on ${backend}`);
      return fakeModel(manifest.config.head, manifest.config.size);
    },
    disposeModel: (model) => void log.push(`dispose ${model.config.head}-${model.config.size}`),
    async timeTrainingSteps(session, { steps, warmUp }) {
      log.push(`time ${steps} after ${warmUp} on ${backend}`);
      const timed = options.timing?.[backend as BackendName] ?? 10;
      if (timed instanceof Error) throw timed;
      session.step += warmUp + steps;
      return { times: Array.from({ length: steps }, () => timed), medianMs: timed };
    },
  };

  return {
    tf,
    log,
    sessions,
    slices,
    backend: () => backend,
    /** Sets what `tensorsInMemory` says. */
    setTensors: (n: number) => void (tensors = n),
  };
}

/** Collects what the worker posts, and waits for a message. */
export function postbox() {
  const messages: ModelResponse[] = [];
  /** Resolves once `test` holds of the messages (fails after `ms`, naming what came). */
  const until = async (test: (messages: ModelResponse[]) => boolean, ms = 3000): Promise<void> => {
    const started = Date.now();
    while (!test(messages)) {
      if (Date.now() - started > ms)
        throw new Error(`timed out; posted: ${messages.map((m) => m.type).join(', ') || 'nothing'}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  const of = <T extends ModelResponse['type']>(type: T) =>
    messages.filter((m): m is Extract<ModelResponse, { type: T }> => m.type === type);
  return { messages, post: (m: ModelResponse) => void messages.push(m), until, of };
}
