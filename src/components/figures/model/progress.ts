/**
 * Figure 8.2's data fed from the worker: the reader's training run as its messages tell it
 * (backend, steps, losses, held-out errors, its model's gallery, notes, the backend timing).
 * Pure: each message gives the next value, and the figure only draws it.
 */
import type { GallerySample } from '../../../lib/index.ts';
import type { Head, Method } from '../../../lib/tf/names.ts';
import { fmt } from '../../ui/format.ts';
import { METHOD_LABELS } from './labels.ts';
import type { BenchRow, ModelResponse } from './worker/protocol.ts';

/** A point of the loss curve. */
export interface LossPoint {
  step: number;
  loss: number;
}

/** A point of the held-out error curves. */
export interface ErrorPoint {
  step: number;
  method: string;
  error: number;
}

/** The backends the timing table lists, in its order. */
export const BENCH_BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Step times kept for the median (the latest). */
const TIMES_KEPT = 100;

/** What figure 8.2 knows of the reader's training. */
export interface TrainFed {
  /** The backend in use ('not started' until the worker says). */
  backend: string;
  /** The rungs the ladder skipped, with why: " (skipped webgpu: no WebGPU adapter)". */
  skipped: string;
  running: boolean;
  /** A run exists (to pause, resume or reset). */
  started: boolean;
  /** What the run trains: head and input size. */
  run?: { head: Head; size: number };
  step: number;
  loss?: number;
  losses: LossPoint[];
  errors: ErrorPoint[];
  /** The latest step times, ms. */
  times: { step: number; ms: number }[];
  tensors?: number;
  /** Warnings for the reader (float16, a failed backend, an error). */
  notes: string[];
  /** What a screen reader heard last (an evaluation, a fallback, the timing). */
  said: string;
  bench?: BenchRow[];
  /** The run's model on the gallery's samples, at its latest evaluation. */
  gallery?: { step: number; size: number; samples: GallerySample[] };
  /**
   * Before the run's first step: how long it has warmed up (ms, paused time left out) as of the
   * latest tick of the page's clock (`at`, ms), so that the reader sees how long it has taken.
   */
  warmUp?: { ms: number; at: number };
}

/** Before anything has happened. */
export const INITIAL_TRAIN: TrainFed = {
  backend: 'not started',
  skipped: '',
  running: false,
  started: false,
  step: 0,
  losses: [],
  errors: [],
  times: [],
  notes: [],
  said: '',
};

const noted = (f: TrainFed, note: string): string[] => (f.notes.includes(note) ? f.notes : [...f.notes, note]);

/** Without the run's curves, loss and gallery. */
function cleared(f: TrainFed): TrainFed {
  const next: TrainFed = { ...f, step: 0, losses: [], errors: [], times: [] };
  delete next.loss;
  delete next.gallery;
  delete next.warmUp;
  return next;
}

/** A new run of `head` at `size` starts at `now` (ms, the page's clock): its curves start empty. */
export function startRun(f: TrainFed, head: Head, size: number, now: number): TrainFed {
  return { ...cleared(f), run: { head, size }, warmUp: { ms: 0, at: now } };
}

/**
 * The page's clock ticked at `now`: a running warm-up counts the time since the last tick, a
 * paused one only moves its tick (the same value when there is no warm-up to time).
 */
export function tickWarmUp(f: TrainFed, now: number): TrainFed {
  if (!f.warmUp) return f;
  return { ...f, warmUp: { ms: f.warmUp.ms + (f.running ? now - f.warmUp.at : 0), at: now } };
}

/** Whole seconds the warm-up has taken so far, or undefined when there is none. */
export function warmUpSeconds(f: TrainFed): number | undefined {
  return f.warmUp && Math.floor(f.warmUp.ms / 1000);
}

/** The run is reset: nothing to pause, no curves. */
export function resetRun(f: TrainFed): TrainFed {
  const next: TrainFed = { ...cleared(f), running: false, started: false };
  delete next.run;
  return next;
}

/** The state after one message of the worker (messages about the shipped models leave it as it is). */
export function onTrainMessage(f: TrainFed, m: ModelResponse): TrainFed {
  switch (m.type) {
    case 'backend':
      return {
        ...f,
        backend: m.choice.name,
        skipped: m.choice.skipped.length
          ? ` (skipped ${m.choice.skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`
          : '',
        notes: m.choice.float16
          ? noted(
              f,
              'This GPU computes in 16-bit floats: differences of a tenth of a pixel may be lost in its rounding.',
            )
          : f.notes,
      };
    case 'fallback':
      return m.training
        ? {
            ...f,
            notes: noted(
              f,
              `The ${m.from} backend failed (${m.reason}); training continues on ${m.to} from the last snapshot.`,
            ),
            said: `The ${m.from} backend failed; training continues on ${m.to}.`,
          }
        : {
            ...f,
            notes: noted(f, `The ${m.from} backend failed (${m.reason}); the models now run on ${m.to}.`),
            said: `The ${m.from} backend failed; the models now run on ${m.to}.`,
          };
    case 'state':
      return { ...f, running: m.running, started: true };
    case 'step': {
      const next: TrainFed = {
        ...f,
        step: m.step,
        loss: m.loss,
        losses: [...f.losses, { step: m.step, loss: m.loss }],
        times: [...f.times.slice(1 - TIMES_KEPT), { step: m.step, ms: m.ms }],
        tensors: m.tensors,
        backend: m.backend,
      };
      delete next.warmUp;
      return next;
    }
    case 'eval': {
      const errors = [
        ...f.errors,
        ...Object.entries(m.errors).map(([method, error]) => ({ step: m.step, method, error })),
      ];
      return {
        ...f,
        errors,
        run: { head: m.head, size: m.size },
        gallery: { step: m.step, size: m.size, samples: m.gallery },
        said: `Step ${m.step}: held-out error ${latestErrors(errors)}.`,
      };
    }
    case 'error':
      return { ...f, notes: noted(f, m.message) };
    case 'bench': {
      const gl = m.rows.find((r) => r.backend === 'webgl')?.medianMs;
      const cpu = m.rows.find((r) => r.backend === 'cpu')?.medianMs;
      return {
        ...f,
        bench: m.rows,
        said: gl && cpu ? `WebGL takes ${fmt(gl / cpu, 2)} times the CPU's step time.` : 'Backend timings are ready.',
      };
    }
    default:
      return f;
  }
}

/** Steps excluded from the step time while the backend warms up (shader compilation, etc.). */
export const WARM_UP_STEPS = 3;

/** The median of the last step times after warm-up, or undefined before there are any. */
export function medianStepMs(times: readonly { step: number; ms: number }[], last = 20): number | undefined {
  const warm = times
    .filter((t) => t.step > WARM_UP_STEPS)
    .slice(-last)
    .map((t) => t.ms)
    .sort((a, b) => a - b);
  if (!warm.length) return undefined;
  const mid = Math.floor(warm.length / 2);
  return warm.length % 2 ? warm[mid] : ((warm[mid - 1] as number) + (warm[mid] as number)) / 2;
}

/** The errors of the latest evaluation, in the order they came. */
export function latestEvaluation(errors: readonly ErrorPoint[]): ErrorPoint[] {
  const step = errors.at(-1)?.step;
  return errors.filter((e) => e.step === step);
}

/** "argmax 2.34 px, quarter shift 2.10 px, DARK 1.23 px" for the latest evaluation. */
export function latestErrors(errors: readonly ErrorPoint[]): string {
  return latestEvaluation(errors)
    .map((e) => `${METHOD_LABELS[e.method as Method] ?? e.method} ${fmt(e.error, 2)} px`)
    .join(', ');
}
