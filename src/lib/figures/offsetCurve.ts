/**
 * Figure data for "error against the sub-pixel offset" (chapter 2): the keypoint slides
 * across the heatmap cell that holds it, along x, at its own sub-pixel y; each decoder's
 * error is recorded, and the reader's own position is marked.
 */
import { imageToHeatmap, strideOf, type Geometry } from '../coords.ts';
import { decodeMap, type DecoderId } from '../decoders.ts';
import { biasedCentre, encodeTarget, type TargetKind } from '../encode.ts';
import { runOffsetSweep } from '../experiments.ts';
import type { Point } from '../stack.ts';
import { CROP_GEOMETRY } from './pixelGrid.ts';

/** The decoders the offset curve compares. */
export const OFFSET_DECODERS: readonly DecoderId[] = ['argmax', 'quarter', 'dark'];

/** The keypoint (input pixels) and its target, as the chapter's state holds them. */
export interface OffsetCurveInput {
  keypoint: Point;
  sigma: number;
  target: TargetKind;
  geometry?: Geometry;
  steps?: number;
  decoders?: readonly DecoderId[];
}

/** Each decoder's error across the keypoint's cell, and at the keypoint itself. */
export interface OffsetCurveData {
  stride: number;
  /** One row per sample and decoder: offset from the cell centre (input px) and error (input px). */
  series: { decoder: DecoderId; offset: number; error: number }[];
  /** The reader's keypoint: its offset along x (input px) and each decoder's error there. */
  current: { offset: number; errors: Record<string, number> };
  /** The row's vertical offset from the cell centre, input px (it lifts every curve). */
  rowOffset: number;
}

/** Sweeps the keypoint across the cell that holds it, along x, at its own sub-pixel y. */
export function buildOffsetCurve({
  keypoint,
  sigma,
  target,
  geometry = CROP_GEOMETRY,
  steps = 64,
  decoders = OFFSET_DECODERS,
}: OffsetCurveInput): OffsetCurveData {
  const stride = strideOf(geometry);
  const mu = imageToHeatmap(keypoint, geometry);
  // The cell holding μ, kept two cells inside the map so that every decoder works unclipped.
  const clampCell = (v: number, n: number): number => Math.min(n - 3, Math.max(2, v));
  const c = biasedCentre(mu);
  const cell = { x: clampCell(c.x, geometry.heatmapW), y: clampCell(c.y, geometry.heatmapH) };
  const rowOffset = mu.y - cell.y;
  const samples = runOffsetSweep({
    heatmapW: geometry.heatmapW,
    heatmapH: geometry.heatmapH,
    stride,
    sigma,
    target,
    cell,
    steps,
    mode: 'x',
    fixed: rowOffset,
    decoders,
  });
  const series = samples.flatMap((s) =>
    decoders.map((decoder) => ({ decoder, offset: s.dx * stride, error: s.errors[decoder] as number })),
  );
  const map = encodeTarget(target, mu, geometry.heatmapW, geometry.heatmapH, sigma);
  const errors: Record<string, number> = {};
  for (const id of decoders) {
    const p = decodeMap(id, map);
    errors[id] = stride * Math.hypot(p.x - mu.x, p.y - mu.y);
  }
  return { stride, series, current: { offset: (mu.x - cell.x) * stride, errors }, rowOffset: rowOffset * stride };
}
