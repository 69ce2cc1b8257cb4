/**
 * Encoding a keypoint as a Gaussian heatmap target (codec-spec §2).
 *
 * - Biased (SimpleBaseline / HRNet): the centre is quantised to an integer pixel first, so
 *   the target itself carries the quantisation error.
 * - Unbiased (DARK, Zhang et al. CVPR 2020): the Gaussian sits on the real-valued keypoint.
 *
 * Both are separable: exp(-(dx² + dy²)/2σ²) = exp(-dx²/2σ²)·exp(-dy²/2σ²), so a map costs
 * W + H exponentials instead of W·H.
 */
import type { Heatmap, Point } from './stack.ts';

/** A target map (w×h, row-major) and its training weight. */
export interface EncodedTarget extends Heatmap {
  /** 0 when the keypoint's 3σ window lies wholly outside the map (the reference skips it). */
  weight: 0 | 1;
}

/** The integer centre of the biased target: `trunc(μ + 0.5)` per axis, as an `int()` cast. */
export function biasedCentre(keypoint: Point): Point {
  // `+ 0` turns the -0 of trunc(-0.2) into 0.
  return { x: Math.trunc(keypoint.x + 0.5) + 0, y: Math.trunc(keypoint.y + 0.5) + 0 };
}

/** Whether any part of the 3σ window around `centre` lies on a `w×h` map. */
function windowTouchesMap(centre: Point, sigma: number, w: number, h: number): boolean {
  const r = 3 * sigma;
  return centre.x + r >= 0 && centre.y + r >= 0 && centre.x - r <= w - 1 && centre.y - r <= h - 1;
}

/** exp(-(i - c)²/2σ²) for i in 0..n-1, zero where |i - c| > `radius`. */
function gaussianProfile(n: number, c: number, sigma: number, radius: number): Float64Array {
  const out = new Float64Array(n);
  const k = 1 / (2 * sigma * sigma);
  const lo = Math.max(0, Math.ceil(c - radius));
  const hi = Math.min(n - 1, Math.floor(c + radius));
  for (let i = lo; i <= hi; i++) out[i] = Math.exp(-(i - c) * (i - c) * k);
  return out;
}

function outerProduct(gx: Float64Array, gy: Float64Array, target: Float32Array): void {
  const w = gx.length;
  for (let y = 0; y < gy.length; y++) {
    const vy = gy[y] as number;
    const row = y * w;
    for (let x = 0; x < w; x++) target[row + x] = vy * (gx[x] as number);
  }
}

/**
 * Biased (integer-centred) Gaussian target on a `w×h` map for a keypoint in heatmap pixels.
 * Peak exactly 1 at `trunc(μ + 0.5)`; zero outside the window |x - cx| ≤ 3σ, |y - cy| ≤ 3σ.
 * Writes into `out` when given (length w·h).
 */
export function encodeBiased(
  keypoint: Point,
  w: number,
  h: number,
  sigma: number,
  out: Float32Array = new Float32Array(w * h),
): EncodedTarget {
  const centre = biasedCentre(keypoint);
  if (!windowTouchesMap(centre, sigma, w, h)) {
    out.fill(0);
    return { data: out, w, h, weight: 0 };
  }
  const r = 3 * sigma;
  outerProduct(gaussianProfile(w, centre.x, sigma, r), gaussianProfile(h, centre.y, sigma, r), out);
  return { data: out, w, h, weight: 1 };
}

/**
 * Unbiased (DARK) Gaussian target: exp(-((x-μx)² + (y-μy)²)/2σ²) over the whole `w×h` map,
 * centred on the real-valued keypoint (heatmap pixels). Weight 0 (and an empty map) when the
 * 3σ window around μ lies wholly outside the map.
 */
export function encodeUnbiased(
  keypoint: Point,
  w: number,
  h: number,
  sigma: number,
  out: Float32Array = new Float32Array(w * h),
): EncodedTarget {
  if (!windowTouchesMap(keypoint, sigma, w, h)) {
    out.fill(0);
    return { data: out, w, h, weight: 0 };
  }
  outerProduct(
    gaussianProfile(w, keypoint.x, sigma, Number.POSITIVE_INFINITY),
    gaussianProfile(h, keypoint.y, sigma, Number.POSITIVE_INFINITY),
    out,
  );
  return { data: out, w, h, weight: 1 };
}

/** Which target an experiment or figure encodes. */
export type TargetKind = 'biased' | 'unbiased';

/** Encodes with the named target kind. */
export function encodeTarget(
  kind: TargetKind,
  keypoint: Point,
  w: number,
  h: number,
  sigma: number,
  out?: Float32Array,
): EncodedTarget {
  return kind === 'biased' ? encodeBiased(keypoint, w, h, sigma, out) : encodeUnbiased(keypoint, w, h, sigma, out);
}
