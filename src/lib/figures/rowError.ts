/**
 * Figure data for "argmax error along a row" (chapter 1): the keypoint slides across the
 * crop at a fixed y; each position is encoded and decoded with argmax, and the error in
 * input pixels is recorded. The sawtooth has one tooth per heatmap cell.
 */
import { heatmapToImage, imageToHeatmap, strideOf, type Geometry } from '../coords.ts';
import { decodeMap } from '../decoders.ts';
import { encodeTarget, type TargetKind } from '../encode.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** The row (input pixels) and the target the sawtooth is drawn for. */
export interface RowErrorInput {
  /** The row, input pixels. */
  y: number;
  sigma: number;
  target: TargetKind;
  geometry?: Geometry;
  /** Spacing of the samples along x, input pixels. */
  step?: number;
}

/** Argmax's error at each position along the row, with the bounds to draw. */
export interface RowErrorData {
  stride: number;
  /** Keypoint x (input px) and argmax's Euclidean error (input px) at each sample. */
  samples: { x: number; error: number }[];
  /** λ/2: the largest error on one axis; λ/√2: the largest overall, inside the map. */
  halfStride: number;
  diagonal: number;
}

/** Encodes and decodes a keypoint at each position along the row. */
export function buildRowError({
  y,
  sigma,
  target,
  geometry = CROP_GEOMETRY,
  step = 0.25,
}: RowErrorInput): RowErrorData {
  const { heatmapW: w, heatmapH: h } = geometry;
  const buffer = new Float32Array(w * h);
  const samples: { x: number; error: number }[] = [];
  const n = Math.floor(geometry.inputW / step);
  for (let i = 0; i < n; i++) {
    const x = i * step;
    const map = encodeTarget(target, imageToHeatmap({ x, y }, geometry), w, h, sigma, buffer);
    const back = heatmapToImage(decodeMap('argmax', map), geometry);
    samples.push({ x, error: Math.hypot(back.x - x, back.y - y) });
  }
  const stride = strideOf(geometry);
  return { stride, samples, halfStride: stride / 2, diagonal: stride / Math.SQRT2 };
}
