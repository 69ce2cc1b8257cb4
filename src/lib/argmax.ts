/**
 * Argmax decoding (codec-spec §3): the first maximum in row-major order, as NumPy's
 * `argmax` returns it. Its value is the score. A map whose maximum is ≤ 0 decodes to
 * (0, 0), as the reference's mask does; the score tells callers it happened.
 */
import type { DecodedPoint, Heatmap, HeatmapStack } from './stack.ts';

/** Index of the first maximum of `values` (NaN never wins); -1 when every value is NaN. */
export function argmaxIndex(values: ArrayLike<number>): number {
  if (values instanceof Float32Array) return argmaxFloat32(values);
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

/**
 * The same on a Float32Array, on the hot path of every decoder: one monomorphic loop with a
 * single comparison; the rare all-(-∞ or NaN) map is settled after it.
 */
function argmaxFloat32(values: Float32Array): number {
  return argmaxRange(values, 0, values.length);
}

/**
 * Index (from `start`) of the first maximum of `data[start..end)`. Stack decoders call it on
 * the stack's own array with each map's range: V8 runs that loop about twice as fast as the
 * same loop over separate per-map views.
 */
export function argmaxRange(data: Float32Array, start: number, end: number): number {
  // Two interleaved lanes halve the loop-carried dependency of the running maximum.
  let b0 = -1;
  let v0 = Number.NEGATIVE_INFINITY;
  let b1 = -1;
  let v1 = Number.NEGATIVE_INFINITY;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const a = data[i] as number;
    const b = data[i + 1] as number;
    if (a > v0) {
      v0 = a;
      b0 = i;
    }
    if (b > v1) {
      v1 = b;
      b1 = i + 1;
    }
  }
  if (i < end && (data[i] as number) > v0) {
    v0 = data[i] as number;
    b0 = i;
  }
  // The first maximum: the larger value, or on a tie the lower index.
  let best = v1 > v0 || (v1 === v0 && b1 >= 0 && (b0 < 0 || b1 < b0)) ? b1 : b0;
  const bestValue = best === b1 ? v1 : v0;
  if (best < 0) for (let j = start; j < end && best < 0; j++) if (data[j] === bestValue) best = j;
  return best < 0 ? -1 : best - start;
}

/** Argmax of the w×h map stored at `data[offset..offset + w·h)`, in heatmap pixels. */
export function argmaxAt(data: Float32Array, offset: number, w: number, h: number): DecodedPoint {
  const i = argmaxRange(data, offset, offset + w * h);
  if (i < 0) return { x: 0, y: 0, score: Number.NaN };
  const score = data[offset + i] as number;
  if (!(score > 0)) return { x: 0, y: 0, score };
  return { x: i % w, y: Math.floor(i / w), score };
}

/** Argmax of one map, in heatmap pixels. */
export function argmaxMap(map: Heatmap): DecodedPoint {
  return argmaxAt(map.data, 0, map.w, map.h);
}

/** Argmax of every map of a stack, in heatmap pixels: one point per map. */
export function decodeArgmax(stack: HeatmapStack): DecodedPoint[] {
  const out: DecodedPoint[] = [];
  const size = stack.w * stack.h;
  for (let k = 0; k < stack.k; k++) out.push(argmaxAt(stack.data, k * size, stack.w, stack.h));
  return out;
}
