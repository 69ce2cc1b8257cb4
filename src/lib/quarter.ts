/**
 * The quarter-pixel shift (codec-spec §3), the hand-made fix for argmax's quantisation used
 * by SimpleBaseline and HRNet, in its two forms:
 *
 * - per-axis (the reference code): x += 0.25·sign(h[y][x+1] - h[y][x-1]), y likewise;
 * - second maximum (as the DARK paper writes it): p = m + 0.25 (s - m)/‖s - m‖.
 *
 * They agree when s is a horizontal or vertical neighbour of m and differ when it is a
 * diagonal one (the per-axis form moves 0.25 along both axes, ‖shift‖ = 0.354).
 */
import { argmaxIndex, argmaxMap } from './argmax.ts';
import type { DecodedPoint, Heatmap, HeatmapStack } from './stack.ts';
import { mapOf } from './stack.ts';

/** The quarter shift's step, heatmap pixels: HRNet's `np.sign(diff) * .25`, the DARK paper's 0.25. */
export const QUARTER_STEP = 0.25;

/** The per-axis quarter shift of one map: only when 1 < x < W-1 and 1 < y < H-1. */
export function quarterMap(map: Heatmap): DecodedPoint {
  return quarterFrom(map, argmaxMap(map));
}

/** The per-axis quarter shift from a known argmax `m` of `map` (saves a scan). */
export function quarterFrom(map: Heatmap, m: DecodedPoint): DecodedPoint {
  const { w, h, data } = map;
  const { x, y } = m;
  if (!(x > 1 && x < w - 1 && y > 1 && y < h - 1)) return m;
  const row = y * w;
  const dx = (data[row + x + 1] as number) - (data[row + x - 1] as number);
  const dy = (data[row + w + x] as number) - (data[row - w + x] as number);
  return { x: x + QUARTER_STEP * Math.sign(dx), y: y + QUARTER_STEP * Math.sign(dy), score: m.score };
}

/** Per-axis quarter shift of every map of a stack, in heatmap pixels. */
export function decodeQuarter(stack: HeatmapStack): DecodedPoint[] {
  const out: DecodedPoint[] = [];
  for (let k = 0; k < stack.k; k++) out.push(quarterMap(mapOf(stack, k)));
  return out;
}

/** The maximum m, the second maximum s, and the shifted point of the second-maximum form. */
export interface SecondMaxShift {
  max: DecodedPoint;
  second: DecodedPoint;
  point: DecodedPoint;
}

/**
 * The DARK paper's form p = m + 0.25 (s - m)/‖s - m‖, with s the largest value of the map
 * other than m (first in row-major order on ties). On a map with fewer than two finite
 * values, or with a non-positive maximum, p = m.
 */
export function quarterSecondMax(map: Heatmap): SecondMaxShift {
  const max = argmaxMap(map);
  const first = argmaxIndex(map.data);
  let secondIndex = -1;
  let secondValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < map.data.length; i++) {
    const v = map.data[i] as number;
    if (i !== first && (v > secondValue || (secondIndex < 0 && v === secondValue))) {
      secondIndex = i;
      secondValue = v;
    }
  }
  if (secondIndex < 0 || !(max.score > 0)) return { max, second: max, point: max };
  const second = { x: secondIndex % map.w, y: Math.floor(secondIndex / map.w), score: secondValue };
  const norm = Math.hypot(second.x - max.x, second.y - max.y);
  const point = {
    x: max.x + (QUARTER_STEP * (second.x - max.x)) / norm,
    y: max.y + (QUARTER_STEP * (second.y - max.y)) / norm,
    score: max.score,
  };
  return { max, second, point };
}
