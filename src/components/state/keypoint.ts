/**
 * A keypoint on the 192×256 crop, the target σ and the target kind: the state shared by the
 * figures that follow one keypoint through a chapter. Chapter 1 shows no control for the
 * target kind; a link may still set it. Also the keypoint's position alone, as chapter 6
 * declares it too, and the handle and the chart sliders that move it.
 */
import { CROP_GEOMETRY, type Point, type TargetKind } from '../../lib/index.ts';
import { fmt } from '../ui/format.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';
import type { Bounds, HandlePart } from '../ui/parts.ts';

/** Where a keypoint on the crop may go, input px: the crop, less a tenth of a pixel at its far edges. */
export const CROP_BOUNDS: Bounds = {
  minX: 0,
  maxX: CROP_GEOMETRY.inputW - 0.1,
  minY: 0,
  maxY: CROP_GEOMETRY.inputH - 0.1,
};

/** A keypoint's position on the crop as the parameters `x` and `y` (input px), starting at `at`. */
export function cropPointParams(at: Point): Schema<Point> {
  return {
    x: numberParam({ default: at.x, min: CROP_BOUNDS.minX, max: CROP_BOUNDS.maxX }),
    y: numberParam({ default: at.y, min: CROP_BOUNDS.minY, max: CROP_BOUNDS.maxY }),
  };
}

/** The keypoint's handle (`data-role="handle"`) on the crop (`data-role="surface"`): it sets `x` and `y`. */
export function cropPointHandle<S extends Point>(describe: (p: Point) => string): HandlePart<S> {
  return {
    role: 'handle',
    surface: 'surface',
    bounds: CROP_BOUNDS,
    get: (s) => ({ x: s.x, y: s.y }),
    set: (p) => ({ x: p.x, y: p.y }) as Partial<S>,
    describe,
  };
}

/**
 * What a chart that is also a slider over the keypoint's `x` on the crop shares (figure 1.2's
 * row, figure 2.2's cell), spread into its `ChartSlider` with its label and steps.
 */
export const CROP_X_SLIDER = {
  key: 'x',
  min: CROP_BOUNDS.minX,
  max: CROP_BOUNDS.maxX,
  fine: 0.1,
  describe: (s: Readonly<Point>): string => `x ${fmt(s.x, 1)} input pixels`,
} as const;

/** The keypoint (`x`, `y`, input pixels), its target's σ and kind. */
export interface KeypointState extends Point {
  /** Target σ, heatmap pixels. */
  sigma: number;
  target: TargetKind;
}

export const keypointSchema: Schema<KeypointState> = {
  ...cropPointParams({ x: 141.3, y: 109.6 }),
  sigma: numberParam({ default: 2, min: 0.5, max: 4, digits: 1 }),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
};
