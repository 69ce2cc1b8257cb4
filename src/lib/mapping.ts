/**
 * Mapping decoded heatmap points back to the input crop and to the image, under the two
 * conventions top-down pose toolkits use (Huang et al., "The Devil is in the Details", CVPR
 * 2020, for UDP; codec-spec §1):
 *
 * - `stride` (MSRA, SimpleBaseline, HRNet, DARK; MMPose's `MSRAHeatmap` and `MegviiHeatmap`):
 *   x_in = x_hm · w/W, the stride λ = w/W.
 * - `udp` (MMPose's `UDPHeatmap`): x_in = x_hm · (w-1)/(W-1), so the first and last pixel
 *   centres of both grids coincide.
 *
 * w, h are the input (crop) size and W, H the heatmap size, in pixels. The stride convention
 * puts the heatmap grid (λ-1)/2 input pixels off the image grid; a flip test shows it as a
 * bias of 1 - 1/λ heatmap cells ({@link flippedBackBias}).
 */
import type { Geometry } from './coords.ts';
import type { Point } from './stack.ts';

/** The two input mappings. */
export const INPUT_MAPPINGS = ['stride', 'udp'] as const;
/** How heatmap pixels map to input pixels: `stride` (x·w/W) or `udp` (x·(w-1)/(W-1)). */
export type InputMapping = (typeof INPUT_MAPPINGS)[number];

/** Human-readable names of the mappings. */
export const INPUT_MAPPING_LABELS: Record<InputMapping, string> = {
  stride: 'Stride (x_in = x_hm · w/W)',
  udp: 'UDP (x_in = x_hm · (w−1)/(W−1))',
};

/** Whether a value names an input mapping. */
export function isInputMapping(value: unknown): value is InputMapping {
  return value === 'stride' || value === 'udp';
}

/** Input pixels per heatmap pixel along each axis under a mapping: w/W or (w-1)/(W-1). */
export function mappingScale(g: Geometry, mapping: InputMapping): Point {
  return mapping === 'stride'
    ? { x: g.inputW / g.heatmapW, y: g.inputH / g.heatmapH }
    : { x: (g.inputW - 1) / (g.heatmapW - 1), y: (g.inputH - 1) / (g.heatmapH - 1) };
}

/** A heatmap point in input pixels under a mapping. */
export function heatmapToInput(p: Point, g: Geometry, mapping: InputMapping): Point {
  const s = mappingScale(g, mapping);
  return { x: p.x * s.x, y: p.y * s.y };
}

/** An input point in heatmap pixels under a mapping. */
export function inputToHeatmap(p: Point, g: Geometry, mapping: InputMapping): Point {
  const s = mappingScale(g, mapping);
  return { x: p.x / s.x, y: p.y / s.y };
}

/** The geometry of a heatmap of W × H cells for an input `stride` times larger (w = λW). */
export function geometryOfStride(heatmapW: number, heatmapH: number, stride: number): Geometry {
  return { inputW: heatmapW * stride, inputH: heatmapH * stride, heatmapW, heatmapH };
}

/** The MMPose heatmap codecs whose `decode` scales heatmap points. */
export type MmposeHeatmapCodec = 'MSRAHeatmap' | 'MegviiHeatmap' | 'UDPHeatmap';

/**
 * The factor each MMPose codec's `decode` multiplies heatmap points by: `scale_factor` =
 * input_size/heatmap_size for MSRAHeatmap and MegviiHeatmap, and input_size/(heatmap_size - 1)
 * for UDPHeatmap (`keypoints / [W - 1, H - 1] * input_size`). The UDP factor is not the
 * input-pixel mapping (w-1)/(W-1): MMPose's top-down model then divides by input_size and
 * multiplies by the box size, which makes the whole chain x_img = x_hm · s/(W-1) + c - s/2,
 * UDP's mapping end to end (see {@link inputToImage}).
 */
export function mmposeDecodeScale(codec: MmposeHeatmapCodec, g: Geometry): Point {
  if (codec === 'UDPHeatmap') return { x: g.inputW / (g.heatmapW - 1), y: g.inputH / (g.heatmapH - 1) };
  // float32, as the codecs store `scale_factor`.
  return { x: Math.fround(g.inputW / g.heatmapW), y: Math.fround(g.inputH / g.heatmapH) };
}

/**
 * Where a horizontally flipped image's map, flipped back, puts a keypoint relative to the
 * original map, in heatmap cells along x (worked in conventions.md): the stride convention
 * flips input pixel x to w - 1 - x, whose heatmap position (w - 1 - x)/λ flipped back
 * (W - 1 - ·) is x/λ - (1 - 1/λ): a bias of -(1 - 1/λ) = -(1 - W/w) cells (-0.75 at λ = 4).
 * UDP's (W-1)/(w-1) mapping flips back exactly: 0.
 */
export function flippedBackBias(g: Geometry, mapping: InputMapping): number {
  return mapping === 'stride' ? -(1 - g.heatmapW / g.inputW) : 0;
}

/** A crop of the image: its centre and size in image pixels (MMPose's bbox_center, bbox_scale). */
export interface Crop {
  center: Point;
  scale: Point;
}

/**
 * MMPose's top-down crop of a COCO box [x, y, w, h] for an input of `inputW × inputH`: centre
 * of the box, size × `padding` (1.25 in MMPose's configs, `GetBBoxCenterScale`), then widened
 * or heightened to the input's aspect ratio (`TopdownAffine`'s `_fix_aspect_ratio`).
 */
export function mmposeCrop(
  bbox: readonly [number, number, number, number],
  inputW: number,
  inputH: number,
  padding = 1.25,
): Crop {
  const [x, y, w, h] = bbox;
  const center = { x: x + w / 2, y: y + h / 2 };
  const sw = w * padding;
  const sh = h * padding;
  const aspect = inputW / inputH;
  const scale = sw > sh * aspect ? { x: sw, y: sw / aspect } : { x: sh * aspect, y: sh };
  return { center, scale };
}

/**
 * An input-crop point in image pixels. Stride: x_img = x_in · s/w + c - s/2 (MMPose's
 * `TopdownPoseEstimator`, keypoints / input_size · scale + centre - scale/2). UDP: the crop is
 * warped with (w-1)/s (`get_udp_warp_matrix`), so x_img = x_in · s/(w-1) + c - s/2.
 */
export function inputToImage(p: Point, crop: Crop, inputW: number, inputH: number, mapping: InputMapping): Point {
  const dw = mapping === 'stride' ? inputW : inputW - 1;
  const dh = mapping === 'stride' ? inputH : inputH - 1;
  return {
    x: (p.x * crop.scale.x) / dw + crop.center.x - crop.scale.x / 2,
    y: (p.y * crop.scale.y) / dh + crop.center.y - crop.scale.y / 2,
  };
}

/** An image point in input-crop pixels: the inverse of {@link inputToImage}. */
export function imageToInput(p: Point, crop: Crop, inputW: number, inputH: number, mapping: InputMapping): Point {
  const dw = mapping === 'stride' ? inputW : inputW - 1;
  const dh = mapping === 'stride' ? inputH : inputH - 1;
  return {
    x: ((p.x - crop.center.x + crop.scale.x / 2) * dw) / crop.scale.x,
    y: ((p.y - crop.center.y + crop.scale.y / 2) * dh) / crop.scale.y,
  };
}
