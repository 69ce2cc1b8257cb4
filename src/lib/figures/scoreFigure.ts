/**
 * Figure data for "what is a score?" (chapter 10, figure 10.3): seeded noisy outputs of a
 * heatmap head and of a SimCC head for the same keypoints, each keypoint's score under every
 * convention of `scores.ts`, its error, and what keeping the keypoints that score at least a
 * threshold does (`thresholdSweep`).
 *
 * Each sample is a keypoint on the 192 × 256 crop with a peak height a (how sure the made-up
 * network is, uniform in `SCORE_SETTING.amplitude`, so it can exceed 1) and Gaussian noise on
 * every cell:
 *
 * - the heatmap: a·(unbiased target, σ 2 cells) + noise on the 48 × 64 map, decoded by DARK
 *   (whose score is the map's maximum: `heatmapMax`); Megvii's score is MegviiHeatmap's
 *   max/255 + 0.5 of the same map at the scale Megvii's targets are trained to (peak 255);
 * - SimCC: one vector per axis, a·(Gaussian label, σ 4.9 and 5.66 bins, split ratio 2, as
 *   RTMPose's 256 × 192 configs) + the same noise, decoded by `simccMaximum` (score: the smaller
 *   of the two maxima, `simccMin`).
 *
 * Scores and errors pair per representation: `heatmapMax` and `megvii` with the heatmap's DARK
 * error, `simccMin` with SimCC's own error. All errors are Euclidean, input px.
 */
import { decodeAll, decodeMap } from '../decoders.ts';
import { encodeUnbiased } from '../encode.ts';
import { createRandom } from '../random.ts';
import { SCORE_CONVENTIONS, scoreUnder, thresholdSweep, type ScoreConvention, type ThresholdRow } from '../scores.ts';
import { RTMPOSE_SIMCC_LABEL, simccMaximum, type VectorStack } from '../simcc.ts';
import type { Point } from '../stack.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** The seeded setting of figure 10.3. */
export const SCORE_SETTING = {
  geometry: CROP_GEOMETRY,
  samples: 400,
  seed: 2755,
  /** The peak height a of each sample is uniform in this range. */
  amplitude: [0.05, 1.3],
  /** Standard deviation of the Gaussian noise on every cell and bin. */
  noise: 0.08,
  /** The heatmap target's σ (cells) and DARK's and Megvii's blur kernel. */
  sigma: 2,
  kernel: 11,
  /** Megvii's targets peak at 255 (MegviiHeatmap.encode), so its network's maps do too. */
  megviiPeak: 255,
  /** SimCC: bins per input pixel and the label's σ along x and y, bins (RTMPose, 256 × 192). */
  split: RTMPOSE_SIMCC_LABEL.splitRatio,
  simccSigma: RTMPOSE_SIMCC_LABEL.sigma,
  /** Keypoints are drawn at least this far inside the crop, input px. */
  margin: 16,
  /** The thresholds of the kept-share curves: 0 to 2 in steps of 0.02. */
  thresholds: Array.from({ length: 101 }, (_, i) => i / 50),
} as const;

/** One keypoint's scores and errors. */
export interface ScoreSample {
  keypoint: Point;
  /** The made-up network's peak height. */
  amplitude: number;
  /** The score under each convention. */
  scores: Record<ScoreConvention, number>;
  /** The error each convention's score goes with, input px. */
  errors: Record<ScoreConvention, number>;
  /** The maximum of SimCC's x and y vectors. */
  simccMaxima: Point;
  /** Whether DARK reported the same score as argmax (it refines the position only). */
  darkKeepsScore: boolean;
}

/** A Gaussian bump of height `a` over `n` bins centred at `c` with σ `s`, plus noise, float32. */
function noisyVector(n: number, c: number, s: number, a: number, noise: number, next: () => number): Float32Array {
  const v = new Float32Array(n);
  for (let b = 0; b < n; b++) v[b] = a * Math.exp(-((b - c) * (b - c)) / (2 * s * s)) + noise * next();
  return v;
}

/** The largest value of a vector. */
function vectorMax(v: Float32Array): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of v) if (x > m) m = x;
  return m;
}

/** The figure's seeded samples (`SCORE_SETTING`, or fewer for tests). */
export function buildScoreSamples(options: { samples?: number; seed?: number } = {}): ScoreSample[] {
  const S = SCORE_SETTING;
  const { inputW, inputH, heatmapW: w, heatmapH: h } = S.geometry;
  const stride = { x: inputW / w, y: inputH / h };
  const rng = createRandom(options.seed ?? S.seed);
  const normal = () => rng.normal();
  const out: ScoreSample[] = [];
  for (let i = 0; i < (options.samples ?? S.samples); i++) {
    const keypoint = { x: rng.uniform(S.margin, inputW - S.margin), y: rng.uniform(S.margin, inputH - S.margin) };
    const a = rng.uniform(S.amplitude[0], S.amplitude[1]);
    const mu = { x: keypoint.x / stride.x, y: keypoint.y / stride.y };
    const map = encodeUnbiased(mu, w, h, S.sigma);
    for (let j = 0; j < map.data.length; j++) map.data[j] = a * (map.data[j] as number) + S.noise * normal();
    const decoded = decodeAll(['argmax', 'dark'], map, { kernel: S.kernel });
    const dark = decoded.dark!;
    const heatmapError = Math.hypot((dark.x - mu.x) * stride.x, (dark.y - mu.y) * stride.y);
    const megvii = decodeMap(
      'megvii',
      { data: map.data.map((v) => v * S.megviiPeak), w, h },
      { kernel: S.kernel },
    ).score;

    const vx = noisyVector(inputW * S.split, keypoint.x * S.split, S.simccSigma.x, a, S.noise, normal);
    const vy = noisyVector(inputH * S.split, keypoint.y * S.split, S.simccSigma.y, a, S.noise, normal);
    const stack = (data: Float32Array): VectorStack => ({ data, count: 1, length: data.length });
    const simcc = simccMaximum(stack(vx), stack(vy))[0]!;
    const simccError = Math.hypot(simcc.x / S.split - keypoint.x, simcc.y / S.split - keypoint.y);
    const maxima = { x: vectorMax(vx), y: vectorMax(vy) };

    out.push({
      keypoint,
      amplitude: a,
      scores: {
        heatmapMax: scoreUnder('heatmapMax', dark.score),
        megvii,
        simccMin: simcc.score,
      },
      errors: { heatmapMax: heatmapError, megvii: heatmapError, simccMin: simccError },
      simccMaxima: maxima,
      darkKeepsScore: dark.score === decoded.argmax!.score,
    });
  }
  return out;
}

/** What the figure and the thresholds read of a sample (what a page embeds). */
export type ScoreSampleCore = Pick<ScoreSample, 'scores' | 'errors' | 'simccMaxima' | 'darkKeepsScore'>;

/** One convention's scores and errors, its range and its kept-share curve. */
export interface ScoreConventionData {
  convention: ScoreConvention;
  points: { score: number; error: number }[];
  /** The smallest and largest score. */
  range: [number, number];
  /** `thresholdSweep` at each of `SCORE_SETTING.thresholds`. */
  curve: ThresholdRow[];
}

/** What the figure shows that does not depend on the threshold. */
export interface ScoreFigureData {
  samples: number;
  conventions: Record<ScoreConvention, ScoreConventionData>;
  /** Share of samples whose heatmap maximum exceeds 1. */
  aboveOne: number;
  /** Share of samples where DARK's score equals argmax's. */
  darkKeepsScore: number;
  /** Mean of SimCC's two maxima minus their minimum (how much lower `simccMin` reads than rtmlib's mean). */
  simccMeanMinusMin: number;
  /**
   * DARK's errors (the heatmap scores' errors) beyond the crop's longer side: its Newton step has
   * no bound, and where noise flattens a weak peak's curvature the step lands far outside. How
   * many, the largest, and the side (input px).
   */
  darkBeyondCrop: { count: number; largest: number; side: number };
}

/** Scores, errors and kept-share curves per convention, from the samples. */
export function buildScoreFigure(samples: readonly ScoreSampleCore[]): ScoreFigureData {
  const conventions = {} as Record<ScoreConvention, ScoreConventionData>;
  for (const c of SCORE_CONVENTIONS) {
    const points = samples.map((s) => ({ score: s.scores[c], error: s.errors[c] }));
    const scores = points.map((p) => p.score);
    conventions[c] = {
      convention: c,
      points,
      range: [Math.min(...scores), Math.max(...scores)],
      curve: thresholdSweep(
        scores,
        points.map((p) => p.error),
        SCORE_SETTING.thresholds,
      ),
    };
  }
  const n = samples.length;
  const side = Math.max(SCORE_SETTING.geometry.inputW, SCORE_SETTING.geometry.inputH);
  const darkErrors = samples.map((s) => s.errors.heatmapMax).filter((e) => e > side);
  return {
    samples: n,
    darkBeyondCrop: { count: darkErrors.length, largest: darkErrors.length ? Math.max(...darkErrors) : 0, side },
    conventions,
    aboveOne: samples.filter((s) => s.scores.heatmapMax > 1).length / n,
    darkKeepsScore: samples.filter((s) => s.darkKeepsScore).length / n,
    simccMeanMinusMin:
      samples.reduce((sum, s) => sum + (s.simccMaxima.x + s.simccMaxima.y) / 2 - s.scores.simccMin, 0) / n,
  };
}

/** What keeping the keypoints scoring at least `threshold` does, under each convention. */
export function scoreThresholdRows(
  samples: readonly Pick<ScoreSample, 'scores' | 'errors'>[],
  threshold: number,
): Record<ScoreConvention, ThresholdRow> {
  const out = {} as Record<ScoreConvention, ThresholdRow>;
  for (const c of SCORE_CONVENTIONS) {
    out[c] = thresholdSweep(
      samples.map((s) => s.scores[c]),
      samples.map((s) => s.errors[c]),
      [threshold],
    )[0]!;
  }
  return out;
}

/**
 * Samples as a page embeds them: one array per field (the keys once, not once per sample), each
 * value to `digits` significant digits (scores and errors are read to two decimals; six digits
 * keep every threshold decision of `SCORE_SETTING.thresholds` but those within 10⁻⁶ of a score).
 */
export interface PackedScoreSamples {
  scores: Record<ScoreConvention, number[]>;
  errors: Record<ScoreConvention, number[]>;
  simccMaxima: { x: number[]; y: number[] };
  /** 1 where DARK kept argmax's score, else 0. */
  darkKeepsScore: (0 | 1)[];
}

/**
 * Packs samples for embedding in a page (`PackedScoreSamples`); `unpackScoreSamples` reads them
 * back. `digits`: significant digits kept, 1–17 (default 6).
 */
export function packScoreSamples(samples: readonly ScoreSampleCore[], digits = 6): PackedScoreSamples {
  const round = (v: number) => Number(v.toPrecision(digits));
  const column = (get: (s: ScoreSampleCore) => number) => samples.map((s) => round(get(s)));
  const byConvention = (field: 'scores' | 'errors') =>
    Object.fromEntries(SCORE_CONVENTIONS.map((c) => [c, column((s) => s[field][c])])) as Record<
      ScoreConvention,
      number[]
    >;
  return {
    scores: byConvention('scores'),
    errors: byConvention('errors'),
    simccMaxima: { x: column((s) => s.simccMaxima.x), y: column((s) => s.simccMaxima.y) },
    darkKeepsScore: samples.map((s) => (s.darkKeepsScore ? 1 : 0)),
  };
}

/** The samples `packScoreSamples` packed, one per index. */
export function unpackScoreSamples(packed: PackedScoreSamples): ScoreSampleCore[] {
  const at = (field: 'scores' | 'errors', i: number) =>
    Object.fromEntries(SCORE_CONVENTIONS.map((c) => [c, packed[field][c][i] as number])) as Record<
      ScoreConvention,
      number
    >;
  return packed.darkKeepsScore.map((keeps, i) => ({
    scores: at('scores', i),
    errors: at('errors', i),
    simccMaxima: { x: packed.simccMaxima.x[i] as number, y: packed.simccMaxima.y[i] as number },
    darkKeepsScore: keeps === 1,
  }));
}
