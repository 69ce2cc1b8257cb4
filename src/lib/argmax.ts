/**
 * Argmax decoding (codec-spec §3): the first maximum in row-major order, as NumPy's
 * `argmax` returns it. Its value is the score. A map whose maximum is ≤ 0 decodes to
 * (0, 0), as the reference's mask does; the score tells callers it happened.
 */
import type { DecodedPoint, Heatmap, HeatmapStack } from './stack';
import { mapOf } from './stack';

/** Index of the first maximum of `values` (NaN never wins); -1 when every value is NaN. */
export function argmaxIndex(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > bestValue || (best < 0 && v === bestValue)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** Argmax of one map, in heatmap pixels. */
export function argmaxMap(map: Heatmap): DecodedPoint {
  const i = argmaxIndex(map.data);
  if (i < 0) return { x: 0, y: 0, score: Number.NaN };
  const score = map.data[i] as number;
  if (!(score > 0)) return { x: 0, y: 0, score };
  return { x: i % map.w, y: Math.floor(i / map.w), score };
}

/** Argmax of every map of a stack, in heatmap pixels: one point per map. */
export function decodeArgmax(stack: HeatmapStack): DecodedPoint[] {
  const out: DecodedPoint[] = [];
  for (let k = 0; k < stack.k; k++) out.push(argmaxMap(mapOf(stack, k)));
  return out;
}
