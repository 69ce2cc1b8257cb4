/**
 * A windowed soft-argmax for real heatmaps: the soft-argmax of DSNT and integral regression
 * (Nibali et al., 2018; codec-spec §4), restricted to a small window around the map's maximum.
 *
 * On the whole map, softmax(β·z) weighs every cell: a real network's map has other modes (the
 * other wrist, a second face), a broad floor and an edge, and their mass pulls the expectation
 * away from the peak. Inside a (2r + 1) × (2r + 1) window around the argmax only the peak's own
 * neighbourhood counts, as in MediaPipe's refinement (`refine.ts`, a 7 × 7 window of sigmoid
 * confidences around the regressed landmark). The window is clipped to the map, so near the border
 * the answer leans inwards. Points are in heatmap cells.
 */
import { argmaxIndex } from '../argmax.ts';
import type { DecodedPoint, Heatmap } from '../stack.ts';

/** The window's half-width in cells: 3, a 7 × 7 window like MediaPipe's refinement. */
export const SOFT_WINDOW_RADIUS = 3;

/** Options of {@link softArgmaxWindow}. */
export interface SoftWindowOptions {
  /** Half-width r of the window, cells (the window is (2r + 1)², clipped to the map); default 3. */
  radius?: number;
  /** Softmax temperature β on the map's values; default 1 (on logits: each cell weighted by its odds). */
  beta?: number;
}

/**
 * The expectation of softmax(β·z) over the window around the first maximum of `map` (logits, h×w),
 * in heatmap cells; `score` is the maximum. Weights are exp(β(z − z_max)), so the largest is 1 and
 * nothing overflows. A map with no finite maximum decodes to its centre cell with score NaN.
 */
export function softArgmaxWindow(map: Heatmap, options: SoftWindowOptions = {}): DecodedPoint {
  const radius = options.radius ?? SOFT_WINDOW_RADIUS;
  const beta = options.beta ?? 1;
  if (!(radius >= 0) || !Number.isInteger(radius))
    throw new RangeError(`window radius ${radius} is not an integer ≥ 0`);
  if (!(beta > 0)) throw new RangeError(`β ${beta} is not positive`);
  const { w, h, data } = map;
  const best = argmaxIndex(data);
  const top = best < 0 ? NaN : (data[best] as number);
  if (!Number.isFinite(top)) return { x: (w - 1) / 2, y: (h - 1) / 2, score: NaN };
  const cx = best % w;
  const cy = (best - cx) / w;
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = Math.max(0, cy - radius); y <= Math.min(h - 1, cy + radius); y++) {
    for (let x = Math.max(0, cx - radius); x <= Math.min(w - 1, cx + radius); x++) {
      const v = data[y * w + x] as number;
      // A NaN cell carries no weight rather than poisoning the sum.
      const weight = Number.isNaN(v) ? 0 : Math.exp(beta * (v - top));
      sum += weight;
      sx += weight * x;
      sy += weight * y;
    }
  }
  return { x: sx / sum, y: sy / sum, score: top };
}
