/**
 * DARK's distribution modulation blur (codec-spec §3, step 2): the map, zero-padded by
 * (k-1)/2, convolved with OpenCV's k×k Gaussian kernel for sigma 0, cropped back. The
 * kernels are those of `cv2.getGaussianKernel(k, 0)`.
 */
import type { Heatmap } from './stack.ts';

/**
 * OpenCV's fixed tables for small odd kernels when sigma ≤ 0 (`getGaussianKernel`'s
 * small_gaussian_tab), written over their common denominators.
 */
const OPENCV_SMALL_KERNELS: Record<number, { weights: number[]; denominator: number }> = {
  1: { weights: [1], denominator: 1 },
  3: { weights: [1, 2, 1], denominator: 4 },
  5: { weights: [1, 4, 6, 4, 1], denominator: 16 },
  7: { weights: [1, 3.5, 7, 9, 7, 3.5, 1], denominator: 32 },
  9: { weights: [1, 3.25, 7.5, 12.75, 15, 12.75, 7.5, 3.25, 1], denominator: 64 },
};

/** OpenCV's sigma for a k-tap kernel when sigma ≤ 0 is asked for. */
export function opencvSigma(k: number): number {
  return 0.3 * ((k - 1) * 0.5 - 1) + 0.8;
}

/** Whether `k` is a kernel size DARK accepts: an odd integer ≥ 1. */
export function isKernelSize(k: number): boolean {
  return Number.isInteger(k) && k >= 1 && k % 2 === 1;
}

const kernels = new Map<number, Float64Array>();

/**
 * The 1-D Gaussian kernel OpenCV uses for `GaussianBlur((k, k), 0)`; sums to 1. Kernels are
 * made once per size and shared: treat the result as read-only.
 */
export function gaussianKernel(k: number): Float64Array {
  let kernel = kernels.get(k);
  if (!kernel) {
    kernel = makeGaussianKernel(k);
    kernels.set(k, kernel);
  }
  return kernel;
}

function makeGaussianKernel(k: number): Float64Array {
  if (!isKernelSize(k)) throw new RangeError(`kernel size must be an odd integer ≥ 1, got ${k}`);
  const table = OPENCV_SMALL_KERNELS[k];
  if (table) return Float64Array.from(table.weights, (v) => v / table.denominator);
  const sigma = opencvSigma(k);
  const out = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const t = i - (k - 1) / 2;
    out[i] = Math.exp((-0.5 * t * t) / (sigma * sigma));
    sum += out[i] as number;
  }
  for (let i = 0; i < k; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** Scratch rows of {@link blurMap}, grown as needed and reused (the library is single-threaded per worker). */
let passScratch = new Float64Array(0);
let rowScratch = new Float64Array(0);

/**
 * Blurs a whole map with the k×k OpenCV kernel and zero padding, in float64, stored as
 * float32 as the reference does. Separable: a horizontal pass, then a vertical one. Where the
 * whole kernel lies on the map, the symmetric kernel's taps are taken in mirrored pairs,
 * w_i·(h[x-i] + h[x+i]): half the multiplications, and a map symmetric about a cell blurs to
 * exactly equal values on both sides of it.
 */
export function blurMap(map: Heatmap, k: number, out: Float32Array = new Float32Array(map.w * map.h)): Float32Array {
  return blurRows(map, k, null, out);
}

/** Rows of the horizontal pass computed so far, by {@link blurRows} (1 = done). */
let passDone = new Uint8Array(0);

/**
 * {@link blurMap} for the output rows `wanted` marks (all when null); other rows of `out` are
 * left as they were. Each computed value is the one `blurMap` gives, bit for bit: the same
 * sums in the same order. The horizontal pass runs only on the input rows those outputs read.
 */
export function blurRows(
  map: Heatmap,
  k: number,
  wanted: ArrayLike<boolean | number> | null,
  out: Float32Array = new Float32Array(map.w * map.h),
): Float32Array {
  const kernel = gaussianKernel(k);
  const r = (k - 1) / 2;
  const { w, h, data } = map;
  if (passScratch.length < w * h) passScratch = new Float64Array(w * h);
  if (rowScratch.length < w) rowScratch = new Float64Array(w);
  if (passDone.length < h) passDone = new Uint8Array(h);
  const rows = passScratch;
  const acc = rowScratch;
  const done = passDone;
  done.fill(0, 0, h);
  const centre = kernel[r] as number;
  const horizontal = (y: number): void => {
    done[y] = 1;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const at = row + x;
      let s: number;
      if (x >= r && x + r < w) {
        s = centre * (data[at] as number);
        for (let i = 1; i <= r; i++)
          s += (kernel[r + i] as number) * ((data[at - i] as number) + (data[at + i] as number));
      } else {
        s = 0;
        const lo = x < r ? r - x : 0;
        const hi = x + r > w - 1 ? r + w - 1 - x : k - 1;
        for (let i = lo; i <= hi; i++) s += (kernel[i] as number) * (data[at - r + i] as number);
      }
      rows[at] = s;
    }
  };
  // The vertical pass row by row (contiguous reads), one tap (or mirrored pair) at a time.
  for (let y = 0; y < h; y++) {
    if (wanted && !wanted[y]) continue;
    const lo = y < r ? r - y : 0;
    const hi = y + r > h - 1 ? r + h - 1 - y : k - 1;
    for (let i = lo; i <= hi; i++) if (!done[y + i - r]) horizontal(y + i - r);
    if (y >= r && y + r < h) {
      const c = y * w;
      for (let x = 0; x < w; x++) acc[x] = centre * (rows[c + x] as number);
      for (let i = 1; i <= r; i++) {
        const weight = kernel[r + i] as number;
        const up = (y - i) * w;
        const down = (y + i) * w;
        for (let x = 0; x < w; x++)
          acc[x] = (acc[x] as number) + weight * ((rows[up + x] as number) + (rows[down + x] as number));
      }
    } else {
      acc.fill(0, 0, w);
      for (let i = lo; i <= hi; i++) {
        const weight = kernel[i] as number;
        const src = (y + i - r) * w;
        for (let x = 0; x < w; x++) acc[x] = (acc[x] as number) + weight * (rows[src + x] as number);
      }
    }
    const dst = y * w;
    for (let x = 0; x < w; x++) out[dst + x] = acc[x] as number;
  }
  return out;
}

/**
 * The blurred value at one pixel (x, y), in float64, without blurring the rest of the map:
 * Σ_ij k[i]·k[j]·h[y+j-r][x+i-r] over the pixels inside the map.
 */
export function blurAt(map: Heatmap, kernel: Float64Array, x: number, y: number): number {
  const k = kernel.length;
  const r = (k - 1) / 2;
  const { w, h, data } = map;
  const ilo = Math.max(0, r - x);
  const ihi = Math.min(k - 1, r + w - 1 - x);
  const jlo = Math.max(0, r - y);
  const jhi = Math.min(k - 1, r + h - 1 - y);
  let s = 0;
  for (let j = jlo; j <= jhi; j++) {
    const row = (y + j - r) * w + x - r;
    let rowSum = 0;
    for (let i = ilo; i <= ihi; i++) rowSum += (kernel[i] as number) * (data[row + i] as number);
    s += (kernel[j] as number) * rowSum;
  }
  return s;
}

/** Standard deviation, in cells, of the k-tap kernel's weights: its effective σ. */
export function kernelStd(k: number): number {
  const kernel = gaussianKernel(k);
  const r = (k - 1) / 2;
  let v = 0;
  for (let i = 0; i < k; i++) v += (kernel[i] as number) * (i - r) ** 2;
  return Math.sqrt(v);
}

/** A modulated map and the factor its blur was rescaled by. */
export interface Modulated {
  /** The blurred map rescaled to the original maximum, float32, row-major h×w. */
  data: Float32Array;
  /** max(original) / max(blurred), rounded to float32 as NumPy divides two float32 maxima. */
  scale: number;
}

/**
 * DARK's modulation as MMPose's `gaussian_blur` (and DarkPose's) computes it: the k×k blur
 * with zero padding, then `*= max(original) / max(blurred)`, in float32. The maxima are over
 * finite values (NumPy's would be NaN on a map holding one); cells whose blur window holds a
 * non-finite value stay non-finite. A map whose maxima are both 0 gives 0/0 = NaN everywhere,
 * as MMPose does.
 */
export function modulateMap(map: Heatmap, k: number, out: Float32Array = new Float32Array(map.w * map.h)): Modulated {
  blurMap(map, k, out);
  let original = Number.NEGATIVE_INFINITY;
  let blurred = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < out.length; i++) {
    const v = map.data[i] as number;
    const b = out[i] as number;
    if (v > original && v !== Number.POSITIVE_INFINITY) original = v;
    if (b > blurred && b !== Number.POSITIVE_INFINITY) blurred = b;
  }
  const scale = Math.fround(original / blurred);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return { data: out, scale };
}

/**
 * The 1-D blur of a vector with OpenCV's k-tap kernel and zero padding, in float64 stored as
 * float32: `cv2.GaussianBlur(v, (k, 1), 0)` on the zero-padded vector, as MMPose's
 * `gaussian_blur1d` does (a 1 × k kernel: the other axis is not blurred).
 */
export function blurVector(
  values: ArrayLike<number>,
  k: number,
  out: Float32Array = new Float32Array(values.length),
): Float32Array {
  const kernel = gaussianKernel(k);
  const r = (k - 1) / 2;
  const n = values.length;
  for (let x = 0; x < n; x++) {
    let s = 0;
    const lo = Math.max(0, r - x);
    const hi = Math.min(k - 1, r + n - 1 - x);
    for (let i = lo; i <= hi; i++) s += (kernel[i] as number) * (values[x + i - r] as number);
    out[x] = s;
  }
  return out;
}

/**
 * MMPose's `gaussian_blur1d`: {@link blurVector}, then `*= max(original) / max(blurred)` in
 * float32, maxima over finite values (see {@link modulateMap}).
 */
export function modulateVector(values: ArrayLike<number>, k: number): Modulated {
  const out = blurVector(values, k);
  let original = Number.NEGATIVE_INFINITY;
  let blurred = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < out.length; i++) {
    const v = values[i] as number;
    const b = out[i] as number;
    if (v > original && v !== Number.POSITIVE_INFINITY) original = v;
    if (b > blurred && b !== Number.POSITIVE_INFINITY) blurred = b;
  }
  const scale = Math.fround(original / blurred);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  return { data: out, scale };
}
