/**
 * Megvii's heatmap decoding, as MMPose's `MegviiHeatmap.decode` (mmpose/codecs/megvii_heatmap.py;
 * the MSPN/RSN codec), in this order:
 *
 * 1. modulate the map: the k×k blur with zero padding rescaled to the original maximum
 *    (`gaussian_blur`, float32);
 * 2. the argmax of the modulated map (`get_heatmap_maximum`: (-1, -1) when its maximum ≤ 0);
 * 3. when 1 < x < W-1 and 1 < y < H-1: add 0.25·sign(neighbour difference) + 0.5 on each axis,
 *    differences read on the modulated map; nothing at the border;
 * 4. score = the modulated maximum / 255 + 0.5.
 *
 * The point is in heatmap pixels with Megvii's half-pixel offset included (the codec then
 * multiplies by the stride, input/heatmap size). A map that is all zero gives MMPose's 0/0
 * rescale: NaN everywhere, so NumPy's argmax returns cell (0, 0) and the score is NaN; that is
 * reproduced (for any map left with no finite cell), with a fallback saying why. Non-finite input cells make their blur windows
 * non-finite; those never win the argmax, and a shift whose neighbours are not finite is not
 * taken (the +0.5 is).
 */
import { blurAt, blurRows, gaussianKernel, modulateMap } from './blur.ts';
import { finiteArgmaxAt, finiteArgmaxMap } from './finite.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/** Megvii's score from the modulated maximum: max/255 + 0.5 (MegviiHeatmap.decode). */
export function megviiScore(max: number): number {
  return max / 255 + 0.5;
}

/**
 * The modulated maximum a Megvii score encodes, (score − 0.5)·255: the inverse of
 * {@link megviiScore}, which puts Megvii's scores on the scale of the other decoders' (a map's
 * maximum) where they are compared; as its own scores they all lie within 0.004 of 0.5.
 */
export function megviiMaximum(score: number): number {
  return (score - 0.5) * 255;
}

/** The fallback for a modulated map with no finite value (an all-zero map: 0/0). */
export const MEGVII_NO_FINITE_VALUE =
  "the blurred map holds no finite value (an all-zero map's rescale is 0/0): as MMPose, cell (0, 0) with a NaN score";
/** The fallback when a neighbour of the maximum is not finite. */
export const MEGVII_NOT_FINITE = 'a neighbour of the blurred maximum is NaN or infinite: no quarter shift (+0.5 kept)';

/**
 * Megvii's decoding of one map from its modulated map (see {@link megviiMap}), in heatmap
 * pixels with the +0.5 offset; the score by {@link megviiScore}.
 */
export function megviiFromModulated(modulated: Float32Array, w: number, h: number): DecodedPoint {
  const m = finiteArgmaxAt(modulated, 0, w, h);
  if (Number.isNaN(m.score)) {
    // No finite cell (all NaN after a 0/0 rescale): np.argmax returns 0 and np.amax NaN, and
    // NaN ≤ 0 is false, so MMPose keeps cell (0, 0).
    return { x: 0, y: 0, score: Number.NaN, fallback: MEGVII_NO_FINITE_VALUE };
  }
  if (!(m.score > 0)) return { x: -1, y: -1, score: megviiScore(m.score) };
  const { x, y } = m;
  const score = megviiScore(m.score);
  if (!(x > 1 && x < w - 1 && y > 1 && y < h - 1)) return { x, y, score };
  const row = y * w;
  const dx = (modulated[row + x + 1] as number) - (modulated[row + x - 1] as number);
  const dy = (modulated[row + w + x] as number) - (modulated[row - w + x] as number);
  if (dx - dx !== 0 || dy - dy !== 0) return { x: x + 0.5, y: y + 0.5, score, fallback: MEGVII_NOT_FINITE };
  return { x: x + 0.25 * Math.sign(dx) + 0.5, y: y + 0.25 * Math.sign(dy) + 0.5, score };
}

/** Scratch for the blurred rows of {@link megviiMap}. */
let blurred = new Float32Array(0);

/**
 * Megvii's decoding of one map with blur kernel k (MegviiHeatmap's `kernel_size`): the same
 * numbers as {@link megviiFromModulated} of the whole modulated map, without blurring rows that
 * cannot hold its maximum. A blurred value is at most the largest input value its window reads
 * (non-negative weights summing to at most 1), so an output row whose window of rows holds no
 * value above 0.999999 × (the blurred value at the raw maximum) can neither hold the blurred
 * maximum nor tie it after float32 rounding; those rows are skipped, and the rows next to the
 * maximum are blurred for its neighbours. `raw` is the map's finite argmax when the caller has it.
 */
export function megviiMap(map: Heatmap, kernel: number, raw: DecodedPoint = finiteArgmaxMap(map)): DecodedPoint {
  const { w, h, data } = map;
  if (!(raw.score > 0)) return megviiFromModulated(modulateMap(map, kernel).data, w, h);
  const weights = gaussianKernel(kernel);
  const r = (weights.length - 1) / 2;
  const floor = blurAt(map, weights, raw.x, raw.y) * (1 - 1e-6);
  if (!(floor > 0)) return megviiFromModulated(modulateMap(map, kernel).data, w, h);
  // The largest finite value of each row, then of each window of 2r + 1 rows.
  const rowMax = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    let m = 0;
    for (let i = y * w; i < (y + 1) * w; i++) {
      const v = data[i] as number;
      if (v > m && v !== Number.POSITIVE_INFINITY) m = v;
    }
    rowMax[y] = m;
  }
  const wanted = new Uint8Array(h);
  for (let y = 0; y < h; y++) {
    let m = 0;
    for (let j = Math.max(0, y - r); j <= Math.min(h - 1, y + r); j++)
      if ((rowMax[j] as number) > m) m = rowMax[j] as number;
    wanted[y] = m >= floor ? 1 : 0;
  }
  if (blurred.length < w * h) blurred = new Float32Array(w * h);
  const b = blurred;
  blurRows(map, kernel, wanted, b);
  // The blurred maximum over the rows blurred, and its first cell in row-major order.
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < h; y++) {
    if (!wanted[y]) continue;
    for (let i = y * w; i < (y + 1) * w; i++) {
      const v = b[i] as number;
      if (v > bestValue && v !== Number.POSITIVE_INFINITY) {
        bestValue = v;
        best = i;
      }
    }
  }
  const scale = Math.fround(raw.score / bestValue);
  // The argmax of the modulated map: equal float32 products resolve to the first cell.
  let top = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < h; y++) {
    if (!wanted[y]) continue;
    for (let i = y * w; i < (y + 1) * w; i++) {
      const v = Math.fround((b[i] as number) * scale);
      if (v > top && v !== Number.POSITIVE_INFINITY) {
        top = v;
        best = i;
      }
    }
  }
  const x = best % w;
  const y = Math.floor(best / w);
  const score = megviiScore(top);
  if (!(x > 1 && x < w - 1 && y > 1 && y < h - 1)) return { x, y, score };
  if (!wanted[y - 1] || !wanted[y + 1]) {
    const more = new Uint8Array(h);
    more[y - 1] = wanted[y - 1] ? 0 : 1;
    more[y + 1] = wanted[y + 1] ? 0 : 1;
    blurRows(map, kernel, more, b);
  }
  const at = (i: number): number => Math.fround((b[i] as number) * scale);
  const dx = at(best + 1) - at(best - 1);
  const dy = at(best + w) - at(best - w);
  if (dx - dx !== 0 || dy - dy !== 0) return { x: x + 0.5, y: y + 0.5, score, fallback: MEGVII_NOT_FINITE };
  return { x: x + 0.25 * Math.sign(dx) + 0.5, y: y + 0.25 * Math.sign(dy) + 0.5, score };
}
