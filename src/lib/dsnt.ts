/**
 * DSNT, the differentiable spatial to numerical transform (Nibali et al., 2018), as the
 * `dsntnn` package computes it (codec-spec §4). Maps are `Float64Array`s of h×w logits or
 * probabilities, row-major; coordinates are normalised: pixel centres at (2x + 1)/w - 1.
 */
import { toNormalized, fromNormalized } from './coords.ts';
import type { Point } from './stack.ts';

type Values = ArrayLike<number>;

/** p = softmax(β·z) over all h·w cells (numerically stable: the maximum is subtracted). */
export function softmaxMap(logits: Values, beta = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, beta * (logits[i] as number));
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(beta * (logits[i] as number) - max);
    sum += out[i] as number;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** The normalised grid of a length-n axis: (2j + 1)/n - 1 for j = 0..n-1 (dsntnn's linspace). */
export function normalizedAxis(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, j) => toNormalized(j, n));
}

/** The expectation ⟨p, X⟩_F, ⟨p, Y⟩_F of a probability map, in normalised units. */
export function dsntExpectation(p: Values, w: number, h: number): Point {
  const gx = normalizedAxis(w);
  const gy = normalizedAxis(h);
  let x = 0;
  let y = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const v = p[i * w + j] as number;
      x += v * (gx[j] as number);
      y += v * (gy[i] as number);
    }
  }
  return { x, y };
}

/** DSNT of a logit map: softmax(β·z), then the expectation, in normalised units and pixels. */
export function dsntDecode(
  logits: Values,
  w: number,
  h: number,
  beta = 1,
): { normalized: Point; point: Point; p: Float64Array } {
  const p = softmaxMap(logits, beta);
  const normalized = dsntExpectation(p, w, h);
  return { normalized, point: { x: fromNormalized(normalized.x, w), y: fromNormalized(normalized.y, h) }, p };
}

/** Var[x], Var[y] of a probability map in pixel units: ⟨p, (X - μx)²⟩·(w/2)², likewise y. */
export function dsntVariance(p: Values, w: number, h: number): Point {
  const mu = dsntExpectation(p, w, h);
  const gx = normalizedAxis(w);
  const gy = normalizedAxis(h);
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const v = p[i * w + j] as number;
      vx += v * ((gx[j] as number) - mu.x) ** 2;
      vy += v * ((gy[i] as number) - mu.y) ** 2;
    }
  }
  return { x: vx * (w / 2) ** 2, y: vy * (h / 2) ** 2 };
}

/** The variance regulariser (Var[x] - σt²)² + (Var[y] - σt²)², σt in pixels. */
export function varianceLoss(p: Values, w: number, h: number, sigmaT: number): number {
  const v = dsntVariance(p, w, h);
  return (v.x - sigmaT ** 2) ** 2 + (v.y - sigmaT ** 2) ** 2;
}

/**
 * The target distribution q: a Gaussian at `target` (normalised units) with σt pixels
 * (2σt/n normalised per axis), normalised to sum 1 (1e-24 added to the sum, as dsntnn does).
 */
export function targetGaussian(target: Point, w: number, h: number, sigmaT: number): Float64Array {
  const gx = normalizedAxis(w);
  const gy = normalizedAxis(h);
  const kx = -0.5 / ((2 * sigmaT) / w) ** 2;
  const ky = -0.5 / ((2 * sigmaT) / h) ** 2;
  const ex = gx.map((x) => Math.exp((x - target.x) ** 2 * kx));
  const ey = gy.map((y) => Math.exp((y - target.y) ** 2 * ky));
  const out = new Float64Array(w * h);
  let sum = 0;
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      out[i * w + j] = (ey[i] as number) * (ex[j] as number);
      sum += out[i * w + j] as number;
    }
  }
  sum += 1e-24;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

const EPS = 1e-24;

/** KL(p‖q) = Σ p (ln(p + ε) - ln(q + ε)), ε = 1e-24 (dsntnn's `_kl`). */
export function klDivergence(p: Values, q: Values): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as number;
    s += a * (Math.log(a + EPS) - Math.log((q[i] as number) + EPS));
  }
  return s;
}

/** JS(p‖q) = ½KL(p‖m) + ½KL(q‖m), m = (p + q)/2 (dsntnn's `_js`). */
export function jsDivergence(p: Values, q: Values): number {
  const m = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) m[i] = 0.5 * ((p[i] as number) + (q[i] as number));
  return 0.5 * klDivergence(p, m) + 0.5 * klDivergence(q, m);
}

/** Per-cell terms of JS(p‖q), for drawing where the divergence comes from; they sum to JS. */
export function jsDivergenceMap(p: Values, q: Values): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as number;
    const b = q[i] as number;
    const m = 0.5 * (a + b);
    out[i] = 0.5 * a * (Math.log(a + EPS) - Math.log(m + EPS)) + 0.5 * b * (Math.log(b + EPS) - Math.log(m + EPS));
  }
  return out;
}

/** The Euclidean loss ‖μ - target‖₂ in normalised units. */
export function euclideanLoss(mu: Point, target: Point): number {
  return Math.hypot(mu.x - target.x, mu.y - target.y);
}

/**
 * ∂‖μ - t‖/∂z for every logit z of a map, where μ = DSNT(softmax(β z)):
 * β p_i ((X_i - μx) gx + (Y_i - μy) gy), g = (μ - t)/‖μ - t‖. Argmax has no such gradient.
 */
export function euclideanLossGradient(logits: Values, w: number, h: number, beta: number, target: Point): Float64Array {
  const p = softmaxMap(logits, beta);
  const mu = dsntExpectation(p, w, h);
  const norm = euclideanLoss(mu, target);
  const out = new Float64Array(w * h);
  if (norm === 0) return out;
  const gx = (mu.x - target.x) / norm;
  const gy = (mu.y - target.y) / norm;
  const ax = normalizedAxis(w);
  const ay = normalizedAxis(h);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const k = i * w + j;
      out[k] = beta * (p[k] as number) * (((ax[j] as number) - mu.x) * gx + ((ay[i] as number) - mu.y) * gy);
    }
  }
  return out;
}

/**
 * Soft-argmax with the bias correction of Gu et al. (ICCV 2021): with the map on the [0, 1)²
 * grid, C = ∫exp(βz) (the mean of exp(βz) over the cells) and J the plain expectation,
 * the debiased estimate is C/(C - 1)·(J - 1/(2C)) per axis. It assumes background logits
 * near 0, so C > 1; otherwise the plain expectation is returned. Result in heatmap pixels.
 */
export function debiasedSoftArgmax(logits: Values, w: number, h: number, beta = 1): { point: Point; c: number } {
  const p = softmaxMap(logits, beta);
  const mu = dsntExpectation(p, w, h);
  // J on [0, 1): the normalised expectation mapped from [-1, 1].
  const jx = (mu.x + 1) / 2;
  const jy = (mu.y + 1) / 2;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, beta * (logits[i] as number));
  let mean = 0;
  for (let i = 0; i < logits.length; i++) mean += Math.exp(beta * (logits[i] as number) - max);
  mean /= logits.length;
  // 1/C computed without overflow: C = e^max · mean.
  const invC = Math.exp(-max) / mean;
  const c = 1 / invC;
  if (!(invC < 1)) return { point: { x: fromNormalized(mu.x, w), y: fromNormalized(mu.y, h) }, c };
  const fix = (j: number): number => (j - invC / 2) / (1 - invC);
  return { point: { x: fix(jx) * w - 0.5, y: fix(jy) * h - 0.5 }, c };
}

/** DSNT's coordinate grids as two h×w maps: X[i][j] = (2j + 1)/w - 1, Y[i][j] = (2i + 1)/h - 1. */
export function normalizedGrids(w: number, h: number): { X: Float64Array; Y: Float64Array } {
  const ax = normalizedAxis(w);
  const ay = normalizedAxis(h);
  return {
    X: Float64Array.from({ length: w * h }, (_, i) => ax[i % w] as number),
    Y: Float64Array.from({ length: w * h }, (_, i) => ay[Math.floor(i / w)] as number),
  };
}

/**
 * The debiased soft-argmax as MMPose's code computes it (`IntegralRegressionHead.forward` with
 * `debias=True`, mmpose/models/heads/regression_heads/integral_regression_head.py), which differs
 * from the paper's form ({@link debiasedSoftArgmax}) in two ways: the grid puts cell j at j/W (not
 * (j + ½)/W), and C is the sum of exp(z) over the cells, without β (the paper's is the mean of
 * exp(βz), the integral over [0, 1)²). From the plain expectation `plain` (heatmap pixels, of
 * softmax(βz)) and the logits: x = C/(C − 1)·(plain.x/W − 1/(2C))·W, likewise y, in heatmap pixels
 * (MMPose's normalised output times the heatmap size; its codec multiplies by the input size).
 * The formula is applied as MMPose applies it, whatever C is: C ≤ 1 gives what MMPose gives
 * (C = 1 divides by zero). Logits of −∞ count as exp(z) = 0.
 */
export function mmposeDebiasFrom(plain: Point, logits: Values, w: number, h: number): Point {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp((logits[i] as number) - max);
  // 1/C = e^(−max) / Σ exp(z − max), without overflow.
  const invC = Math.exp(-max) / sum;
  const fix = (j: number): number => (j - invC / 2) / (1 - invC);
  return { x: fix(plain.x / w) * w, y: fix(plain.y / h) * h };
}

/**
 * The β of MMPose's `IntegralRegressionHead` (`mmpose/models/heads/regression_heads/integral_regression_head.py`):
 * 1 by default, which its integral regression and DSNT configs keep, and 10 in its debiased config
 * (`ipr_res50_debias-8xb64-210e_coco-256x256.py`, with `debias=True`).
 */
export const MMPOSE_INTEGRAL_BETA = { default: 1, debiased: 10 } as const;

/**
 * Soft-argmax and its debiased form (see {@link dsntDecode} and {@link debiasedSoftArgmax}) from
 * one pass of exponentials over an h×w logit map, for decoders that want both: the plain
 * expectation Σp·j, Σp·i in heatmap pixels, and Gu et al.'s C/(C - 1)·(J - 1/(2C)) on the
 * [0, 1) grid. Logits of -∞ get weight 0. Same values as the two functions up to rounding.
 */
export function softArgmaxBoth(logits: Values, w: number, h: number, beta = 1): { plain: Point; debiased: Point } {
  const n = w * h;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = beta * (logits[i] as number);
    if (v > max) max = v;
  }
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    let row = 0;
    let rowX = 0;
    for (let x = 0; x < w; x++) {
      const e = Math.exp(beta * (logits[y * w + x] as number) - max);
      row += e;
      rowX += e * x;
    }
    sum += row;
    sx += rowX;
    sy += row * y;
  }
  const plain = { x: sx / sum, y: sy / sum };
  // 1/C = e^-max / mean(e^(βz - max)), computed without overflow.
  const invC = Math.exp(-max) / (sum / n);
  if (!(invC < 1)) return { plain, debiased: { ...plain } };
  const fix = (j: number): number => (j - invC / 2) / (1 - invC);
  const debiased = { x: fix((plain.x + 0.5) / w) * w - 0.5, y: fix((plain.y + 0.5) / h) * h - 0.5 };
  return { plain, debiased };
}
