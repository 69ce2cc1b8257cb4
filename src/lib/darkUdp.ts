/**
 * DARK as UDP's codec refines it: MMPose's `refine_keypoints_dark_udp`
 * (mmpose/codecs/utils/refinement.py, used by `UDPHeatmap` for Gaussian targets; Huang et al.,
 * CVPR 2020). From the argmax m of the raw map (`get_heatmap_maximum`):
 *
 * 1. modulate: the k×k blur with zero padding, rescaled to the original maximum (float32);
 * 2. clip to [0.001, 50] and take the log (a clip, not DARK's floor at 1e-10);
 * 3. pad the log map by one cell in edge mode, so that the step also runs at the border;
 * 4. gradient and Hessian by one-cell differences: dx = ½(L[x+1] - L[x-1]),
 *    dxx = L[x+1] - 2L + L[x-1], and the seven-point
 *    dxy = ½(L[x+1,y+1] - L[x+1,y] - L[x,y+1] + 2L - L[x-1,y] - L[x,y-1] + L[x-1,y-1]);
 * 5. μ = m - (H + ε·I)⁻¹ ∇L with ε float32's machine epsilon (2⁻²³), with no test for a
 *    singular Hessian, everywhere on the map.
 *
 * The result is in UDP's heatmap pixels: map it to the input with (w-1)/(W-1) (`mapping.ts`).
 *
 * The step reads seven cells of the log map. Unless one of them may meet the clip, the rescale
 * is a constant added to every log and cancels, so only those seven cells are blurred; the
 * whole map is blurred (to find the rescale factor) only when a clip may apply.
 *
 * Two deliberate departures, both where MMPose's own result is not a position: a map whose
 * maximum is ≤ 0 keeps (-1, -1) (MMPose's flat index of (-1, -1) reads cells of the previous
 * map in the batch, or of the last map for the first, so its value there depends on the other
 * maps), and a Hessian that is singular even after adding ε·I (where `np.linalg.inv` raises)
 * keeps m with a fallback. A NaN or infinite cell in the step's neighbourhood keeps m too.
 */
import { blurAt, gaussianKernel, modulateMap } from './blur.ts';
import { maximumUnder } from './conventions.ts';
import { finiteArgmaxMap } from './finite.ts';
import type { DecodedPoint, Heatmap, Point } from './stack.ts';

/** The default modulation kernel of MMPose's UDPHeatmap (`blur_kernel_size=11`). */
export const DEFAULT_DARK_UDP_KERNEL = 11;

/** float32's machine epsilon, `np.finfo(np.float32).eps`, added to the Hessian's diagonal. */
export const FLOAT32_EPSILON = 2 ** -23;

const CLIP_LOW = Math.fround(1e-3);
const CLIP_HIGH = 50;

/** The fallback when the step reads a non-finite value. */
export const DARK_UDP_NOT_FINITE = "a NaN or infinite cell lies in DARK-UDP's 3 × 3 neighbourhood: argmax kept";
/** The fallback when H + ε·I is singular (MMPose's `np.linalg.inv` raises there). */
export const DARK_UDP_SINGULAR = 'the Hessian plus ε·I is singular (MMPose raises here): argmax kept';

/** The step of DARK-UDP at one maximum: the log values it reads and what it computes. */
export interface DarkUdpStep {
  /** Log of the clipped modulated map at m and its neighbours (edge-padded), float32. */
  values: {
    c: number;
    xm1: number;
    xp1: number;
    ym1: number;
    yp1: number;
    /** L[x+1, y+1] */
    pp: number;
    /** L[x-1, y-1] */
    mm: number;
  };
  dx: number;
  dy: number;
  dxx: number;
  dyy: number;
  dxy: number;
  /** (H + ε·I)⁻¹ ∇L, subtracted from m. */
  offset: Point;
  /** The refined point, heatmap pixels; `fallback` set when the step was not taken. */
  point: DecodedPoint;
}

/**
 * The clipped log of a modulated map at (x, y), with MMPose's one-cell edge padding (indices
 * clamped to the map), rounded to float32 as NumPy's float32 `log` stores it.
 */
function logAt(modulated: Float32Array, w: number, h: number, x: number, y: number): number {
  const cx = x < 0 ? 0 : x >= w ? w - 1 : x;
  const cy = y < 0 ? 0 : y >= h ? h - 1 : y;
  const v = modulated[cy * w + cx] as number;
  // np.clip leaves NaN as NaN; the caller tests the result.
  if (v !== v) return v;
  return Math.fround(Math.log(v < CLIP_LOW ? CLIP_LOW : v > CLIP_HIGH ? CLIP_HIGH : v));
}

/**
 * DARK-UDP's step at the maximum `m` of `map`, given the modulated map (see `modulateMap`).
 * `m` must lie on the map: a maximum ≤ 0 is handled by {@link darkUdpFrom}.
 */
export function darkUdpStep(modulated: Float32Array, w: number, h: number, m: DecodedPoint): DarkUdpStep {
  const { x, y } = m;
  return stepFrom(
    {
      c: logAt(modulated, w, h, x, y),
      xm1: logAt(modulated, w, h, x - 1, y),
      xp1: logAt(modulated, w, h, x + 1, y),
      ym1: logAt(modulated, w, h, x, y - 1),
      yp1: logAt(modulated, w, h, x, y + 1),
      pp: logAt(modulated, w, h, x + 1, y + 1),
      mm: logAt(modulated, w, h, x - 1, y - 1),
    },
    m,
  );
}

/** The gradient, Hessian and step from the seven log values (any common offset cancels). */
function stepFrom(values: DarkUdpStep['values'], m: DecodedPoint): DarkUdpStep {
  const { c, xm1, xp1, ym1, yp1, pp, mm } = values;
  const dx = 0.5 * (xp1 - xm1);
  const dy = 0.5 * (yp1 - ym1);
  const dxx = xp1 - 2 * c + xm1;
  const dyy = yp1 - 2 * c + ym1;
  const dxy = 0.5 * (pp - xp1 - yp1 + c + c - xm1 - ym1 + mm);
  const none = { x: 0, y: 0 };
  if (![dx, dy, dxx, dyy, dxy].every(Number.isFinite)) {
    return { values, dx, dy, dxx, dyy, dxy, offset: none, point: { ...m, fallback: DARK_UDP_NOT_FINITE } };
  }
  const a = dxx + FLOAT32_EPSILON;
  const d = dyy + FLOAT32_EPSILON;
  const det = a * d - dxy * dxy;
  if (det === 0) return { values, dx, dy, dxx, dyy, dxy, offset: none, point: { ...m, fallback: DARK_UDP_SINGULAR } };
  // (H + εI)⁻¹ = [[d, -dxy], [-dxy, a]] / det
  const offset = { x: (d * dx - dxy * dy) / det, y: (a * dy - dxy * dx) / det };
  return { values, dx, dy, dxx, dyy, dxy, offset, point: { x: m.x - offset.x, y: m.y - offset.y, score: m.score } };
}

/** The 3 × 3 neighbourhood the step reads, as (dx, dy) from m, with its edge padding. */
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [1, 1],
  [-1, -1],
];

/**
 * The step from the blurred values at the seven cells it reads, when no clip can apply: the
 * rescale to the original maximum is then a constant added to every log, which cancels in each
 * difference (the coefficients of dx, dxx and the seven-point dxy each sum to 0). Returns
 * undefined when a clip might apply, for the full-map path to decide.
 */
function fastStep(map: Heatmap, m: DecodedPoint, kernel: number): DecodedPoint | undefined {
  const weights = gaussianKernel(kernel);
  const { w, h } = map;
  const b = NEIGHBOURS.map(([dx, dy]) => {
    const x = Math.min(w - 1, Math.max(0, m.x + dx));
    const y = Math.min(h - 1, Math.max(0, m.y + dy));
    return blurAt(map, weights, x, y);
  });
  if (!b.every(Number.isFinite)) return { ...m, fallback: DARK_UDP_NOT_FINITE };
  // The blurred maximum is at least the largest of these and at most the original maximum
  // m.score (weights ≥ 0 summing to ≤ 1), so the rescale factor lies in [1, m.score / max(b)].
  const largest = Math.max(...b);
  if (!(largest > 0)) return undefined;
  const top = m.score / largest;
  // Margins absorb float32 rounding of the rescaled values against the clip bounds.
  if (!b.every((v) => v >= CLIP_LOW * 1.001 && v * top <= CLIP_HIGH * 0.999)) return undefined;
  const [c, xm1, xp1, ym1, yp1, pp, mm] = b.map(Math.log) as [number, number, number, number, number, number, number];
  const step = stepFrom({ c, xm1, xp1, ym1, yp1, pp, mm }, m);
  return step.point;
}

/**
 * DARK-UDP on one map from a maximum `m` found by `get_heatmap_maximum`'s rule: a maximum
 * ≤ 0 (or a map with no finite cell) is returned as it is. The step reads seven blurred cells;
 * only when a value may meet the clip does it blur the whole map (`modulated`, a getter so that
 * a caller that has it, such as the Megvii decoder's, shares it). Heatmap pixels.
 */
export function darkUdpFrom(
  map: Heatmap,
  m: DecodedPoint,
  kernel: number = DEFAULT_DARK_UDP_KERNEL,
  modulated: () => Float32Array = () => modulateMap(map, kernel).data,
): DecodedPoint {
  if (!(m.score > 0)) return m;
  return fastStep(map, m, kernel) ?? darkUdpStep(modulated(), map.w, map.h, m).point;
}

/**
 * MMPose's DARK-UDP decoding of one map (`get_heatmap_maximum`, then
 * `refine_keypoints_dark_udp`), in UDP heatmap pixels; a maximum ≤ 0 gives (-1, -1).
 */
export function darkUdpMap(map: Heatmap, kernel: number = DEFAULT_DARK_UDP_KERNEL): DecodedPoint {
  return darkUdpFrom(map, maximumUnder(finiteArgmaxMap(map), 'mmpose'), kernel);
}
