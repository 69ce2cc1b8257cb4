/**
 * Figure data for "Where is a pixel?" (chapter 10, figure 10.1): the input pixel grid and the
 * heatmap grid over the same crop under the two input mappings of `mapping.ts` (Huang et
 * al., "The Devil is in the Details", CVPR 2020), and the systematic error a keypoint carries
 * when its map was encoded under one mapping and is decoded under the other.
 *
 * Coordinates are input pixels with pixel centres on integers: the crop covers
 * [-0.5, w - 0.5) × [-0.5, h - 0.5). Heatmap cell c is centred at c·s under a mapping of
 * scale s (`mappingScale`) and covers [(c - ½)s, (c + ½)s).
 *
 * The mismatch is the mapping's alone: the map is taken to peak exactly where its encoder put
 * the keypoint (a perfect decoder), so what remains is x·(s_dec/s_enc - 1) on each axis:
 * zero at the top-left pixel and about λ - 1 pixels at the far edge, whatever the crop's size.
 */
import { strideOf, type Geometry } from '../coords.ts';
import { geometryOfStride, heatmapToInput, inputToHeatmap, mappingScale, type InputMapping } from '../mapping.ts';
import type { Point } from '../stack.ts';
import { UDP_FIGURE } from './toolkitFigures.ts';

/** The geometry of the figure's crop at a stride (its heatmap is w/λ × h/λ cells). */
export function udpFigureGeometry(stride: number): Geometry {
  const { inputW, inputH } = UDP_FIGURE;
  if (!Number.isInteger(inputW / stride) || !Number.isInteger(inputH / stride)) {
    throw new RangeError(`a ${inputW} × ${inputH} crop does not divide into cells of stride ${stride}`);
  }
  return geometryOfStride(inputW / stride, inputH / stride, stride);
}

/**
 * How far the heatmap grid's centre sits from the image's centre along x and y, input px:
 * under the stride mapping cell c is at λc, so the grid's centre λ(W-1)/2 = (w - λ)/2 lies
 * (λ - 1)/2 left of the image's (w - 1)/2; UDP's grid is centred (0).
 */
export function gridOffset(g: Geometry, mapping: InputMapping): Point {
  const s = mappingScale(g, mapping);
  return {
    x: (s.x * (g.heatmapW - 1)) / 2 - (g.inputW - 1) / 2,
    y: (s.y * (g.heatmapH - 1)) / 2 - (g.inputH - 1) / 2,
  };
}

/**
 * Where a keypoint at input point `p` comes back when its map was encoded under `encoder`
 * (peak at `inputToHeatmap(p, encoder)`) and decoded exactly under `decoder`, input px.
 */
export function mismatchDecoded(p: Point, g: Geometry, encoder: InputMapping, decoder: InputMapping): Point {
  return heatmapToInput(inputToHeatmap(p, g, encoder), g, decoder);
}

/** One mapping's heatmap grid on the crop, input px. */
export interface MappingGrid {
  mapping: InputMapping;
  /** Input pixels per cell, w/W or (w-1)/(W-1) on each axis. */
  scale: Point;
  /** Cell centres along x and along y, input px. */
  centresX: number[];
  centresY: number[];
  /** The grid's outer edges: the first cell's left/top and the last cell's right/bottom edge. */
  extent: { x0: number; x1: number; y0: number; y1: number };
  /** The grid's centre minus the image's centre (`gridOffset`). */
  offset: Point;
  /** The keypoint on this mapping's heatmap, cells, and the cell that holds it. */
  heatmap: Point;
  cell: Point;
}

/** A map encoded under one mapping and decoded under the other. */
export interface Mismatch {
  encoder: InputMapping;
  decoder: InputMapping;
  /** Where the keypoint comes back, and decoded minus true on each axis, input px. */
  decoded: Point;
  error: Point;
  distance: number;
}

/** One point of the error along a row: x, and each mismatch's signed x error, input px. */
export interface MismatchProfilePoint {
  x: number;
  strideToUdp: number;
  udpToStride: number;
}

/** Everything figure 10.1 draws. */
export interface UdpGridData {
  geometry: Geometry;
  stride: number;
  keypoint: Point;
  grids: Record<InputMapping, MappingGrid>;
  /** Encoded with the stride mapping and decoded with UDP's, and the other way round. */
  strideToUdp: Mismatch;
  udpToStride: Mismatch;
  /** The x error of both mismatches at every input pixel centre of a row, 0..w-1. */
  profile: MismatchProfilePoint[];
  /** The stride-to-UDP error at the far corner (w-1, h-1), input px. */
  farCorner: Point;
}

function grid(p: Point, g: Geometry, mapping: InputMapping): MappingGrid {
  const scale = mappingScale(g, mapping);
  const heatmap = inputToHeatmap(p, g, mapping);
  return {
    mapping,
    scale,
    centresX: Array.from({ length: g.heatmapW }, (_, c) => c * scale.x),
    centresY: Array.from({ length: g.heatmapH }, (_, c) => c * scale.y),
    extent: {
      x0: -scale.x / 2,
      x1: (g.heatmapW - 0.5) * scale.x,
      y0: -scale.y / 2,
      y1: (g.heatmapH - 0.5) * scale.y,
    },
    offset: gridOffset(g, mapping),
    heatmap,
    cell: { x: Math.round(heatmap.x), y: Math.round(heatmap.y) },
  };
}

function mismatch(p: Point, g: Geometry, encoder: InputMapping, decoder: InputMapping): Mismatch {
  const decoded = mismatchDecoded(p, g, encoder, decoder);
  const error = { x: decoded.x - p.x, y: decoded.y - p.y };
  return { encoder, decoder, decoded, error, distance: Math.hypot(error.x, error.y) };
}

/** Figure 10.1 for a keypoint (input px on the 32 × 24 crop) at a stride of 2, 4 or 8. */
export function buildUdpGrid({ keypoint, stride }: { keypoint: Point; stride: number }): UdpGridData {
  const g = udpFigureGeometry(stride);
  const corner = { x: g.inputW - 1, y: g.inputH - 1 };
  const far = mismatch(corner, g, 'stride', 'udp');
  return {
    geometry: g,
    stride: strideOf(g),
    keypoint,
    grids: { stride: grid(keypoint, g, 'stride'), udp: grid(keypoint, g, 'udp') },
    strideToUdp: mismatch(keypoint, g, 'stride', 'udp'),
    udpToStride: mismatch(keypoint, g, 'udp', 'stride'),
    profile: Array.from({ length: g.inputW }, (_, x) => ({
      x,
      strideToUdp: mismatch({ x, y: 0 }, g, 'stride', 'udp').error.x,
      udpToStride: mismatch({ x, y: 0 }, g, 'udp', 'stride').error.x,
    })),
    farCorner: far.error,
  };
}
