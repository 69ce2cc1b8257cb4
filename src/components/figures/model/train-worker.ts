/**
 * Chapter 8's worker: picks a backend from the ladder, trains one head step by step while the
 * page stays responsive, evaluates it on a fixed held-out set, measures the shipped models for
 * figure 8.1's table and gallery, and times a training step on each backend.
 *
 * Everything that touches TensorFlow.js runs as a job of one queue (`jobs.ts`), one job at a
 * time: a training run yields between its steps, and the shipped models are measured a slice
 * of samples at a time between them (within a share of the training time) or back to back when
 * nothing trains. Messages only add and cancel jobs. A lost WebGL context moves training to the
 * next rung, from the last snapshot of the weights, and the shipped models with it.
 */
import {
  applyPageFlags,
  chooseBackend,
  dropBackend,
  loseWebglContext,
  TRAINING_LADDER,
  webglContextLost,
  type BackendChoice,
  type BackendName,
} from '../../../lib/tf/backends.ts';
import {
  currentBackend,
  decodeWeights,
  deserializeModel,
  disposeModel,
  endSession,
  evaluateInSlices,
  evaluateModel,
  heldOut,
  HELD_OUT,
  LIVE_EVALUATION,
  predictGallery,
  sessionStep,
  snapshot,
  startSession,
  tensorsInMemory,
  type Batch,
  type Head,
  type PoseModel,
  type Session,
  type SessionConfig,
  type SlicedEvaluation,
  type WeightManifest,
  type Weights,
} from '../../../lib/tf/index.ts';
import type { GallerySample } from '../../../lib/index.ts';
import { GALLERY, GALLERY_SEED } from '../../state/ch8.ts';
import { createScheduler, type Job } from './jobs.ts';

export type ModelRequest =
  /** The page's query, for TF.js's debugging flags (sent first, before any backend starts). */
  | { type: 'flags'; search: string }
  | { type: 'init' }
  | { type: 'train'; config: SessionConfig; from: 'scratch' | 'shipped' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'lose-context' }
  /** Measure the shipped models at each size; the gallery (of `gallery` samples) comes from the first. */
  | { type: 'shipped'; heads: Head[]; sizes: number[]; gallery: number }
  | { type: 'bench'; steps: number };

/** A row of the backend timing table. */
export interface BenchRow {
  backend: string;
  medianMs?: number;
  note: string;
}

export type ModelResponse =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'step'; step: number; loss: number; ms: number; tensors: number; backend: string }
  /** The reader's model on the held-out set, and on the gallery's samples (at the training size). */
  | {
      type: 'eval';
      step: number;
      head: Head;
      size: number;
      errors: Record<string, number>;
      gallery: GallerySample[];
    }
  | { type: 'state'; running: boolean; step: number }
  | { type: 'fallback'; from: string; to: string; reason: string; training: boolean }
  /** A shipped model as this browser measures it; the gallery is empty beyond the first size. */
  | { type: 'shipped'; head: Head; size: number; errors: Record<string, number>; gallery: GallerySample[] }
  | { type: 'bench'; rows: BenchRow[] }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  postMessage(message: ModelResponse): void;
  onmessage: ((event: MessageEvent<ModelRequest>) => void) | null;
};
const post = (m: ModelResponse): void => scope.postMessage(m);

/** Held-out samples for the live evaluation, and how often it runs (chapter 8 states both). */
const EVAL_SAMPLES = LIVE_EVALUATION.samples;
const EVAL_EVERY = LIVE_EVALUATION.every;
/** Held-out samples the shipped models are measured on (as by the training script). */
const SHIPPED_SAMPLES = HELD_OUT.samples;
/**
 * Samples per slice of a shipped model's measurement at 64 px (a quarter as many at 128 px):
 * smaller between training steps, larger when nothing trains (a slice of fewer samples costs
 * more per sample), but never so large that a reader's Train waits long for one.
 */
const SLICE_AT_64 = { training: 32, idle: 128 };
const SNAPSHOT_EVERY = 10;

/**
 * Between training steps, the shipped models' measurement may take as long as the steps
 * themselves: training runs about half as fast until the six are measured (a few minutes on
 * a software GPU; the old worker's training made 4 % of its speed meanwhile), then at full speed. The recorded numbers are on the page meanwhile.
 */
const MEASURING_SHARE = 1;

const jobs = createScheduler({
  share: MEASURING_SHARE,
  onError: (error) => post({ type: 'error', message: (error as Error).message }),
});

let ladder: BackendName[] = [...TRAINING_LADDER];
let chosen: BackendChoice | undefined;
let session: Session | undefined;
let saved: Weights | undefined;
/** The training run, queued or running, if any. */
let training: Job | undefined;
/**
 * Tensors of the shipped model being measured, which stays loaded from one slice to the next:
 * the step's tensor count leaves them out, so that it shows whether training itself leaks.
 */
let heldByMeasurement = 0;

const evalSets = new Map<string, Batch>();
/** A seeded set of samples at `size`, made once. */
function samples(size: number, n: number, seed?: number): Batch {
  const key = `${size}-${n}-${seed}`;
  if (!evalSets.has(key)) evalSets.set(key, heldOut(size, n, seed));
  return evalSets.get(key) as Batch;
}

/** A promise that rejects once the WebGL context is lost (checked five times a second), until stopped. */
function watchContext(): { lost: Promise<never>; stop(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const lost = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (webglContextLost()) reject(new Error('the WebGL context was lost'));
    }, 200);
  });
  lost.catch(() => undefined);
  return { lost, stop: () => clearInterval(timer) };
}

/** `work`, settled by a lost context too: its reads can otherwise stay pending for ever. */
async function watched<T>(work: () => Promise<T>): Promise<T> {
  const watch = watchContext();
  try {
    return await Promise.race([work(), watch.lost]);
  } finally {
    watch.stop();
  }
}

async function fetchWeights(head: Head, size: number): Promise<Weights> {
  const [m, b] = await Promise.all([fetch(`/models/${head}-${size}.json`), fetch(`/models/${head}-${size}.bin`)]);
  if (!m.ok || !b.ok)
    throw new Error(`the shipped ${head} model could not be loaded (HTTP ${m.ok ? b.status : m.status})`);
  const manifest = (await m.json()) as WeightManifest;
  return { manifest, data: decodeWeights(manifest, await b.arrayBuffer()) };
}

/** Frees tensors that a lost backend may refuse to free (they go with it). */
function release(free: () => void): void {
  try {
    free();
  } catch {
    // The backend is gone, and its tensors with it.
  }
}

/** Drops the failed backend and moves to the next rung; a training session restarts there from its last snapshot. */
async function fallBack(reason: string): Promise<void> {
  const from = currentBackend() as BackendName;
  const config = session?.config;
  const step = session?.step ?? 0;
  if (session) release(() => endSession(session as Session));
  dropBackend(from);
  ladder = ladder.filter((name) => name !== from);
  chosen = await chooseBackend(ladder);
  if (config) session = startSession(config, saved, step);
  post({ type: 'fallback', from, to: chosen.name, reason, training: Boolean(config) });
  post({ type: 'backend', choice: chosen });
}

/** Every job starts here: a backend chosen, and a lost context left behind. */
async function ensureBackend(): Promise<void> {
  if (!chosen) {
    chosen = await chooseBackend(ladder);
    post({ type: 'backend', choice: chosen });
  } else if (webglContextLost()) await fallBack('the WebGL context was lost');
}

/** The reader's model on the held-out set and the gallery. */
async function evaluateSession(s: Session): Promise<void> {
  const { head, size } = s.config;
  const errors = await evaluateModel(s.model, samples(size, EVAL_SAMPLES));
  const gallery = await predictGallery(s.model, samples(size, GALLERY, GALLERY_SEED));
  post({ type: 'eval', step: s.step, head, size, errors, gallery });
}

/** One training step, its snapshot and its evaluation; throws on a lost context or a non-finite loss. */
async function trainingStep(s: Session): Promise<void> {
  if (webglContextLost()) throw new Error('the WebGL context was lost');
  const started = performance.now();
  const loss = await watched(() => sessionStep(s));
  const ms = performance.now() - started;
  if (webglContextLost()) throw new Error('the WebGL context was lost');
  if (!Number.isFinite(loss)) throw new Error('the loss is not finite');
  if (s.step % SNAPSHOT_EVERY === 0) saved = await snapshot(s);
  post({
    type: 'step',
    step: s.step,
    loss,
    ms,
    tensors: tensorsInMemory() - heldByMeasurement,
    backend: currentBackend(),
  });
  if (s.step % EVAL_EVERY === 0) await evaluateSession(s);
}

/**
 * A training run: starts a session (when `start` is given) or goes on with the current one,
 * and steps until cancelled, yielding after each step so that queued jobs run between steps.
 */
async function* trainingRun(
  signal: AbortSignal,
  start?: { config: SessionConfig; weights?: Promise<Weights> },
): AsyncGenerator<void> {
  await ensureBackend();
  if (start) {
    if (session) endSession(session);
    session = startSession(start.config, start.weights ? await start.weights : undefined);
    saved = await snapshot(session);
  }
  // Paused before its first step: the pause has said so already.
  if (!session || signal.aborted) return;
  post({ type: 'state', running: true, step: session.step });
  if (start) await evaluateSession(session);
  while (session) {
    try {
      await trainingStep(session);
    } catch (error) {
      try {
        await fallBack((error as Error).message);
      } catch (e) {
        post({ type: 'state', running: false, step: session?.step ?? 0 });
        throw e;
      }
    }
    yield;
  }
}

/** Stops the training run at its next step (the session stays, to resume). */
function stopTraining(): void {
  training?.cancel();
  training = undefined;
}

function startTraining(start?: { config: SessionConfig; weights?: Promise<Weights> }): void {
  stopTraining();
  const job = jobs.add({
    kind: 'training',
    run: ({ signal }) => trainingRun(signal, start),
    ...(start?.weights ? { ready: start.weights } : {}),
  });
  training = job;
  void job.done.then(() => {
    if (training === job) training = undefined;
  });
}

/**
 * One shipped model's measurement, a slice of samples per job: each job queues the next at
 * the front of the evaluations, so the models are measured in order. When the backend changes
 * under it (a lost context), the model starts again on the new one.
 */
function measureShipped(head: Head, size: number, gallery: number, weights: Promise<Weights>, again = false): void {
  let loaded: { model: PoseModel; on: string; sliced: SlicedEvaluation } | undefined;
  const slice = (): number => Math.max(1, Math.round(SLICE_AT_64[training ? 'training' : 'idle'] * (64 / size) ** 2));
  const unload = (): void => {
    if (loaded) release(() => disposeModel((loaded as { model: PoseModel }).model));
    loaded = undefined;
    heldByMeasurement = 0;
  };
  const restart = (): void => {
    unload();
    measureShipped(head, size, gallery, weights, true);
  };
  const step = async (): Promise<void> => {
    if (loaded && loaded.on !== currentBackend()) return restart();
    if (!loaded) {
      const w = await weights;
      const model = deserializeModel(w.manifest, w.data);
      loaded = { model, on: currentBackend(), sliced: evaluateInSlices(model, SHIPPED_SAMPLES) };
      heldByMeasurement = Object.keys(model.weights).length;
    }
    const { model, sliced } = loaded;
    await sliced.next(slice());
    if (sliced.done < sliced.n) return queue(false);
    const errors = sliced.errors();
    const shown = gallery ? await predictGallery(model, samples(size, gallery, GALLERY_SEED)) : [];
    unload();
    post({ type: 'shipped', head, size, errors, gallery: shown });
  };
  const queue = (first: boolean): void => {
    jobs.add({
      kind: 'evaluating',
      between: true,
      // The model's later slices, and a model started again, go before the models still waiting.
      front: !first || again,
      ...(first ? { ready: weights } : {}),
      run: async () => {
        await ensureBackend();
        try {
          await watched(step);
        } catch (error) {
          if (!webglContextLost()) {
            unload();
            throw error;
          }
          restart();
          await fallBack('the WebGL context was lost');
        }
      },
    });
  };
  queue(true);
}

/** A training step's median time on each backend the browser offers (WASM cannot train). */
async function benchBackends(steps: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const name of ['webgpu', 'webgl', 'wasm', 'cpu'] as BackendName[]) {
    if (name === 'wasm') {
      rows.push({ backend: name, note: 'cannot train a convolutional network in TF.js (no Conv2DBackpropFilter)' });
      continue;
    }
    try {
      await chooseBackend([name]);
    } catch {
      rows.push({ backend: name, note: 'not available here' });
      continue;
    }
    const bench = startSession({
      head: 'heatmap',
      size: 64,
      target: 'unbiased',
      batch: 8,
      learningRate: 1e-3,
      seed: 5,
    });
    try {
      for (let i = 0; i < 3; i++) await sessionStep(bench);
      const times: number[] = [];
      for (let i = 0; i < steps; i++) {
        const t = performance.now();
        await sessionStep(bench);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      rows.push({
        backend: name,
        medianMs: times[Math.floor(times.length / 2)],
        note: `${steps} steps of batch 8 after 3 warm-up steps`,
      });
    } catch (error) {
      rows.push({ backend: name, note: `failed: ${(error as Error).message}` });
    } finally {
      release(() => endSession(bench));
    }
  }
  return rows;
}

function handle(request: ModelRequest): void {
  switch (request.type) {
    case 'flags':
      applyPageFlags(request.search);
      return;
    case 'init':
      jobs.add({
        kind: 'backend',
        between: true,
        run: async () => {
          const known = chosen;
          await ensureBackend();
          // A backend chosen just now has been posted already.
          if (known) post({ type: 'backend', choice: chosen as BackendChoice });
        },
      });
      return;
    case 'train': {
      const { config, from } = request;
      // The download happens outside the queue: nothing waits for it but this run.
      const weights = from === 'shipped' ? fetchWeights(config.head, config.size) : undefined;
      weights?.catch(() => undefined);
      startTraining({ config, ...(weights ? { weights } : {}) });
      return;
    }
    case 'pause':
      stopTraining();
      post({ type: 'state', running: false, step: session?.step ?? 0 });
      return;
    case 'resume':
      if (!session) post({ type: 'state', running: false, step: 0 });
      else if (!training) startTraining();
      return;
    case 'reset':
      stopTraining();
      jobs.add({
        kind: 'training',
        run: async () => {
          if (session) release(() => endSession(session as Session));
          session = undefined;
          saved = undefined;
        },
      });
      post({ type: 'state', running: false, step: 0 });
      return;
    case 'lose-context':
      // A job of its own: between two training steps, where a real loss is most often noticed,
      // or between two slices of a shipped model's measurement.
      jobs.add({
        kind: 'backend',
        between: true,
        run: async () => {
          await ensureBackend();
          if (!loseWebglContext()) {
            post({ type: 'error', message: 'this backend has no WebGL context to lose' });
            return;
          }
          await fallBack('the WebGL context was lost');
        },
      });
      return;
    case 'bench':
      // Training pauses; the timing runs once the job in progress is done, and the backend
      // ladder is restored after it even if a backend fails.
      if (training) {
        stopTraining();
        post({ type: 'state', running: false, step: session?.step ?? 0 });
      }
      jobs.add({
        kind: 'timing',
        run: async () => {
          let rows: BenchRow[];
          try {
            rows = await benchBackends(request.steps);
          } finally {
            chosen = await chooseBackend(ladder);
            post({ type: 'backend', choice: chosen });
          }
          post({ type: 'bench', rows });
        },
      });
      return;
    case 'shipped':
      // The files are fetched at once; each model is measured once its own have arrived.
      for (const [i, size] of request.sizes.entries()) {
        for (const head of request.heads) {
          const weights = fetchWeights(head, size);
          weights.catch(() => undefined);
          measureShipped(head, size, i === 0 ? request.gallery : 0, weights);
        }
      }
      return;
  }
}

scope.onmessage = (event) => handle(event.data);
