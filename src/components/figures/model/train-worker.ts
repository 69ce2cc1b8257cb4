/**
 * Chapter 8's worker: picks a backend from the ladder, trains one head step by step while the
 * page stays responsive, evaluates on a fixed held-out set, and runs the shipped models for
 * the gallery and the results table. A lost WebGL context moves training to the next rung,
 * from the last snapshot of the weights.
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
  decodeOutputs,
  decodeWeights,
  deserializeModel,
  disposeModel,
  endSession,
  evaluateModel,
  heldOut,
  HELD_OUT,
  LIVE_EVALUATION,
  predictOutputs,
  sessionStep,
  snapshot,
  startSession,
  tensorsInMemory,
  type Batch,
  type Head,
  type PoseModel,
  type Session,
  type SessionConfig,
  type WeightManifest,
  type Weights,
} from '../../../lib/tf/index.ts';
import type { Point } from '../../../lib/index.ts';
import { GALLERY_SEED } from '../../state/ch8.ts';

export type ModelRequest =
  /** The page's query, for TF.js's debugging flags (sent first, before any backend starts). */
  | { type: 'flags'; search: string }
  | { type: 'init' }
  | { type: 'train'; config: SessionConfig; from: 'scratch' | 'shipped' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'lose-context' }
  /** Evaluate the shipped models at each size; the gallery (of `gallery` samples) comes from the first. */
  | { type: 'shipped'; heads: Head[]; sizes: number[]; gallery: number }
  | { type: 'bench'; steps: number };

/** Each gallery sample's output maps (K × h × w), each method's points and SimDR's logits. */
export type ShippedGallery = {
  maps: Float32Array;
  h: number;
  w: number;
  points: Record<string, Point[]>;
  /** SimDR's logits, [K, bins] along x and along y. */
  vectors?: { x: Float32Array; y: Float32Array; bins: number };
}[];

export type ModelResponse =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'step'; step: number; loss: number; ms: number; tensors: number; backend: string }
  | { type: 'eval'; step: number; head: Head; size: number; errors: Record<string, number> }
  | { type: 'state'; running: boolean; step: number }
  | { type: 'fallback'; from: string; to: string; reason: string; training: boolean }
  | {
      type: 'shipped';
      head: Head;
      size: number;
      manifest: WeightManifest;
      errors: Record<string, number>;
      /** Gallery (empty beyond the first size). */
      gallery: ShippedGallery;
    }
  | { type: 'bench'; rows: { backend: string; medianMs?: number; note: string }[] }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  postMessage(message: ModelResponse): void;
  onmessage: ((event: MessageEvent<ModelRequest>) => void) | null;
};

/** Held-out samples for the live evaluation, and how often it runs (chapter 8 states both). */
const EVAL_SAMPLES = LIVE_EVALUATION.samples;
const EVAL_EVERY = LIVE_EVALUATION.every;
/** Held-out samples the shipped models are measured on (as by the training script). */
const SHIPPED_SAMPLES = HELD_OUT.samples;
const SNAPSHOT_EVERY = 10;

let ladder: BackendName[] = [...TRAINING_LADDER];
let chosen: BackendChoice | undefined;
let session: Session | undefined;
let saved: Weights | undefined;
let running = false;
let looping = false;
/** The training loop, once started (settled when it stops). */
let loopRun: Promise<void> = Promise.resolve();
let loseRequested = false;
/** The benchmark switches backends: no shipped model runs meanwhile. */
let benching = false;

/**
 * A shipped model to evaluate. Its files are fetched as soon as it is asked for; it runs once
 * they have arrived, never at the same time as a training step.
 */
interface ShippedJob {
  head: Head;
  size: number;
  /** Gallery samples to predict (0 beyond the first size). */
  gallery: number;
  weights: Promise<Weights>;
  arrived: boolean;
}
/** Shipped models still to evaluate, in order. While training runs, one is taken between steps. */
const shippedJobs: ShippedJob[] = [];
/** The shipped model being evaluated, if any. */
let shippedRun: Promise<void> = Promise.resolve();
let draining = false;

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
const evalSets = new Map<number, Batch>();
const evalSet = (size: number) => {
  if (!evalSets.has(size)) evalSets.set(size, heldOut(size, EVAL_SAMPLES));
  return evalSets.get(size) as Batch;
};

async function fetchWeights(head: Head, size: number): Promise<Weights> {
  const [m, b] = await Promise.all([fetch(`/models/${head}-${size}.json`), fetch(`/models/${head}-${size}.bin`)]);
  if (!m.ok || !b.ok)
    throw new Error(`the shipped ${head} model could not be loaded (HTTP ${m.ok ? b.status : m.status})`);
  const manifest = (await m.json()) as WeightManifest;
  return { manifest, data: decodeWeights(manifest, await b.arrayBuffer()) };
}

const post = (m: ModelResponse) => scope.postMessage(m);

/** Drops the failed backend and moves to the next rung; a training session restarts there from its last snapshot. */
async function fallBack(reason: string): Promise<void> {
  const from = currentBackend() as BackendName;
  const config = session?.config;
  const step = session?.step ?? 0;
  if (session) {
    try {
      endSession(session);
    } catch {
      // The lost backend may refuse to free its tensors; they go with it.
    }
  }
  dropBackend(from);
  ladder = ladder.filter((name) => name !== from);
  const choice = await chooseBackend(ladder);
  chosen = choice;
  if (config) session = startSession(config, saved, step);
  post({ type: 'fallback', from, to: choice.name, reason, training: Boolean(config) });
  post({ type: 'backend', choice });
}

/** Steps while running; one loop at a time (yielding between steps, so messages get through). */
async function loop(): Promise<void> {
  if (looping) return;
  looping = true;
  // A shipped model evaluated when training started finishes first; none runs beside a step.
  await shippedRun;
  while (running && session) {
    try {
      if (loseRequested) {
        // The simulated loss happens between steps, where a real one is most often noticed.
        loseRequested = false;
        if (!loseWebglContext()) post({ type: 'error', message: 'this backend has no WebGL context to lose' });
      }
      if (webglContextLost()) throw new Error('the WebGL context was lost');
      const started = performance.now();
      // A context lost during a step can leave its reads pending for ever: watch for it.
      const watch = watchContext();
      const loss = await Promise.race([sessionStep(session), watch.lost]).finally(watch.stop);
      const ms = performance.now() - started;
      if (webglContextLost()) throw new Error('the WebGL context was lost');
      if (!Number.isFinite(loss)) throw new Error('the loss is not finite');
      if (session.step % SNAPSHOT_EVERY === 0) saved = await snapshot(session);
      post({ type: 'step', step: session.step, loss, ms, tensors: tensorsInMemory(), backend: currentBackend() });
      if (session.step % EVAL_EVERY === 0) {
        post({
          type: 'eval',
          step: session.step,
          head: session.config.head,
          size: session.config.size,
          errors: await evaluateModel(session.model, evalSet(session.config.size)),
        });
      }
      // Between steps, the next shipped model whose files have arrived (the step time excludes it).
      if (shippedJobs[0]?.arrived) await runNextShipped();
    } catch (error) {
      try {
        await fallBack((error as Error).message);
      } catch (e) {
        running = false;
        post({ type: 'error', message: (e as Error).message });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  looping = false;
  void drainShipped();
}

/** Evaluates the next shipped model on the held-out set (and its gallery) and posts the result. */
function runNextShipped(): Promise<void> {
  const job = shippedJobs.shift();
  if (!job) return Promise.resolve();
  shippedRun = (async () => {
    // A context lost mid-evaluation can leave its reads pending for ever: watch for it, so that
    // this settles, and put the model back to run again on the next backend.
    const watch = watchContext();
    try {
      const weights = await job.weights;
      const model = deserializeModel(weights.manifest, weights.data);
      try {
        const measured = async () => ({
          errors: await evaluateModel(model, heldOut(job.size, SHIPPED_SAMPLES)),
          gallery: job.gallery ? await galleryOf(job.head, model, job.gallery) : [],
        });
        const { errors, gallery } = await Promise.race([measured(), watch.lost]);
        post({ type: 'shipped', head: job.head, size: job.size, manifest: weights.manifest, errors, gallery });
      } finally {
        try {
          disposeModel(model);
        } catch {
          // As in fallBack: a lost backend's tensors go with it.
        }
      }
    } catch (error) {
      if (webglContextLost()) shippedJobs.unshift(job);
      else post({ type: 'error', message: (error as Error).message });
    } finally {
      watch.stop();
    }
  })();
  return shippedRun;
}

/** Evaluates the remaining shipped models while nothing trains; training takes them over between steps. */
async function drainShipped(): Promise<void> {
  if (draining) return;
  draining = true;
  while (shippedJobs.length && !running && !benching) {
    // Wait for the files outside `shippedRun`: training, if it starts meanwhile, waits for no download.
    const next = shippedJobs[0] as ShippedJob;
    await next.weights.catch(() => undefined);
    if (!running && !benching && shippedJobs[0] === next) await runNextShipped();
    if (!running && webglContextLost()) {
      try {
        await fallBack('the WebGL context was lost');
      } catch (error) {
        post({ type: 'error', message: (error as Error).message });
        break;
      }
    }
  }
  draining = false;
}

async function handle(request: ModelRequest): Promise<void> {
  switch (request.type) {
    case 'flags':
      applyPageFlags(request.search);
      return;
    case 'init':
      chosen ??= await chooseBackend(ladder);
      post({ type: 'backend', choice: chosen });
      return;
    case 'train': {
      if (session) endSession(session);
      const from =
        request.from === 'shipped' ? await fetchWeights(request.config.head, request.config.size) : undefined;
      session = startSession(request.config, from);
      saved = await snapshot(session);
      running = true;
      post({ type: 'state', running, step: 0 });
      post({
        type: 'eval',
        step: 0,
        head: request.config.head,
        size: request.config.size,
        errors: await evaluateModel(session.model, evalSet(request.config.size)),
      });
      if (!looping) loopRun = loop();
      return;
    }
    case 'pause':
      running = false;
      post({ type: 'state', running, step: session?.step ?? 0 });
      return;
    case 'resume':
      running = Boolean(session);
      post({ type: 'state', running, step: session?.step ?? 0 });
      if (running && !looping) loopRun = loop();
      return;
    case 'reset':
      running = false;
      if (session) endSession(session);
      session = undefined;
      post({ type: 'state', running, step: 0 });
      return;
    case 'bench': {
      // A training step's median time on each backend, after a warm-up; then back to the ladder.
      running = false;
      benching = true;
      try {
        await Promise.all([loopRun, shippedRun]);
        const rows = await benchBackends(request.steps);
        chosen = await chooseBackend(ladder);
        post({ type: 'bench', rows });
        post({ type: 'backend', choice: chosen });
      } finally {
        benching = false;
        void drainShipped();
      }
      return;
    }
    case 'lose-context':
      // While training, between two steps, where a real loss is most often noticed; else at once
      // (a shipped model being measured notices it, and the next one runs on the next backend).
      if (looping) loseRequested = true;
      else if (!loseWebglContext()) post({ type: 'error', message: 'this backend has no WebGL context to lose' });
      return;
    case 'shipped':
      // Queued, not awaited: a training request that follows does not wait for these.
      for (const [i, size] of request.sizes.entries()) {
        for (const head of request.heads) {
          const job: ShippedJob = {
            head,
            size,
            gallery: i === 0 ? request.gallery : 0,
            weights: fetchWeights(head, size),
            arrived: false,
          };
          job.weights.then(
            () => (job.arrived = true),
            () => (job.arrived = true),
          );
          shippedJobs.push(job);
        }
      }
      void drainShipped();
      return;
  }
}

/** A training step's median time on each backend the browser offers (WASM cannot train). */
async function benchBackends(steps: number): Promise<{ backend: string; medianMs?: number; note: string }[]> {
  const rows: { backend: string; medianMs?: number; note: string }[] = [];
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
    for (let i = 0; i < 3; i++) await sessionStep(bench);
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t = performance.now();
      await sessionStep(bench);
      times.push(performance.now() - t);
    }
    endSession(bench);
    times.sort((a, b) => a - b);
    rows.push({
      backend: name,
      medianMs: times[Math.floor(times.length / 2)],
      note: `${steps} steps of batch 8 after 3 warm-up steps`,
    });
  }
  return rows;
}

/** The gallery's samples (seeded apart from the held-out set): maps, each decoder's points, SimDR's vectors. */
async function galleryOf(head: Head, model: PoseModel, samples: number): Promise<ShippedGallery> {
  const gallerySet = heldOut(model.config.size, samples, GALLERY_SEED);
  const o = await predictOutputs(model, gallerySet);
  const decoded = decodeOutputs(head, o, model.config.split);
  const size = o.k * o.h * o.w;
  return gallerySet.keypoints.map((_, b) => ({
    maps: o.maps.slice(b * size, (b + 1) * size),
    h: o.h,
    w: o.w,
    points: Object.fromEntries(Object.entries(decoded).map(([m, pts]) => [m, pts[b] as Point[]])),
    ...(o.simdr
      ? {
          vectors: {
            x: o.simdr.x.slice(b * o.k * o.simdr.bins, (b + 1) * o.k * o.simdr.bins),
            y: o.simdr.y.slice(b * o.k * o.simdr.bins, (b + 1) * o.k * o.simdr.bins),
            bins: o.simdr.bins,
          },
        }
      : {}),
  }));
}

// Requests are handled one at a time, in order (the training loop itself runs between them).
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data)).catch((error: Error) => post({ type: 'error', message: error.message }));
};
