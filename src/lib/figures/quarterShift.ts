/**
 * Figure data for the quarter-pixel shift (chapter 3): a keypoint at a sub-pixel offset
 * inside one heatmap cell, its target, the maximum m and second maximum s, the two forms of
 * the shift, their errors, and "heat strips": how much each form gains over argmax at every
 * position in the cell.
 */
import { argmaxMap } from '../argmax.ts';
import { encodeTarget, type TargetKind } from '../encode.ts';
import { runOffsetSweep } from '../experiments.ts';
import { quarterMap, quarterSecondMax } from '../quarter.ts';
import { windowAround, type DecodedPoint, type Point } from '../stack.ts';

/** The map and cell the figure works on: a 48×64 heatmap at stride 4, cell (24, 32). */
export const QUARTER_SETTING = { w: 48, h: 64, stride: 4, cell: { x: 24, y: 32 } } as const;
/** Half-width of the window of cells shown around the maximum. */
export const WINDOW_RADIUS = 2;

/** The keypoint's offset inside the figure's cell, and its target. */
export interface QuarterShiftInput {
  /** The keypoint's offset from the cell centre, heatmap px, each in [-0.5, 0.5). */
  offset: Point;
  sigma: number;
  target: TargetKind;
}

/** The window of cells around m, m and s, both shifted points and their errors. */
export interface QuarterShiftData {
  keypoint: Point;
  /** (2r+1)² cell values around m, row-major, and the cell at the window's top left. */
  window: { values: Float32Array; origin: Point; size: number };
  max: DecodedPoint;
  second: DecodedPoint;
  perAxis: DecodedPoint;
  secondMax: DecodedPoint;
  /** Errors in input px. */
  errors: { argmax: number; perAxis: number; secondMax: number };
}

/** Encodes the keypoint and decodes it with argmax and both forms of the quarter shift. */
export function buildQuarterShift({ offset, sigma, target }: QuarterShiftInput): QuarterShiftData {
  const { w, h, stride, cell } = QUARTER_SETTING;
  const keypoint = { x: cell.x + offset.x, y: cell.y + offset.y };
  const map = encodeTarget(target, keypoint, w, h, sigma);
  const max = argmaxMap(map);
  const { second, point: secondMax } = quarterSecondMax(map);
  const perAxis = quarterMap(map);
  const err = (p: Point): number => stride * Math.hypot(p.x - keypoint.x, p.y - keypoint.y);
  return {
    keypoint,
    window: windowAround(map, max, WINDOW_RADIUS),
    max,
    second,
    perAxis,
    secondMax,
    errors: { argmax: err(max), perAxis: err(perAxis), secondMax: err(secondMax) },
  };
}

/** Gains of both forms over argmax across the cell (input px), and how often each helps. */
export interface QuarterStrips {
  steps: number;
  /** Offsets of the strip cells' centres along each axis, heatmap px. */
  offsets: number[];
  /** argmax error − method error (input px), steps × steps row-major: > 0 helps, < 0 hurts. */
  perAxisGain: Float64Array;
  secondMaxGain: Float64Array;
  /** Share of the cell where each form helps and where it hurts. */
  share: { perAxis: { helps: number; hurts: number }; secondMax: { helps: number; hurts: number } };
}

/** Gains of both forms over argmax at `steps × steps` positions covering the cell. */
export function buildQuarterStrips({
  sigma,
  target,
  steps = 20,
}: {
  sigma: number;
  target: TargetKind;
  steps?: number;
}): QuarterStrips {
  const { w, h, stride, cell } = QUARTER_SETTING;
  // Sample at the centres of steps × steps sub-cells, never on the cell's edge: the sweep
  // runs from -0.5 + i/steps, so shift the cell by half a sub-cell.
  const shift = 0.5 / steps;
  const centred = runOffsetSweep({
    heatmapW: w,
    heatmapH: h,
    stride,
    sigma,
    target,
    cell: { x: cell.x + shift, y: cell.y + shift },
    steps,
    mode: 'grid',
    decoders: ['argmax', 'quarter', 'quarter2'],
  });
  const perAxisGain = new Float64Array(steps * steps);
  const secondMaxGain = new Float64Array(steps * steps);
  const count = { pa: [0, 0], sm: [0, 0] };
  centred.forEach((s, i) => {
    const a = s.errors.argmax as number;
    perAxisGain[i] = a - (s.errors.quarter as number);
    secondMaxGain[i] = a - (s.errors.quarter2 as number);
    const tally = (g: number, c: number[]): void => {
      if (g > 1e-9) c[0] = (c[0] as number) + 1;
      else if (g < -1e-9) c[1] = (c[1] as number) + 1;
    };
    tally(perAxisGain[i] as number, count.pa);
    tally(secondMaxGain[i] as number, count.sm);
  });
  const n = steps * steps;
  return {
    steps,
    offsets: Array.from({ length: steps }, (_, i) => -0.5 + shift + i / steps),
    perAxisGain,
    secondMaxGain,
    share: {
      perAxis: { helps: (count.pa[0] as number) / n, hurts: (count.pa[1] as number) / n },
      secondMax: { helps: (count.sm[0] as number) / n, hurts: (count.sm[1] as number) / n },
    },
  };
}
