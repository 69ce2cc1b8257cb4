/**
 * Figure data for "error distribution against stride and σ" (chapter 2), from seeded
 * Monte-Carlo sweeps: keypoints drawn uniformly on a 192×256 crop, encoded on the heatmap of
 * each stride, decoded, and measured in input pixels.
 */
import type { DecoderId } from '../decoders.ts';
import type { TargetKind } from '../encode.ts';
import { runErrorSweep } from '../experiments.ts';
import { summarize, type Summary } from '../stats.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** The strides of the stride panel, on a 192×256 crop. */
export const STRIDES = [1, 2, 4, 8] as const;
/** The target σ of the σ panel, heatmap pixels. */
export const SIGMAS = [0.5, 1, 1.5, 2, 2.5, 3] as const;
/**
 * How far inside the map's edge (heatmap px) keypoints are drawn, in both panels. DARK blurs
 * with an 11-tap kernel over a zero-padded map, so within 5 cells of the edge the padding
 * pulls the modulated map down on one side and biases its Newton step, more so the wider the
 * target: at 3 cells DARK's mean error grew with σ (0.0001 px at σ 1, 0.09 px at σ 3, up to
 * 1.4 px near the edge); from 6 cells it stays below 0.001 px.
 */
export const DIST_MARGIN = 6;

/** Error summaries of one decoder at one stride, in input pixels. */
export interface StrideRow {
  stride: number;
  decoder: DecoderId;
  /** Per-axis |x error| in input px; its bound is [0, λ/2). */
  perAxis: Summary;
  /** Euclidean error in input px. */
  euclidean: Summary;
  bound: number;
}

/** Error summary of one decoder at one σ (stride 4), in input pixels. */
export interface SigmaRow {
  sigma: number;
  decoder: DecoderId;
  euclidean: Summary;
}

/** Both panels' rows for one target kind, with the sweep's settings. */
export interface ErrorDistributions {
  target: TargetKind;
  samples: number;
  seed: number;
  byStride: StrideRow[];
  bySigma: SigmaRow[];
}

/** Runs the seeded sweeps of both panels for one target kind. */
export function buildErrorDistributions({
  target,
  samples = 2000,
  seed = 2020,
  decoders = ['argmax', 'quarter', 'dark'] as readonly DecoderId[],
}: {
  target: TargetKind;
  samples?: number;
  seed?: number;
  decoders?: readonly DecoderId[];
}): ErrorDistributions {
  const byStride: StrideRow[] = [];
  for (const stride of STRIDES) {
    const sweep = runErrorSweep({
      heatmapW: CROP_GEOMETRY.inputW / stride,
      heatmapH: CROP_GEOMETRY.inputH / stride,
      stride,
      sigma: 2,
      target,
      noise: 0,
      samples,
      seed,
      decoders,
      margin: DIST_MARGIN,
    });
    for (const decoder of decoders) {
      byStride.push({
        stride,
        decoder,
        perAxis: summarize(sweep.errorsX[decoder] as Float64Array),
        euclidean: summarize(sweep.errors[decoder] as Float64Array),
        bound: stride / 2,
      });
    }
  }
  const bySigma: SigmaRow[] = [];
  for (const sigma of SIGMAS) {
    const sweep = runErrorSweep({
      heatmapW: 48,
      heatmapH: 64,
      stride: 4,
      sigma,
      target,
      noise: 0,
      samples,
      seed,
      decoders,
      margin: DIST_MARGIN,
    });
    for (const decoder of decoders)
      bySigma.push({ sigma, decoder, euclidean: summarize(sweep.errors[decoder] as Float64Array) });
  }
  return { target, samples, seed, byStride, bySigma };
}
