/**
 * Figure data for chapter 6 (SimDR / SimCC, Li et al. ECCV 2022): a keypoint on the 192×256
 * crop as two 1-D label vectors of k·w and k·h bins, what decoding them gives back, the
 * quantisation of SimDR against the heatmap, KL against each label type, and memory.
 */
import { runErrorSweep } from '../experiments.ts';
import { createRandom } from '../random.ts';
import {
  representationSize,
  simdrBins,
  simdrDecode,
  simdrGaussian,
  simdrKl,
  simdrOneHot,
  simdrOneHotBin,
  simdrSmoothed,
} from '../simdr.ts';
import type { Point } from '../stack.ts';
import { summarize, type Summary } from '../stats.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** The three label types SimDR and SA-SimDR train with. */
export type SimdrLabelKind = 'onehot' | 'smooth' | 'gauss';

/** A label of `kind` for coordinate `x` on a `size`-pixel axis at split ratio k. */
export function simdrLabel(
  kind: SimdrLabelKind,
  x: number,
  size: number,
  k: number,
  sigma: number,
  epsilon: number,
): Float64Array {
  if (kind === 'onehot') return simdrOneHot(x, size, k);
  if (kind === 'smooth') return simdrSmoothed(x, size, k, epsilon);
  return simdrGaussian(x, size, k, sigma);
}

/** The keypoint, the split ratio and the label settings of figure 6.1. */
export interface SimdrFigureInput {
  keypoint: Point;
  k: number;
  label: SimdrLabelKind;
  /** Gaussian σ in bins. */
  sigma: number;
  /** Label-smoothing ε. */
  epsilon: number;
}

/** Both label vectors and what decoding them gives back, in input pixels. */
export interface SimdrFigureData {
  k: number;
  bins: { x: number; y: number };
  labelX: Float64Array;
  labelY: Float64Array;
  /** round(k·x), round(k·y) */
  oneHotBins: Point;
  decoded: Point;
  error: number;
  /** The per-axis bound of SimDR's quantisation, 1/(2k) input px. */
  bound: number;
  /** Numbers stored per keypoint: SimDR k(w + h) against the stride-4 heatmap's W·H. */
  size: { heatmap: number; simdr: number };
}

/** Builds figure 6.1's vectors and decoded point. */
export function buildSimdrFigure({ keypoint, k, label, sigma, epsilon }: SimdrFigureInput): SimdrFigureData {
  const { inputW: w, inputH: h } = CROP_GEOMETRY;
  const labelX = simdrLabel(label, keypoint.x, w, k, sigma, epsilon);
  const labelY = simdrLabel(label, keypoint.y, h, k, sigma, epsilon);
  const decoded = { x: simdrDecode(labelX, k), y: simdrDecode(labelY, k) };
  return {
    k,
    bins: { x: simdrBins(w, k), y: simdrBins(h, k) },
    labelX,
    labelY,
    oneHotBins: { x: simdrOneHotBin(keypoint.x, k), y: simdrOneHotBin(keypoint.y, k) },
    decoded,
    error: Math.hypot(decoded.x - keypoint.x, decoded.y - keypoint.y),
    bound: 1 / (2 * k),
    size: representationSize(w, h, 4, k),
  };
}

/** The split ratios the quantisation comparison measures SimDR at. */
export const QUANTISATION_SPLITS = [1, 2, 3, 4] as const;

/** One row of the quantisation comparison: a representation and its per-axis error. */
export interface QuantisationRow {
  representation: string;
  bound: number;
  perAxis: Summary;
}

/**
 * Per-axis quantisation error of SimDR (decoding its own one-hot label) at k = 1…4 and of a
 * stride-4 heatmap decoded by argmax, for keypoints drawn uniformly on the crop.
 */
export function buildQuantisationComparison({ samples = 4000, seed = 11 } = {}): QuantisationRow[] {
  const { inputW: w } = CROP_GEOMETRY;
  const random = createRandom(seed);
  const xs = Float64Array.from({ length: samples }, () => random.uniform(2, w - 3));
  const rows: QuantisationRow[] = [];
  const heatmap = runErrorSweep({
    heatmapW: 48,
    heatmapH: 64,
    stride: 4,
    sigma: 2,
    target: 'unbiased',
    noise: 0,
    samples,
    seed,
    decoders: ['argmax'],
    margin: 1,
  });
  rows.push({ representation: 'heatmap, λ = 4', bound: 2, perAxis: summarize(heatmap.errorsX.argmax as Float64Array) });
  for (const k of QUANTISATION_SPLITS) {
    const errors = xs.map((x) => Math.abs(simdrDecode(simdrOneHot(x, w, k), k) - x));
    rows.push({ representation: `SimDR, k = ${k}`, bound: 1 / (2 * k), perAxis: summarize(errors) });
  }
  return rows;
}

/** KL(label ‖ softmax(prediction)) for a Gaussian-shaped prediction shifted from the truth. */
export interface KlRow {
  shift: number;
  label: SimdrLabelKind;
  kl: number;
}

/**
 * Each label type's KL against a confident prediction (see {@link predictionLogits}) of
 * `width` bins centred `shift` input px from the truth, for shifts in [-maxShift, maxShift].
 */
export function buildKlCurves({
  x,
  k,
  sigma,
  epsilon,
  width,
  maxShift = 8,
  steps = 81,
}: {
  x: number;
  k: number;
  sigma: number;
  epsilon: number;
  width: number;
  maxShift?: number;
  steps?: number;
}): KlRow[] {
  const size = CROP_GEOMETRY.inputW;
  const labels = (['onehot', 'smooth', 'gauss'] as const).map((kind) => ({
    kind,
    label: simdrLabel(kind, x, size, k, sigma, epsilon),
  }));
  const rows: KlRow[] = [];
  for (let i = 0; i < steps; i++) {
    const shift = -maxShift + (2 * maxShift * i) / (steps - 1);
    const logits = predictionLogits(x + shift, size, k, width);
    for (const { kind, label } of labels) rows.push({ shift, label: kind, kl: simdrKl(label, logits) });
  }
  return rows;
}

/**
 * Logits of a confident prediction peaked at input coordinate `centre`: a bump of `height`
 * and width `width` bins over a flat background, height·exp(-(b - k·centre)²/2w²). Far from
 * the bump every bin keeps the same small probability, as a trained classifier's would.
 */
export function predictionLogits(centre: number, size: number, k: number, width: number, height = 10): Float64Array {
  return Float64Array.from(
    { length: simdrBins(size, k) },
    (_, b) => height * Math.exp(-((b - k * centre) ** 2) / (2 * width * width)),
  );
}

/** Numbers per keypoint for a stride-4 heatmap and for SimDR at split ratio k, by input size. */
export function memoryTable(k = 2): { input: string; heatmap: number; simdr: number; ratio: number }[] {
  return [
    [64, 64],
    [96, 128],
    [192, 256],
    [288, 384],
  ].map(([w, h]) => {
    const size = representationSize(w as number, h as number, 4, k);
    return { input: `${h}×${w}`, ...size, ratio: size.heatmap / size.simdr };
  });
}
