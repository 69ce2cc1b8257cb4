/**
 * A Decoder Lab run, planned: what to decode and in which pieces. For heatmaps, the stack or the
 * flip test's averages (the shift chosen first, and with ground truth the other two choices as
 * well, to compare them), the ground truth paired with the samples, and the chunks to decode
 * between progress reports; for a SimCC pair, the same without the flip test. Planning reads
 * nothing but its arguments: a host (the Lab's worker) runs the plan a chunk at a time
 * (`runLabPlan`), then `labResult` assembles what the page shows.
 */
import {
  decodeLabRange,
  decodeLabSimccRange,
  labInputScale,
  type LabRow,
  type LabSettings,
  type LabSimccSettings,
} from './decode.ts';
import type { HeatmapDecoderId } from '../decoders.ts';
import { flipIndicesFromPairs, flipTestAverage, flipVectors } from '../flip.ts';
import type { Point } from '../stack.ts';
import type { LabInput } from './files.ts';
import { groundTruthInHeatmap } from './groundTruth.ts';
import { scanNonFinite, type LabStack, type NonFiniteReport } from './input.ts';
import { pairTruth, type PairedTruth, type ReadTruthFile } from './pairing.ts';
import { heatmapSettingsOf, simccSettingsOf, type FlipChoice, type LabDecoderId, type LabRun } from './run.ts';
import type { LabSimcc } from './simccInput.ts';

/** Maps (or SimCC keypoints) decoded between progress reports and chances to be superseded. */
export const LAB_CHUNK = 64;

/** Maps [from, to) of variant `variant`; `done` counts every map decoded once this chunk is. */
export interface LabChunk {
  variant: number;
  from: number;
  to: number;
  done: number;
}

/** One stack to decode: the input, or the flip test's average with a shift. */
export interface PlanVariant {
  key: FlipChoice;
  stack: LabStack;
  report: NonFiniteReport;
}

/** What both kinds of plan hold. */
interface PlanBase {
  run: LabRun;
  /** The input (crop) size in pixels. */
  inputW: number;
  inputH: number;
  /** Input pixels per point unit, per axis. */
  scale: Point;
  paired: PairedTruth;
  chunks: LabChunk[];
  total: number;
  /** Problems the reader should fix (the ground truth's, bad flip pairs). */
  messages: string[];
  /** How things were read or assumed, worth saying. */
  notes: string[];
}

/** A heatmap decode's plan: the stacks to decode (the first shown), and the flip test when it runs. */
export interface HeatmapPlan extends PlanBase {
  kind: 'heatmaps';
  input: Extract<LabInput, { kind: 'heatmaps' }>;
  settings: LabSettings<HeatmapDecoderId>;
  /** The first is the one the page shows. */
  variants: PlanVariant[];
  /** The flipped image's maps, when the flip test is decoded. */
  flip?: { source: string; shift: 0 | 1 };
}

/** A SimCC pair's plan: one pass over its keypoints. */
export interface SimccPlan extends PlanBase {
  kind: 'simcc';
  /** The vectors decoded: the input's, or their average with the flipped image's. */
  simcc: LabSimcc;
  settings: LabSimccSettings;
  /** The flip test as run (no shift for SimCC). */
  flip?: { source: string; shift: 0 };
}

/** A Lab decode's plan, for heatmaps or a SimCC pair. */
export type LabPlan = HeatmapPlan | SimccPlan;

/** What the plan reads besides the input and the run. */
export interface PlanContext {
  /** The flipped image's maps, if loaded. */
  flipped?: LabStack;
  /** The flipped image's SimCC vectors, if loaded (RTMPose's flip test). */
  flippedSimcc?: LabSimcc;
  /** The ground-truth files, read for as many points as the input has maps. */
  truth: readonly ReadTruthFile[];
}

/** The chunks that decode variants of the given sizes in order, at most `size` maps each. */
export function labChunks(sizes: readonly number[], size = LAB_CHUNK): LabChunk[] {
  const chunks: LabChunk[] = [];
  let done = 0;
  sizes.forEach((count, variant) => {
    for (let from = 0; from < count; from += size) {
      const to = Math.min(count, from + size);
      done += to - from;
      chunks.push({ variant, from, to, done });
    }
  });
  return chunks;
}

/** Plans the decode of `input` under `run`. */
export function planLabDecode(input: LabInput, run: LabRun, context: PlanContext): LabPlan {
  return input.kind === 'heatmaps' ? planHeatmaps(input, run, context) : planSimcc(input.simcc, run, context);
}

/** Where a heatmap decode's points land and the ground truth paired with its samples. */
export interface TruthFrame {
  /** The input (crop) size in pixels. */
  inputW: number;
  inputH: number;
  /** Input pixels per point unit, per axis. */
  scale: Point;
  paired: PairedTruth;
  /** How things were read or assumed, worth saying. */
  notes: string[];
}

/** The samples a ground truth must fit: N × K, the input size, and the run's mapping and box threshold. */
const truthGeometry = (n: number, k: number, inputW: number, inputH: number, run: LabRun) => ({
  n,
  k,
  inputW,
  inputH,
  mapping: run.mapping,
  bboxScoreThr: run.bboxScoreThr,
});

/** The frame of `n` samples of `k` maps of `h × w` under `run`, with the ground-truth files paired. */
export function heatmapTruthFrame(
  shape: { n: number; k: number; h: number; w: number },
  run: LabRun,
  truth: readonly ReadTruthFile[],
): TruthFrame {
  const { n, k, w, h } = shape;
  const scale = labInputScale(heatmapSettingsOf(run), w, h);
  const inputW = w * run.stride;
  const inputH = h * run.stride;
  const mapping = { mapping: run.mapping, heatmapW: w, heatmapH: h };
  // Rows are in heatmap pixels; the metrics read input pixels.
  const paired = pairTruth(truth, truthGeometry(n, k, inputW, inputH, run), {
    toInput: (p) => ({ x: p.x * scale.x, y: p.y * scale.y }),
    toRows: (p) => ({ x: p.x / scale.x, y: p.y / scale.y }),
    fromFile: (points) => groundTruthInHeatmap(points, run.units, run.stride, mapping),
  });
  return { inputW, inputH, scale, paired, notes: [] };
}

/** The frame of `n` samples of `k` SimCC vector pairs under `run` (points in input pixels), with the ground truth paired. */
export function simccTruthFrame(
  shape: { n: number; k: number; lengthX: number; lengthY: number },
  run: LabRun,
  truth: readonly ReadTruthFile[],
): TruthFrame {
  const { n, k, lengthX, lengthY } = shape;
  const notes: string[] = [];
  if (truth.length && run.units === 'heatmap') {
    notes.push('SimCC points are input pixels (bins / k), so the ground truth is read in input pixels.');
  }
  const same = (p: Point) => ({ x: p.x, y: p.y });
  const inputW = lengthX / run.splitRatio;
  const inputH = lengthY / run.splitRatio;
  const paired = pairTruth(truth, truthGeometry(n, k, inputW, inputH, run), {
    toInput: same,
    toRows: same,
    fromFile: (points) => points,
  });
  return { inputW, inputH, scale: { x: 1, y: 1 }, paired, notes };
}

function planHeatmaps(input: HeatmapPlan['input'], run: LabRun, context: PlanContext): HeatmapPlan {
  const { stack } = input;
  const { n, k, w, h } = stack;
  const settings = heatmapSettingsOf(run);
  const { inputW, inputH, scale, paired } = heatmapTruthFrame(stack, run, context.truth);
  const messages = [...paired.messages];
  const flip = flipOf(stack, context.flipped, run, messages);
  const variants: PlanVariant[] = [];
  const main: FlipChoice = flip ? run.flip : 'off';
  const variant = (key: FlipChoice): PlanVariant => {
    if (key === 'off' || !flip) return { key, stack, report: input.report };
    const maps = n * k;
    const averaged = flipTestAverage(
      { data: stack.data, k: maps, h, w },
      { data: flip.stack.data, k: maps, h, w },
      flip.indices,
      key,
    );
    const out = { ...stack, data: averaged.data };
    return { key, stack: out, report: scanNonFinite(out) };
  };
  variants.push(variant(main));
  // With ground truth, the other choices too: what each does to each decoder's error.
  if (flip && paired.truth) for (const key of ['off', 0, 1] as const) if (key !== main) variants.push(variant(key));
  const chunks = labChunks(variants.map(() => n * k));
  return {
    kind: 'heatmaps',
    run,
    input,
    settings,
    inputW,
    inputH,
    scale,
    paired,
    variants,
    ...(flip && main !== 'off' ? { flip: { source: flip.stack.source, shift: main } } : {}),
    chunks,
    total: chunks.at(-1)?.done ?? 0,
    messages,
    notes: [],
  };
}

/** The flipped maps and flip indices when the flip test can run, else undefined (with a message when it cannot). */
function flipOf(
  stack: LabStack,
  flipped: LabStack | undefined,
  run: LabRun,
  messages: string[],
): { stack: LabStack; indices: number[] } | undefined {
  if (!flipped || run.flip === 'off') return undefined;
  const { n, k, w, h } = stack;
  if (flipped.n !== n || flipped.k !== k || flipped.w !== w || flipped.h !== h) {
    messages.push(
      `${flipped.source}: ${flipped.n} × ${flipped.k} maps of ${flipped.h} × ${flipped.w}, but the input is ${n} × ${k} of ${h} × ${w}; the flip test needs the same shape`,
    );
    return undefined;
  }
  try {
    return { stack: flipped, indices: flipIndicesFromPairs(run.pairs, k) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    messages.push(`Flip pairs: ${error.message}; the flip test is off until they fit the ${k} keypoints`);
    return undefined;
  }
}

function planSimcc(simcc: LabSimcc, run: LabRun, context: PlanContext): SimccPlan {
  const { n, k } = simcc;
  const { inputW, inputH, paired, notes } = simccTruthFrame(simcc, run, context.truth);
  const messages = [...paired.messages];
  if (context.flipped && run.flip !== 'off') {
    notes.push(
      `${context.flipped.source}: heatmaps, but the input is SimCC vectors; the flip test needs the flipped image's vectors.`,
    );
  }
  const flipped = simccFlipOf(simcc, context.flippedSimcc, run, messages);
  const chunks = labChunks([n * k]);
  return {
    kind: 'simcc',
    run,
    simcc: flipped?.averaged ?? simcc,
    ...(flipped ? { flip: { source: flipped.source, shift: 0 as const } } : {}),
    settings: simccSettingsOf(run),
    inputW,
    inputH,
    scale: { x: 1, y: 1 },
    paired,
    chunks,
    total: n * k,
    messages,
    notes,
  };
}

/**
 * RTMPose's flip test on SimCC vectors (`RTMCCHead.predict` with `flip_test=True`): the flipped
 * image's vectors flipped back by MMPose's `flip_vectors` (x mirrored, left and right swapped; y
 * swapped), then averaged with the input's, (x + x′)·0.5. No shift: a vector's bins are input
 * pixels, and mirroring them is exact. Undefined (with a message when it cannot run) otherwise.
 */
function simccFlipOf(
  simcc: LabSimcc,
  flipped: LabSimcc | undefined,
  run: LabRun,
  messages: string[],
): { averaged: LabSimcc; source: string } | undefined {
  if (!flipped || run.flip === 'off') return undefined;
  const { n, k, lengthX, lengthY } = simcc;
  if (flipped.n !== n || flipped.k !== k || flipped.lengthX !== lengthX || flipped.lengthY !== lengthY) {
    messages.push(
      `${flipped.source}: ${flipped.n} × ${flipped.k} vectors of ${flipped.lengthX} and ${flipped.lengthY} bins, but the input is ${n} × ${k} of ${lengthX} and ${lengthY}; the flip test needs the same shape`,
    );
    return undefined;
  }
  let indices: number[];
  try {
    indices = flipIndicesFromPairs(run.pairs, k);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    messages.push(`Flip pairs: ${error.message}; the flip test is off until they fit the ${k} keypoints`);
    return undefined;
  }
  return { averaged: { ...simcc, ...simccFlipAverage(simcc, flipped, indices) }, source: flipped.source };
}

/**
 * RTMPose's flip-test average of `count` = N·K vector pairs: the flipped image's vectors flipped
 * back (`flip_vectors`), then (v + v′)·0.5 (see {@link simccFlipOf}'s comment).
 */
export function simccFlipAverage(
  input: Pick<LabSimcc, 'n' | 'k' | 'x' | 'y'>,
  flipped: Pick<LabSimcc, 'x' | 'y'>,
  indices: readonly number[],
): { x: Float32Array; y: Float32Array } {
  const back = flipVectors(flipped.x, flipped.y, input.n * input.k, indices);
  return {
    x: back.x.map((v, i) => (input.x[i]! + v) * 0.5),
    y: back.y.map((v, i) => (input.y[i]! + v) * 0.5),
  };
}

/** Decodes one chunk of the plan: its rows, in the order of the maps. */
export function decodeLabChunk(plan: LabPlan, chunk: LabChunk): LabRow<LabDecoderId>[] {
  const truth = plan.paired.truth?.perMap;
  if (plan.kind === 'simcc') return decodeLabSimccRange(plan.simcc, plan.settings, chunk.from, chunk.to, truth);
  const variant = plan.variants[chunk.variant] as PlanVariant;
  return decodeLabRange(variant.stack, plan.settings, chunk.from, chunk.to, truth, variant.report.emptyMaps);
}

/** How a host runs a plan: it hears progress, says whether it was superseded, and gives way between chunks. */
export interface PlanHooks {
  progress(done: number, total: number): void;
  cancelled(): boolean;
  /** Yields between chunks (a worker's setTimeout; tests may resolve at once). */
  pause(): Promise<void>;
}

/** Decodes every chunk of `plan`; each variant's rows, or undefined when superseded. */
export async function runLabPlan(plan: LabPlan, hooks: PlanHooks): Promise<LabRow<LabDecoderId>[][] | undefined> {
  const rows: LabRow<LabDecoderId>[][] = plan.kind === 'heatmaps' ? plan.variants.map(() => []) : [[]];
  for (const chunk of plan.chunks) {
    if (hooks.cancelled()) return undefined;
    (rows[chunk.variant] as LabRow<LabDecoderId>[]).push(...decodeLabChunk(plan, chunk));
    hooks.progress(chunk.done, plan.total);
    await hooks.pause();
  }
  return hooks.cancelled() ? undefined : rows;
}
