/**
 * The sub-pixel shift test on a real network: move the crop's content right by 0–8 input pixels in
 * steps of 0.25 (`crop.ts`, `shiftCrop`; the photo is resampled, not the heatmap), run the model at
 * each step and decode one joint with every decoder (`decode.ts`). A keypoint that moves t input
 * pixels moves t / 4 heatmap cells, so a faithful decoder follows a line of slope 1 / stride = 0.25
 * cells per pixel; argmax climbs it in whole-cell stairs.
 */
import { argmaxIndex } from '../argmax.ts';
import type { Point } from '../stack.ts';
import type { CropSquare, Photo } from './crop.ts';
import { resampleCrop, shiftCrop } from './crop.ts';
import {
  BLAZEPOSE_DECODER_IDS,
  decodeJoint,
  type BlazePoseDecodeOptions,
  type BlazePoseDecoderId,
  type BlazePoseJointDecode,
} from './decode.ts';
import { BLAZEPOSE_INPUT_SIZE, BLAZEPOSE_STRIDE } from './model.ts';
import { probabilityMap, withoutSigmoid, type BlazePoseMaps } from './outputs.ts';

/** The chapter's sweep: 0 to 8 input pixels in steps of 0.25 (33 crops). */
export const SHIFT_TEST_MAX = 8;
/** Step of the sweep, input pixels. */
export const SHIFT_TEST_STEP = 0.25;

/** The ideal slope: heatmap cells per input pixel of shift, 1 / stride. */
export const SHIFT_TEST_IDEAL_SLOPE = 1 / BLAZEPOSE_STRIDE;

/** The shifts 0, step, 2·step, …, max (input pixels), computed as i·step so 0.25 steps stay exact. */
export function shiftSchedule(max = SHIFT_TEST_MAX, step = SHIFT_TEST_STEP): number[] {
  if (!(step > 0) || !(max >= 0)) throw new RangeError('the sweep needs a positive step and a maximum ≥ 0');
  const n = Math.floor(max / step + 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

/** Runs the model on one 256 × 256 × 3 input (RGB in 0–1, channels last) and reads its outputs. */
export type RunBlazePose = (input: Float32Array) => Promise<BlazePoseMaps>;

/** One crop of the sweep: the shift (input px) and what the model gave for it (logits and landmarks). */
export interface ShiftSweepFrame {
  shift: number;
  maps: BlazePoseMaps;
}

/** Options of {@link runShiftSweep}. */
export interface ShiftSweepOptions {
  /** The shifts in input pixels; default {@link shiftSchedule}(). */
  shifts?: readonly number[];
  /** Called after each crop, e.g. to draw the curve as it grows. */
  onStep?: (frame: ShiftSweepFrame, index: number, total: number) => void;
  /** Asked before each crop: when it answers true the sweep stops and returns the crops it has. */
  cancelled?: () => boolean;
}

/**
 * Runs the sweep: for each shift, resamples `photo` in `crop` moved by that shift (content moves
 * right), runs `run` and keeps its logits and landmarks (not the sigmoid maps: any joint can be
 * decoded later, at half the memory). Sequential, one model run at a time.
 */
export async function runShiftSweep(
  run: RunBlazePose,
  photo: Photo,
  crop: CropSquare,
  options: ShiftSweepOptions = {},
): Promise<ShiftSweepFrame[]> {
  const shifts = options.shifts ?? shiftSchedule();
  const frames: ShiftSweepFrame[] = [];
  for (const [i, shift] of shifts.entries()) {
    if (options.cancelled?.()) break;
    const input = resampleCrop(photo, shiftCrop(crop, shift), BLAZEPOSE_INPUT_SIZE);
    const frame = { shift, maps: withoutSigmoid(await run(input)) };
    frames.push(frame);
    options.onStep?.(frame, i, shifts.length);
  }
  return frames;
}

/** One step of the sweep, decoded: the shift and the joint's decoded points (heatmap cells). */
export interface ShiftTestFrame {
  shift: number;
  decode: BlazePoseJointDecode;
}

/** Decodes joint `joint` of every crop of a sweep with every decoder. */
export function decodeShiftSweep(
  frames: readonly ShiftSweepFrame[],
  joint: number,
  options: BlazePoseDecodeOptions = {},
): ShiftTestFrame[] {
  return frames.map((f) => ({ shift: f.shift, decode: decodeJoint(f.maps, joint, options) }));
}

/** Options of {@link runShiftTest}: the joint, the sweep, and the decoders' settings. */
export interface ShiftTestOptions extends BlazePoseDecodeOptions {
  joint: number;
  /** The shifts in input pixels; default {@link shiftSchedule}(). */
  shifts?: readonly number[];
  /** Called after each step, e.g. to draw the curve as it grows. */
  onFrame?: (frame: ShiftTestFrame, index: number, total: number) => void;
}

/** {@link runShiftSweep}, then {@link decodeShiftSweep} of one joint: the sweep for one joint at once. */
export async function runShiftTest(
  run: RunBlazePose,
  photo: Photo,
  crop: CropSquare,
  options: ShiftTestOptions,
): Promise<ShiftTestFrame[]> {
  const frames = await runShiftSweep(run, photo, crop, {
    ...(options.shifts ? { shifts: options.shifts } : {}),
    onStep: (frame, i, total) => {
      const [decoded] = decodeShiftSweep([frame], options.joint, options);
      if (decoded) options.onFrame?.(decoded, i, total);
    },
  });
  return decodeShiftSweep(frames, options.joint, options);
}

/**
 * Argmax's column for every joint at every crop of a sweep, [joint][crop], heatmap cells: the first
 * maximum of each sigmoid map, as `decodeJoint` finds it (what a reader looks for when asked where
 * the argmax jumps).
 */
export function argmaxColumns(frames: readonly ShiftSweepFrame[]): number[][] {
  const k = frames[0]?.maps.logits.k ?? 0;
  return Array.from({ length: k }, (_, joint) =>
    frames.map((f) => {
      const map = probabilityMap(f.maps, joint);
      return argmaxIndex(map.data) % map.w;
    }),
  );
}

/** How one decoder's x followed the shift. */
export interface ShiftSeries {
  /** x in heatmap cells at each shift, in the frames' order. */
  x: number[];
  /** y in heatmap cells (the shift is horizontal: ideally constant). */
  y: number[];
  /** Least-squares slope of x against the shift, cells per input pixel (ideal 0.25). */
  slope: number;
  /** Least-squares intercept, cells. */
  intercept: number;
  /** x at the last shift minus x at the first, cells (ideal: total shift / 4). */
  travel: number;
  /** Whether x never decreases along the sweep. */
  monotone: boolean;
  /** The largest step back, max(x[i−1] − x[i], 0) over the sweep, cells (0 when monotone). */
  largestDrop: number;
  /** How many different x values it took (argmax: whole cells only). */
  distinct: number;
  /** Largest |x − (x₀ + shift / 4)|, cells: the distance from the ideal line through its first point. */
  maxDeviation: number;
}

/** The sweep, summarised per decoder and for the regressed landmark. */
export interface ShiftTestSummary {
  shifts: number[];
  series: Partial<Record<BlazePoseDecoderId, ShiftSeries>>;
  regressed: ShiftSeries;
  /** The ideal slope, 1 / stride. */
  idealSlope: number;
}

function fitSeries(shifts: readonly number[], points: readonly Point[]): ShiftSeries {
  const x = points.map((p) => p.x);
  const y = points.map((p) => p.y);
  const n = shifts.length;
  const meanS = shifts.reduce((a, b) => a + b, 0) / n;
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const ds = (shifts[i] as number) - meanS;
    sxx += ds * ds;
    sxy += ds * ((x[i] as number) - meanX);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  let largestDrop = 0;
  let maxDeviation = 0;
  const x0 = x[0] as number;
  const s0 = shifts[0] as number;
  for (let i = 0; i < n; i++) {
    if (i > 0) largestDrop = Math.max(largestDrop, (x[i - 1] as number) - (x[i] as number));
    const ideal = x0 + ((shifts[i] as number) - s0) * SHIFT_TEST_IDEAL_SLOPE;
    maxDeviation = Math.max(maxDeviation, Math.abs((x[i] as number) - ideal));
  }
  return {
    x,
    y,
    slope,
    intercept: meanX - slope * meanS,
    travel: (x[n - 1] as number) - x0,
    monotone: largestDrop === 0,
    largestDrop,
    distinct: new Set(x).size,
    maxDeviation,
  };
}

/** Summarises a sweep: slope, travel, monotonicity, distinct values and deviation per decoder. */
export function summarizeShiftTest(frames: readonly ShiftTestFrame[]): ShiftTestSummary {
  if (frames.length < 2) throw new RangeError('a shift test needs at least two frames');
  const shifts = frames.map((f) => f.shift);
  const series: Partial<Record<BlazePoseDecoderId, ShiftSeries>> = {};
  for (const id of BLAZEPOSE_DECODER_IDS) {
    const points = frames.map((f) => f.decode.points[id]);
    if (points.every((p): p is Point => p !== undefined)) series[id] = fitSeries(shifts, points);
  }
  return {
    shifts,
    series,
    regressed: fitSeries(
      shifts,
      frames.map((f) => f.decode.regressed),
    ),
    idealSlope: SHIFT_TEST_IDEAL_SLOPE,
  };
}
