/**
 * Figure data for chapter 5 (DSNT, Nibali et al. 2018): a 16×16 map of logits made of
 * Gaussian bumps the reader places, its softmax with temperature β, the expectation against
 * argmax, the gradient of the Euclidean loss, the regularisers, and soft-argmax's bias.
 */
import { argmaxIndex } from '../argmax.ts';
import { fromNormalized, toNormalized } from '../coords.ts';
import {
  debiasedSoftArgmax,
  dsntExpectation,
  dsntVariance,
  euclideanLoss,
  euclideanLossGradient,
  jsDivergence,
  jsDivergenceMap,
  softmaxMap,
  targetGaussian,
} from '../dsnt.ts';
import type { Point } from '../stack.ts';

/** The chapter's map: 16×16 cells, as DSNT works on low-resolution maps. */
export const DSNT_SETTING = { w: 16, h: 16, bumpWidth: 1.5 } as const;

/** A bump of the logit map: its centre (heatmap px) and height. */
export interface Peak {
  x: number;
  y: number;
  amplitude: number;
}

/** Logits Σ a·exp(-d²/2s²) over the map: zero background, one bump per peak. */
export function peakLogits(
  peaks: readonly Peak[],
  w: number,
  h: number,
  width: number = DSNT_SETTING.bumpWidth,
): Float64Array {
  const out = new Float64Array(w * h);
  for (const p of peaks) {
    if (p.amplitude === 0) continue;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++)
        out[y * w + x] =
          (out[y * w + x] as number) + p.amplitude * Math.exp(-((x - p.x) ** 2 + (y - p.y) ** 2) / (2 * width * width));
    }
  }
  return out;
}

/** The figure's settings: bumps, temperature, the training target (heatmap px) and σt. */
export interface DsntFigureInput {
  peaks: readonly Peak[];
  beta: number;
  target: Point;
  sigmaT: number;
}

/** Everything chapter 5's figures show for one setting. */
export interface DsntFigureData {
  w: number;
  h: number;
  logits: Float64Array;
  /** softmax(β·logits) */
  p: Float64Array;
  /** The expectation, heatmap px and normalised units. */
  expectation: Point;
  expectationNormalized: Point;
  /** Argmax of the logits, heatmap px. */
  argmax: Point;
  /** ∂‖μ - t‖/∂z per logit, and the loss itself (normalised units). */
  gradient: Float64Array;
  /** -∂‖μ - t‖/∂z: the direction gradient descent moves each logit (> 0: it rises). */
  descent: Float64Array;
  loss: number;
  /** Var[x], Var[y] in px², the variance regulariser, the target Gaussian and JS(p‖q). */
  variance: Point;
  varianceLoss: number;
  q: Float64Array;
  js: number;
  jsMap: Float64Array;
  /** Soft-argmax with Gu et al.'s bias correction, heatmap px. */
  debiased: Point;
}

/** Builds every number of chapter 5's figures for one setting. */
export function buildDsntFigure({ peaks, beta, target, sigmaT }: DsntFigureInput): DsntFigureData {
  const { w, h } = DSNT_SETTING;
  const logits = peakLogits(peaks, w, h);
  const p = softmaxMap(logits, beta);
  const mu = dsntExpectation(p, w, h);
  const t = { x: toNormalized(target.x, w), y: toNormalized(target.y, h) };
  const i = argmaxIndex(logits);
  const q = targetGaussian(t, w, h, sigmaT);
  const variance = dsntVariance(p, w, h);
  const gradient = euclideanLossGradient(logits, w, h, beta, t);
  return {
    w,
    h,
    logits,
    p,
    expectation: { x: fromNormalized(mu.x, w), y: fromNormalized(mu.y, h) },
    expectationNormalized: mu,
    argmax: { x: i % w, y: Math.floor(i / w) },
    gradient,
    descent: gradient.map((g) => -g),
    loss: euclideanLoss(mu, t),
    variance,
    varianceLoss: (variance.x - sigmaT ** 2) ** 2 + (variance.y - sigmaT ** 2) ** 2,
    q,
    js: jsDivergence(p, q),
    jsMap: jsDivergenceMap(p, q),
    debiased: debiasedSoftArgmax(logits, w, h, beta).point,
  };
}

/** The probability map and both regularisers part way along a path to the target. */
export interface RegulariserPoint {
  t: number;
  p: Float64Array;
  varianceLoss: number;
  js: number;
}

/**
 * Walks the logits toward the target: z_t = (1-t)·z + t·ln(q)/β, so that softmax(β z_1) = q.
 * At t = 0 it is the reader's map; at t = 1 both regularisers are zero.
 */
export function regulariserAt(input: DsntFigureInput, t: number): RegulariserPoint {
  const { w, h } = DSNT_SETTING;
  const logits = peakLogits(input.peaks, w, h);
  const target = { x: toNormalized(input.target.x, w), y: toNormalized(input.target.y, h) };
  const q = targetGaussian(target, w, h, input.sigmaT);
  const zt = logits.map((z, i) => (1 - t) * z + (t * Math.log((q[i] as number) + 1e-24)) / input.beta);
  const p = softmaxMap(zt, input.beta);
  const v = dsntVariance(p, w, h);
  return {
    t,
    p,
    varianceLoss: (v.x - input.sigmaT ** 2) ** 2 + (v.y - input.sigmaT ** 2) ** 2,
    js: jsDivergence(p, q),
  };
}

/** Both regularisers along the path, at `steps + 1` evenly spaced t. */
export function regulariserCurve(
  input: DsntFigureInput,
  steps = 40,
): { t: number; varianceLoss: number; js: number }[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const r = regulariserAt(input, i / steps);
    return { t: r.t, varianceLoss: r.varianceLoss, js: r.js };
  });
}

/**
 * Soft-argmax's bias: one bump of `amplitude` moved along the middle row; the error of the
 * plain expectation and of the debiased one (heatmap px) at each position, for one β.
 */
export function softArgmaxBias({
  beta,
  amplitude,
  steps = 61,
}: {
  beta: number;
  amplitude: number;
  steps?: number;
}): { x: number; plain: number; debiased: number }[] {
  const { w, h } = DSNT_SETTING;
  const y = (h - 1) / 2;
  return Array.from({ length: steps }, (_, i) => {
    const x = (i / (steps - 1)) * (w - 1);
    const logits = peakLogits([{ x, y, amplitude }], w, h);
    const mu = dsntExpectation(softmaxMap(logits, beta), w, h);
    const fixed = debiasedSoftArgmax(logits, w, h, beta).point;
    return { x, plain: Math.abs(fromNormalized(mu.x, w) - x), debiased: Math.abs(fixed.x - x) };
  });
}
