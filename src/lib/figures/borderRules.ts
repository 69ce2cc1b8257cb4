/**
 * Figure data for the border rules (chapter 10, figure 10.4): a keypoint's unbiased target on
 * a small map, the cell argmax finds, which refinement each toolkit's rule runs there
 * (`refinementAt`, `conventions.ts`) and where each decoder puts the point (`decodeMap`):
 *
 * - HRNet's quarter shift (`get_final_preds`): both axes, only when 1 < x < W-1 and 1 < y < H-1;
 * - MMPose's quarter shift (`refine_keypoints`): x when 1 < x < W − 1 and 0 < y < H, y when 1 < y < H − 1 and 0 < x < W;
 * - DARK (DarkPose's `taylor`, MMPose's `refine_keypoints_dark`): two cells from every edge;
 * - DARK-UDP (`refine_keypoints_dark_udp`): everywhere, reading an edge-padded log map.
 *
 * Megvii's rule is HRNet's (`BORDER_RULE_INFO`); its +0.5 belongs with its floored targets,
 * so the figure leaves its point out.
 */
import { argmaxMap } from '../argmax.ts';
import { refinementAt, type BorderRule } from '../conventions.ts';
import { decodeMap } from '../decoders.ts';
import { encodeUnbiased } from '../encode.ts';
import type { DecodedPoint, Point } from '../stack.ts';
import { BORDER_SETTING, FIGURE_BORDER_RULES, type FigureBorderRule } from './toolkitFigures.ts';

/** A rectangle of cells, inclusive. */
export interface CellRect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Where a rule refines each axis on a W × H map: the cells whose argmax it refines along x and
 * along y, as their bounding rectangles (null when none). Every rule's set is a rectangle, so
 * the rectangle is the set (tests/lib/figures/borderRules.test.ts checks it cell by cell).
 */
export function refinementZones(w: number, h: number): Record<BorderRule, { x: CellRect | null; y: CellRect | null }> {
  const grow = (r: CellRect | null, x: number, y: number): CellRect =>
    r
      ? { x0: Math.min(r.x0, x), x1: Math.max(r.x1, x), y0: Math.min(r.y0, y), y1: Math.max(r.y1, y) }
      : { x0: x, x1: x, y0: y, y1: y };
  const out = {} as Record<BorderRule, { x: CellRect | null; y: CellRect | null }>;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = refinementAt(x, y, w, h);
      for (const rule of Object.keys(at) as BorderRule[]) {
        const zone = (out[rule] ??= { x: null, y: null });
        if (at[rule].x) zone.x = grow(zone.x, x, y);
        if (at[rule].y) zone.y = grow(zone.y, x, y);
      }
    }
  }
  return out;
}

/** Everything figure 10.4 draws in one state. */
export interface BorderRulesData {
  w: number;
  h: number;
  keypoint: Point;
  /** The target, h × w row-major. */
  map: Float32Array;
  /** The cell argmax finds, and its distance from the truth, cells. */
  argmax: DecodedPoint;
  argmaxError: number;
  /** Whether each rule refines x and y at the argmax cell. */
  refines: Record<FigureBorderRule, { x: boolean; y: boolean }>;
  /** Each rule's decoded point and its distance from the truth, cells. */
  points: Record<FigureBorderRule, DecodedPoint>;
  errors: Record<FigureBorderRule, number>;
  /** Each rule's refinement zones on this map. */
  zones: Record<FigureBorderRule, { x: CellRect | null; y: CellRect | null }>;
}

/** The decoder and convention that apply each rule. */
function decodeUnder(rule: FigureBorderRule, map: { data: Float32Array; w: number; h: number }): DecodedPoint {
  const { kernel } = BORDER_SETTING;
  switch (rule) {
    case 'hrnetQuarter':
      return decodeMap('quarter', map, { convention: 'reference' });
    case 'mmposeQuarter':
      return decodeMap('quarter', map, { convention: 'mmpose' });
    case 'dark':
      return decodeMap('dark', map, { convention: 'reference', kernel });
    case 'darkUdp':
      return decodeMap('darkUdp', map, { kernel });
  }
}

/** Figure 10.4 for a keypoint in cells of the 16 × 12 map (it may sit on the border cells). */
export function buildBorderRules({ keypoint }: { keypoint: Point }): BorderRulesData {
  const { w, h, sigma } = BORDER_SETTING;
  const target = encodeUnbiased(keypoint, w, h, sigma);
  const map = { data: target.data, w, h };
  const argmax = argmaxMap(map);
  const at = refinementAt(argmax.x, argmax.y, w, h);
  const zones = refinementZones(w, h);
  const refines = {} as BorderRulesData['refines'];
  const points = {} as BorderRulesData['points'];
  const errors = {} as BorderRulesData['errors'];
  const figureZones = {} as BorderRulesData['zones'];
  const dist = (p: Point) => Math.hypot(p.x - keypoint.x, p.y - keypoint.y);
  for (const rule of FIGURE_BORDER_RULES) {
    refines[rule] = at[rule];
    points[rule] = decodeUnder(rule, map);
    errors[rule] = dist(points[rule]);
    figureZones[rule] = zones[rule];
  }
  return {
    w,
    h,
    keypoint,
    map: target.data,
    argmax,
    argmaxError: dist(argmax),
    refines,
    points,
    errors,
    zones: figureZones,
  };
}
