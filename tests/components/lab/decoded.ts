/**
 * Real decodes for the Lab's page tests, made as the worker makes them: the library's plan, run and
 * result (`planLabDecode`, `runLabPlan`, `labResult`) on the library's sample or on two SimCC
 * keypoints, under a run from the Lab's URL state (`runOf`).
 */
import {
  LAB_SAMPLE,
  labResult,
  makeLabSample,
  planLabDecode,
  runLabPlan,
  scanNonFinite,
  type InputSummary,
  type LabInput,
  type LabResult,
  type LabRun,
  type LabSimcc,
  type LabStack,
  type PlanContext,
  type Point,
} from '../../../src/lib/index.ts';
import type { LabDecoded } from '../../../src/components/lab/sources.ts';
import { labSchema, runOf, type LabState } from '../../../src/components/lab/state.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';

/** The run of the Lab's default state, patched. */
export const runWith = (patch: Partial<LabState> = {}): LabRun => runOf({ ...defaultsOf(labSchema), ...patch });

/** The library's sample with `n` samples (17 keypoints of 64 × 48, stride 4), its truth in input pixels. */
export const sampleOf = (n = 2, seed = LAB_SAMPLE.seed) => makeLabSample({ ...LAB_SAMPLE, n, seed });

/** Heatmaps as the worker holds them once read. */
export const heatmapInput = (stack: LabStack): LabInput => ({ kind: 'heatmaps', stack, report: scanNonFinite(stack) });

/** What the page hears of a loaded stack. */
export const summaryOf = (stack: LabStack, source = stack.source): InputSummary => ({
  kind: 'heatmaps',
  source,
  n: stack.n,
  k: stack.k,
  h: stack.h,
  w: stack.w,
});

/** A points file of `points`, as read. */
export const pointsFile = (points: Point[], name = 'truth.json'): PlanContext['truth'][number] => ({
  name,
  file: { kind: 'points', points },
});

/** Decodes `input` under `run` as the worker does. */
export async function decodeWith(
  input: LabInput,
  run: LabRun,
  context: PlanContext = { truth: [] },
): Promise<LabResult> {
  const plan = planLabDecode(input, run, context);
  const rows = await runLabPlan(plan, { progress: () => {}, cancelled: () => false, pause: async () => {} });
  if (!rows) throw new Error('the plan was cancelled');
  return labResult(plan, rows);
}

/** A decode of the sample (`n` samples), with its ground truth and a flipped stack when asked. */
export async function heatmapsDecoded(
  options: { n?: number; truth?: boolean; flipped?: boolean; run?: LabRun } = {},
): Promise<LabDecoded> {
  const { n = 2, truth = false, flipped = false, run = runWith() } = options;
  const sample = sampleOf(n);
  const context: PlanContext = {
    truth: truth ? [pointsFile(sample.truth)] : [],
    ...(flipped ? { flipped: { ...sampleOf(n, 99).stack, source: 'flipped.npy' } } : {}),
  };
  return { result: await decodeWith(heatmapInput(sample.stack), run, context), run };
}

/** A Gaussian bump over `length` bins, peaked at bin `at`. */
const bump = (length: number, at: number) => Float32Array.from({ length }, (_, b) => Math.exp(-((b - at) ** 2) / 18));

/** One sample of two keypoints as SimCC vectors of 96 (x) and 128 (y) bins, peaked at these bins. */
export const SIMCC_PEAKS = { x: [30.3, 70.6], y: [12.8, 99.1] } as const;
export const simcc: LabSimcc = {
  n: 1,
  k: 2,
  lengthX: 96,
  lengthY: 128,
  x: Float32Array.from([...bump(96, SIMCC_PEAKS.x[0]), ...bump(96, SIMCC_PEAKS.x[1])]),
  y: Float32Array.from([...bump(128, SIMCC_PEAKS.y[0]), ...bump(128, SIMCC_PEAKS.y[1])]),
  source: 'out_x.npy + out_y.npy',
};

/** A decode of the two SimCC keypoints, with ground truth at the peaks (input pixels: bins / k) when asked. */
export async function simccDecoded(options: { truth?: boolean; run?: LabRun } = {}): Promise<LabDecoded> {
  const { truth = false, run = runWith() } = options;
  const k = run.splitRatio;
  const points = SIMCC_PEAKS.x.map((x, i) => ({ x: x / k, y: (SIMCC_PEAKS.y[i] as number) / k }));
  const context: PlanContext = { truth: truth ? [pointsFile(points)] : [] };
  return { result: await decodeWith({ kind: 'simcc', simcc }, run, context), run };
}
