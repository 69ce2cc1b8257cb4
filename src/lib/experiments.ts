/**
 * Seeded experiments on localisation error: a keypoint is encoded as a target, optionally
 * corrupted by noise, and decoded by each decoder; the error is measured in input pixels
 * (heatmap error × stride). Everything is reproducible from the configuration, seed included.
 */
import { decodeAll, type DecoderId, type DecoderOptions } from './decoders.ts';
import { encodeTarget, type TargetKind } from './encode.ts';
import { createRandom, type Random } from './random.ts';
import type { DecodedPoint, Heatmap, Point } from './stack.ts';
import { summarize, type Summary } from './stats.ts';

/** One configuration of a Monte-Carlo error sweep. */
export interface SweepConfig {
  heatmapW: number;
  heatmapH: number;
  /** Input pixels per heatmap pixel: errors are reported in input pixels. */
  stride: number;
  /** Target σ in heatmap pixels. */
  sigma: number;
  target: TargetKind;
  /** Standard deviation of additive Gaussian noise, relative to the target's peak of 1. */
  noise: number;
  samples: number;
  seed: number;
  decoders: readonly DecoderId[];
  /** Keypoints are drawn uniformly at least this far (heatmap px) inside the map's edge. */
  margin?: number;
  decoderOptions?: DecoderOptions;
}

/** Per-decoder errors in input pixels, one per sample, and the keypoints drawn. */
export interface SweepResult {
  config: SweepConfig;
  keypoints: Point[];
  /** Euclidean error. */
  errors: Record<string, Float64Array>;
  /** |error| along x alone: the per-axis quantity whose bound is [0, λ/2). */
  errorsX: Record<string, Float64Array>;
}

/** Adds N(0, noise²) to every value of `data`. */
export function addNoise(data: Float32Array, noise: number, random: Random): void {
  if (noise <= 0) return;
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) + noise * random.normal();
}

/** Runs a seeded Monte-Carlo sweep. */
export function runErrorSweep(config: SweepConfig): SweepResult {
  const { heatmapW: w, heatmapH: h, stride, sigma, target, noise, samples, seed, decoders } = config;
  const margin = config.margin ?? 1;
  const random = createRandom(seed);
  const buffer = new Float32Array(w * h);
  const map: Heatmap = { data: buffer, w, h };
  const keypoints: Point[] = [];
  const errors: Record<string, Float64Array> = {};
  const errorsX: Record<string, Float64Array> = {};
  for (const id of decoders) {
    errors[id] = new Float64Array(samples);
    errorsX[id] = new Float64Array(samples);
  }
  for (let s = 0; s < samples; s++) {
    const keypoint = {
      x: random.uniform(margin - 0.5, w - 0.5 - margin),
      y: random.uniform(margin - 0.5, h - 0.5 - margin),
    };
    keypoints.push(keypoint);
    encodeTarget(target, keypoint, w, h, sigma, buffer);
    addNoise(buffer, noise, random);
    const decoded = decodeAll(decoders, map, config.decoderOptions);
    for (const id of decoders) {
      const p = decoded[id] as DecodedPoint;
      (errors[id] as Float64Array)[s] = stride * Math.hypot(p.x - keypoint.x, p.y - keypoint.y);
      (errorsX[id] as Float64Array)[s] = stride * Math.abs(p.x - keypoint.x);
    }
  }
  return { config, keypoints, errors, errorsX };
}

/** Summary statistics of each decoder's errors. */
export function summarizeSweep(result: SweepResult): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  for (const [id, values] of Object.entries(result.errors)) out[id] = summarize(values);
  return out;
}

/** A deterministic sweep of the keypoint across one heatmap cell. */
export interface OffsetSweepConfig {
  heatmapW: number;
  heatmapH: number;
  stride: number;
  sigma: number;
  target: TargetKind;
  /** The cell's integer centre in heatmap pixels. */
  cell: Point;
  /** Positions per axis; offsets run over [-0.5, 0.5) in steps of 1/steps. */
  steps: number;
  /** 'x' sweeps dx with dy = `fixed`; 'grid' sweeps both. */
  mode: 'x' | 'grid';
  fixed?: number;
  decoders: readonly DecoderId[];
  decoderOptions?: DecoderOptions;
}

/** One position of an offset sweep and each decoder's error there. */
export interface OffsetSample {
  /** Sub-pixel offset from the cell centre, heatmap pixels. */
  dx: number;
  dy: number;
  /** Error in input pixels, per decoder. */
  errors: Record<string, number>;
}

/** Error of each decoder as the keypoint sweeps one cell: the quantisation-error curve. */
export function runOffsetSweep(config: OffsetSweepConfig): OffsetSample[] {
  const { heatmapW: w, heatmapH: h, stride, sigma, target, cell, steps, mode, decoders } = config;
  const buffer = new Float32Array(w * h);
  const map: Heatmap = { data: buffer, w, h };
  const offsets = Array.from({ length: steps }, (_, i) => -0.5 + i / steps);
  const rows = mode === 'grid' ? offsets : [config.fixed ?? 0];
  const out: OffsetSample[] = [];
  for (const dy of rows) {
    for (const dx of offsets) {
      const keypoint = { x: cell.x + dx, y: cell.y + dy };
      encodeTarget(target, keypoint, w, h, sigma, buffer);
      const errors: Record<string, number> = {};
      const decoded = decodeAll(decoders, map, config.decoderOptions);
      for (const id of decoders) {
        const p = decoded[id] as DecodedPoint;
        errors[id] = stride * Math.hypot(p.x - keypoint.x, p.y - keypoint.y);
      }
      out.push({ dx, dy, errors });
    }
  }
  return out;
}
