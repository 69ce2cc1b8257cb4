/**
 * NaN and infinite cells in heatmaps: how many there are and where decoders must not read.
 *
 * The rule every decoder of `decoders.ts` follows: what is finite is decoded. A non-finite
 * cell never wins the argmax (NumPy's `argmax` would return the first NaN; the toolkits would
 * then return that cell). A refinement step (quarter shift, DARK, DARK-UDP, Megvii's shift,
 * SimCC-DARK) whose inputs include a non-finite value is not taken: the decoder returns its
 * unrefined point and says why in `DecodedPoint.fallback`. A map with no finite cell decodes
 * to (NaN, NaN) with a fallback. Normalisations (soft-argmax's softmax, the modulation's
 * rescale to the original maximum) run over the finite cells only.
 */
import { argmaxRange } from './argmax.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/** Number of NaN or ±∞ values in `data[start..end)`. */
export function countNonFinite(data: ArrayLike<number>, start = 0, end = data.length): number {
  // v·0 is 0 for every finite v and NaN for NaN and ±∞: one branch-free pass settles the usual
  // all-finite case; only a map that has bad cells is counted cell by cell.
  let probe = 0;
  for (let i = start; i < end; i++) probe += (data[i] as number) * 0;
  if (probe === 0) return 0;
  let bad = 0;
  for (let i = start; i < end; i++) {
    // v - v is 0 for every finite v and NaN for NaN and ±∞: one test for both.
    const v = data[i] as number;
    if (v - v !== 0) bad++;
  }
  return bad;
}

/** The largest finite value of `data[start..end)`; -∞ when there is none. */
export function finiteMax(data: ArrayLike<number>, start = 0, end = data.length): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const v = data[i] as number;
    if (v > m && v !== Number.POSITIVE_INFINITY) m = v;
  }
  return m;
}

/** The fallback of a map without a single finite value. */
export const NO_FINITE_VALUE = 'the map holds no finite value: nothing to decode';

/**
 * Index (from `start`) of the first maximum over the finite values of `data[start..end)`; -1
 * when there is none. The fast scan (`argmaxRange`) already skips NaN; only when it lands on
 * ±∞ is the range scanned again, finite values only.
 */
export function finiteArgmaxIndex(data: Float32Array, start = 0, end = data.length): number {
  const i = argmaxRange(data, start, end);
  if (i < 0) return -1;
  const v = data[start + i] as number;
  if (v - v === 0) return i;
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let j = start; j < end; j++) {
    const u = data[j] as number;
    if (u - u === 0 && (best < 0 || u > bestValue)) {
      best = j - start;
      bestValue = u;
    }
  }
  return best;
}

/**
 * The first maximum over the finite cells of the w×h map at `data[offset..)`, in heatmap
 * pixels, with `argmaxAt`'s reference rule (score ≤ 0 decodes to (0, 0)). A map with no finite
 * cell gives (NaN, NaN) and a fallback.
 */
export function finiteArgmaxAt(data: Float32Array, offset: number, w: number, h: number): DecodedPoint {
  const i = finiteArgmaxIndex(data, offset, offset + w * h);
  if (i < 0) return { x: Number.NaN, y: Number.NaN, score: Number.NaN, fallback: NO_FINITE_VALUE };
  const score = data[offset + i] as number;
  if (!(score > 0)) return { x: 0, y: 0, score };
  return { x: i % w, y: Math.floor(i / w), score };
}

/** {@link finiteArgmaxAt} of one map. */
export function finiteArgmaxMap(map: Heatmap): DecodedPoint {
  return finiteArgmaxAt(map.data, 0, map.w, map.h);
}
