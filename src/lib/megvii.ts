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
import { modulateMap } from './blur.ts';
import { finiteArgmaxAt } from './finite.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/** Megvii's score from the modulated maximum: max/255 + 0.5 (MegviiHeatmap.decode). */
export function megviiScore(max: number): number {
  return max / 255 + 0.5;
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

/** Megvii's decoding of one map with blur kernel k (MegviiHeatmap's `kernel_size`). */
export function megviiMap(map: Heatmap, kernel: number): DecodedPoint {
  return megviiFromModulated(modulateMap(map, kernel).data, map.w, map.h);
}
