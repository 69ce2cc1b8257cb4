/**
 * Decoding SimCC outputs (Li et al., ECCV 2022; RTMPose) as MMPose's `SimCCLabel.decode` does
 * (mmpose/codecs/simcc_label.py with `get_simcc_maximum` and `refine_simcc_dark`). A SimCC
 * head outputs, per keypoint, a vector over W·k x-bins and one over H·k y-bins for split ratio
 * k; bin b stands for input coordinate b/k.
 *
 * Shapes: `simcc_x` [K, W·k] and `simcc_y` [K, H·k] (N·K rows for N samples), row-major in a
 * Float32Array, as {@link VectorStack}. Functions named `…Bins` return bins; {@link simccDecode}
 * divides by k and returns input pixels, as the codec does.
 *
 * Non-finite bins follow `finite.ts`: they never win the argmax, get weight 0 in the
 * expectation, and SimCC-DARK does not refine a point whose neighbourhood holds one.
 */
import { modulateVector } from './blur.ts';
import { finiteArgmaxIndex } from './finite.ts';
import { softmax } from './simdr.ts';
import type { DecodedPoint } from './stack.ts';

/** `count` vectors of `length` bins each, row-major: bin b of vector i at `data[i·length + b]`. */
export interface VectorStack {
  data: Float32Array;
  count: number;
  length: number;
}

/** The SimCC decoders. */
export const SIMCC_DECODER_IDS = ['simccArgmax', 'simccExpectation', 'simccDark'] as const;
/** A SimCC decoder: argmax (`get_simcc_maximum`), expectation (soft-argmax) or SimCC-DARK. */
export type SimccDecoderId = (typeof SIMCC_DECODER_IDS)[number];

/** Human-readable names of the SimCC decoders. */
export const SIMCC_DECODER_LABELS: Record<SimccDecoderId, string> = {
  simccArgmax: 'SimCC argmax',
  simccExpectation: 'SimCC expectation',
  simccDark: 'SimCC-DARK',
};

/** The fallback when SimCC-DARK's neighbourhood holds a non-finite value. */
export const SIMCC_DARK_NOT_FINITE = "a NaN or infinite bin lies in SimCC-DARK's neighbourhood: argmax kept";

function checkPair(vx: VectorStack, vy: VectorStack): void {
  if (vx.count !== vy.count) {
    throw new RangeError(`simcc_x holds ${vx.count} vectors but simcc_y holds ${vy.count}; they must match`);
  }
  if (vx.data.length !== vx.count * vx.length || vy.data.length !== vy.count * vy.length) {
    throw new RangeError('a vector stack has data of the wrong length for its count and length');
  }
}

/** The first maximum over the finite bins of vector `i`: its bin (-1 if none) and value. */
function vectorMaximum(v: VectorStack, i: number): { bin: number; value: number } {
  const start = i * v.length;
  const bin = finiteArgmaxIndex(v.data, start, start + v.length);
  return { bin, value: bin < 0 ? Number.NaN : (v.data[start + bin] as number) };
}

/**
 * MMPose's `get_simcc_maximum(simcc_x, simcc_y)`: per keypoint the argmax bin of each vector,
 * score = the smaller of the two maxima, and (-1, -1) where that score is ≤ 0. In bins.
 */
export function simccMaximum(vx: VectorStack, vy: VectorStack): DecodedPoint[] {
  checkPair(vx, vy);
  const out: DecodedPoint[] = [];
  for (let i = 0; i < vx.count; i++) {
    const mx = vectorMaximum(vx, i);
    const my = vectorMaximum(vy, i);
    const score = Math.min(mx.value, my.value);
    if (mx.bin < 0 || my.bin < 0) {
      out.push({ x: -1, y: -1, score: Number.NaN, fallback: 'a SimCC vector holds no finite value' });
    } else out.push(score > 0 ? { x: mx.bin, y: my.bin, score } : { x: -1, y: -1, score });
  }
  return out;
}

/**
 * The expectation (soft-argmax) over the bins of vector `i`: Σ b·softmax(β·v)_b over the finite
 * bins; NaN when none is finite.
 */
function vectorExpectation(v: VectorStack, i: number, beta: number): number {
  const row = v.data.subarray(i * v.length, (i + 1) * v.length);
  const logits = Float64Array.from(row, (u) => (u - u === 0 ? beta * u : Number.NEGATIVE_INFINITY));
  const p = softmax(logits);
  let e = 0;
  for (let b = 0; b < p.length; b++) e += b * (p[b] as number);
  return e;
}

/**
 * The expectation of each keypoint's two vectors, softmax(β·v) over the bins, in bins (no
 * MMPose decoder; RTMPose's loss normalises its logits this way with β = 10). The score is
 * `get_simcc_maximum`'s, the smaller maximum; a score ≤ 0 does not move the point to -1.
 */
export function simccExpectation(vx: VectorStack, vy: VectorStack, beta = 1): DecodedPoint[] {
  const maxima = simccMaximum(vx, vy);
  return maxima.map((m, i) => ({
    x: vectorExpectation(vx, i, beta),
    y: vectorExpectation(vy, i, beta),
    score: m.score,
  }));
}

/**
 * Python's float floor division `a // b` for b > 0 (CPython's algorithm: from the remainder,
 * not from the rounded quotient, so it never rounds up to the next integer).
 */
function pythonFloorDiv(a: number, b: number): number {
  let mod = a % b;
  if (mod !== 0 && mod < 0) mod += b;
  const div = (a - mod) / b;
  let floored = Math.floor(div);
  if (div - floored > 0.5) floored += 1;
  return floored;
}

/** MMPose's `SimCCLabel` defaults (`mmpose/codecs/simcc_label.py`): `simcc_split_ratio=2.0`, `sigma=6.0` bins. */
export const MMPOSE_SIMCC_DEFAULTS = { splitRatio: 2, sigma: 6 } as const;

/**
 * RTMPose's codec for 256 × 192 crops (`projects/rtmpose/rtmpose/body_2d_keypoint/rtmpose-m_8xb256-420e_coco-256x192.py`):
 * `SimCCLabel(sigma=(4.9, 5.66), simcc_split_ratio=2.0)`, σ in bins along x and y.
 */
export const RTMPOSE_SIMCC_LABEL = { splitRatio: 2, sigma: { x: 4.9, y: 5.66 } } as const;

/**
 * The SimCC-DARK blur kernel for a label σ (in bins), as `SimCCLabel.decode` derives it:
 * int((20σ - 7) // 3), less one when even. σ = 2 gives 11; RTMPose's (4.9, 5.66) give 29 and 35.
 */
export function simccDarkKernel(sigma: number): number {
  const k = pythonFloorDiv(sigma * 20 - 7, 3);
  return k % 2 === 0 ? k - 1 : k;
}

/**
 * MMPose's `refine_simcc_dark` on one vector from its argmax bin: blur (1-D, rescaled to the
 * original maximum), clip to [0.001, 50], log, edge padding by 2 bins, then
 * b - dx/dxx with dx = ½(L[b+1] - L[b-1]) and dxx = ¼(L[b+2] - 2L[b] + L[b-2]) + 1e-9.
 * A bin of -1 (maximum ≤ 0) is returned as it is (MMPose's index there wraps to the other end
 * of the vector, and an all-zero vector makes it NaN); a NaN or infinite value in the
 * neighbourhood keeps the bin and says so.
 */
export function refineSimccDark(
  vector: ArrayLike<number>,
  bin: number,
  kernel: number,
): { bin: number; fallback?: string } {
  if (bin < 0) return { bin };
  const { data } = modulateVector(vector, kernel);
  const n = data.length;
  const log = (b: number): number => {
    const v = data[b < 0 ? 0 : b >= n ? n - 1 : b] as number;
    if (v !== v) return v;
    return Math.fround(Math.log(v < 1e-3 ? Math.fround(1e-3) : v > 50 ? 50 : v));
  };
  const c = log(bin);
  const p1 = log(bin + 1);
  const m1 = log(bin - 1);
  const p2 = log(bin + 2);
  const m2 = log(bin - 2);
  const dx = 0.5 * (p1 - m1);
  const dxx = 1e-9 + 0.25 * (p2 - 2 * c + m2);
  const offset = dx / dxx;
  if (!Number.isFinite(offset)) return { bin, fallback: SIMCC_DARK_NOT_FINITE };
  return { bin: bin - offset };
}

/** Per keypoint, SimCC-DARK in bins from `get_simcc_maximum`'s points, x and y kernels apart. */
export function simccDark(vx: VectorStack, vy: VectorStack, kernelX: number, kernelY = kernelX): DecodedPoint[] {
  const maxima = simccMaximum(vx, vy);
  return maxima.map((m, i) => {
    const rx = refineSimccDark(vx.data.subarray(i * vx.length, (i + 1) * vx.length), m.x, kernelX);
    const ry = refineSimccDark(vy.data.subarray(i * vy.length, (i + 1) * vy.length), m.y, kernelY);
    const fallback = m.fallback ?? rx.fallback ?? ry.fallback;
    return { x: rx.bin, y: ry.bin, score: m.score, ...(fallback ? { fallback } : {}) };
  });
}

/** Settings of {@link simccDecode}. */
export interface SimccDecodeOptions {
  /** The split ratio k: bins per input pixel (MMPose's `simcc_split_ratio`, 2.0 in RTMPose). */
  splitRatio: number;
  /** The label σ in bins, one for both axes or [σx, σy]; SimCC-DARK's kernels come from it. */
  sigma?: number | readonly [number, number];
  /** Explicit SimCC-DARK kernels, overriding σ. */
  kernel?: number | readonly [number, number];
  /** The expectation's β (default 1). */
  beta?: number;
}

/**
 * `SimCCLabel.decode` (and the expectation): each keypoint's point in input pixels, bins
 * divided by the split ratio k, with `get_simcc_maximum`'s score. As in MMPose, a point whose
 * score is ≤ 0 becomes (-1/k, -1/k): the codec divides its (-1, -1) by k too.
 */
export function simccDecode(
  id: SimccDecoderId,
  vx: VectorStack,
  vy: VectorStack,
  options: SimccDecodeOptions,
): DecodedPoint[] {
  const k = options.splitRatio;
  if (!(k > 0)) throw new RangeError(`the split ratio must be positive, got ${k}`);
  let bins: DecodedPoint[];
  if (id === 'simccArgmax') bins = simccMaximum(vx, vy);
  else if (id === 'simccExpectation') bins = simccExpectation(vx, vy, options.beta ?? 1);
  else {
    const sigma = options.sigma ?? 6;
    const [sx, sy] = typeof sigma === 'number' ? [sigma, sigma] : sigma;
    const kernel = options.kernel;
    const [kx, ky] =
      kernel === undefined
        ? [simccDarkKernel(sx), simccDarkKernel(sy)]
        : typeof kernel === 'number'
          ? [kernel, kernel]
          : kernel;
    bins = simccDark(vx, vy, kx, ky);
  }
  return bins.map((p) => ({ ...p, x: p.x / k, y: p.y / k }));
}
