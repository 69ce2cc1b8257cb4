/**
 * Figure data for "where does a keypoint land on the heatmap grid" (chapter 1): a keypoint
 * on the input crop, its heatmap position under the stride convention, the cell it falls
 * in, the encoded target, and what argmax would hand back.
 */
import { argmaxMap } from '../argmax.ts';
import { heatmapToImage, imageToHeatmap, strideOf, type Geometry } from '../coords.ts';
import { biasedCentre, encodeTarget, type TargetKind } from '../encode.ts';
import { windowAround, type DecodedPoint, type Point } from '../stack.ts';

/** The setting of chapters 1 and 2: a 256×192 crop (w 192, h 256) and a 64×48 heatmap. */
export const CROP_GEOMETRY: Geometry = { inputW: 192, inputH: 256, heatmapW: 48, heatmapH: 64 };

/** Cells on each side of the argmax cell in the figure's close-up of the target. */
export const CLOSE_UP_RADIUS = 2;

/** The keypoint (input pixels), its target and the geometry. */
export interface PixelGridInput {
  /** The keypoint in input pixels. */
  keypoint: Point;
  sigma: number;
  target: TargetKind;
  geometry?: Geometry;
}

/** Where the keypoint lands on the heatmap and what argmax hands back, in both frames. */
export interface PixelGridData {
  geometry: Geometry;
  stride: number;
  keypoint: Point;
  /** μ = keypoint / stride, heatmap pixels. */
  heatmap: Point;
  /**
   * The heatmap cell whose square [x-0.5, x+0.5) holds μ, clamped to the map: under the
   * stride convention the last input pixels of an axis (254, 255 of 256) map past the last
   * cell's square, one of the misalignments UDP removes.
   */
  cell: Point;
  /** The encoded target, H×W row-major. */
  target: Float32Array;
  /**
   * Where the target's Gaussian is centred, heatmap pixels: the rounded cell centre for a
   * biased target, μ itself for an unbiased one.
   */
  targetCentre: Point;
  /**
   * ‖targetCentre − μ‖ in input pixels: what even a perfect decoder of this target misses
   * (the quantisation of encoding; 0 for an unbiased target).
   */
  encodingError: number;
  /** The target's (2r+1)² cells around the argmax cell, r = CLOSE_UP_RADIUS. */
  closeUp: { values: Float32Array; origin: Point; size: number };
  /** Argmax of the target, heatmap pixels, and mapped back to input pixels. */
  decoded: DecodedPoint;
  decodedInput: Point;
  /** ‖decodedInput − keypoint‖ in input pixels. */
  error: number;
  /**
   * The worst case of argmax on this grid, half a cell diagonally: λ/√2 input px. It holds
   * where μ lies on the map's cells; in the last half cell of an axis (input x > λ(W - 0.5))
   * the error grows to nearly λ on that axis.
   */
  errorBound: number;
}

function clampToMap(p: Point, g: Geometry): Point {
  return { x: Math.min(g.heatmapW - 1, Math.max(0, p.x)), y: Math.min(g.heatmapH - 1, Math.max(0, p.y)) };
}

/** Builds the figure's data; `out` is reused for the target when given (drag events). */
export function buildPixelGrid(
  { keypoint, sigma, target, geometry = CROP_GEOMETRY }: PixelGridInput,
  out?: Float32Array,
): PixelGridData {
  const stride = strideOf(geometry);
  const heatmap = imageToHeatmap(keypoint, geometry);
  const encoded = encodeTarget(target, heatmap, geometry.heatmapW, geometry.heatmapH, sigma, out);
  const decoded = argmaxMap(encoded);
  const decodedInput = heatmapToImage(decoded, geometry);
  const targetCentre = target === 'biased' ? biasedCentre(heatmap) : heatmap;
  return {
    geometry,
    stride,
    keypoint,
    heatmap,
    cell: clampToMap(biasedCentre(heatmap), geometry),
    target: encoded.data,
    targetCentre,
    encodingError: stride * Math.hypot(targetCentre.x - heatmap.x, targetCentre.y - heatmap.y),
    closeUp: windowAround(encoded, decoded, CLOSE_UP_RADIUS),
    decoded,
    decodedInput,
    error: Math.hypot(decodedInput.x - keypoint.x, decodedInput.y - keypoint.y),
    errorBound: stride / Math.SQRT2,
  };
}
