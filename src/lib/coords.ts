/**
 * The three conventions that map input-image (crop) pixels to heatmap pixels (codec-spec §1).
 * Heatmap coordinates put pixel centres on integers: pixel (x, y) covers [x-0.5, x+0.5).
 */
import type { Point } from './stack.ts';

/** A named image↔heatmap convention. */
export type Convention = 'stride' | 'udp' | 'dsnt';

/** Input (crop) size and heatmap size, in pixels. */
export interface Geometry {
  inputW: number;
  inputH: number;
  heatmapW: number;
  heatmapH: number;
}

/** The stride λ = w / W of a geometry (4 for 256×192 → 64×48). */
export function strideOf(g: Geometry): number {
  return g.inputW / g.heatmapW;
}

/** Stride convention (MSRA, SimpleBaseline, DARK): x_hm = x_img / s. */
export function imageToHeatmap(p: Point, g: Geometry): Point {
  return { x: (p.x * g.heatmapW) / g.inputW, y: (p.y * g.heatmapH) / g.inputH };
}

/** Stride convention, back: x_img = s · x_hm ("resolution recovery"). */
export function heatmapToImage(p: Point, g: Geometry): Point {
  return { x: (p.x * g.inputW) / g.heatmapW, y: (p.y * g.inputH) / g.heatmapH };
}

/** UDP (Huang et al. CVPR 2020): x_hm = x_img (W-1)/(w-1), so the corner pixels coincide. */
export function imageToHeatmapUdp(p: Point, g: Geometry): Point {
  return { x: (p.x * (g.heatmapW - 1)) / (g.inputW - 1), y: (p.y * (g.heatmapH - 1)) / (g.inputH - 1) };
}

/** UDP, back: x_img = x_hm (w-1)/(W-1). */
export function heatmapToImageUdp(p: Point, g: Geometry): Point {
  return { x: (p.x * (g.inputW - 1)) / (g.heatmapW - 1), y: (p.y * (g.inputH - 1)) / (g.heatmapH - 1) };
}

/** DSNT normalised coordinate of pixel position `x` on a length-`n` axis: (2x + 1)/n - 1. */
export function toNormalized(x: number, n: number): number {
  return (2 * x + 1) / n - 1;
}

/** Pixel position of normalised coordinate `u` on a length-`n` axis: ((u + 1) n - 1)/2. */
export function fromNormalized(u: number, n: number): number {
  return ((u + 1) * n - 1) / 2;
}

/** A heatmap point in DSNT normalised units on a `w×h` map. */
export function heatmapToNormalized(p: Point, w: number, h: number): Point {
  return { x: toNormalized(p.x, w), y: toNormalized(p.y, h) };
}

/** A DSNT normalised point back in heatmap pixels on a `w×h` map. */
export function normalizedToHeatmap(p: Point, w: number, h: number): Point {
  return { x: fromNormalized(p.x, w), y: fromNormalized(p.y, h) };
}
