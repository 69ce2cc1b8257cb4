/**
 * Figure data for chapter 9's heatmaps (figure 9.2): BlazePose's 39 maps as small multiples, and one
 * joint's map large, as sigmoid probabilities or as the logits the model outputs, with every
 * decoder's point (`blazepose/decode.ts`), the regressed landmark, and a zoomed window around the
 * peak where DARK's kernel is drawn. Points are in heatmap cells; × 4 gives input pixels.
 */
import { heatmapToImage } from '../coords.ts';
import {
  BLAZEPOSE_DECODER_IDS,
  BLAZEPOSE_DECODER_LABELS,
  decodeJoint,
  isJointSeen,
  type BlazePoseDecodeOptions,
  type BlazePoseDecoderId,
  type BlazePoseJointDecode,
} from '../blazepose/decode.ts';
import { BLAZEPOSE_GEOMETRY, BLAZEPOSE_KEYPOINT_NAMES } from '../blazepose/model.ts';
import type { BlazePoseResult } from '../blazepose/outputs.ts';
import { distance, mapOf, mapWindow, type MapWindow, type Point } from '../stack.ts';

/** How the large map is coloured: the sigmoid (0 to 1) or the logits the model outputs (their own range). */
export type HeatmapScale = 'sigmoid' | 'logit';

/** Side of the zoomed window around the peak, cells (odd: the peak's cell is its centre). */
export const JOINT_ZOOM_SIZE = 13;

/** The 39 maps as small multiples: each sigmoid map (a view into the result), its peak, and its name. */
export interface HeatmapTiles {
  /** Joint k's sigmoid map, [64 × 64], row-major (shares the result's memory). */
  maps: Float32Array[];
  /** Each map's maximum. */
  peaks: number[];
  /** Each joint's visibility (sigmoid of its logit). */
  visibility: number[];
  /** Whether each joint is seen: peak and visibility ≥ 0.5 (`isJointSeen`). */
  seen: boolean[];
  names: readonly string[];
}

/** The small multiples of a result. */
export function heatmapTiles(result: BlazePoseResult): HeatmapTiles {
  const maps = Array.from({ length: result.heatmaps.k }, (_, k) => mapOf(result.heatmaps, k).data);
  const peaks = maps.map((m) => m.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY));
  const visibility = result.landmarks.map((l) => l.visibility);
  return {
    maps,
    peaks,
    visibility,
    seen: peaks.map((peak, k) => isJointSeen({ peak, visibility: visibility[k] ?? 0 })),
    names: BLAZEPOSE_KEYPOINT_NAMES,
  };
}

/** One decoder's answer for the joint, with its distance from the regressed landmark. */
export interface JointDecoderRow {
  id: BlazePoseDecoderId;
  label: string;
  /** Heatmap cells. */
  cell: Point;
  /** Input pixels (× 4). */
  input: Point;
  /** |point − regressed landmark|, input pixels. */
  gap: number;
}

/** What figure 9.2 draws for one joint. */
export interface JointViewData {
  joint: number;
  name: string;
  decode: BlazePoseJointDecode;
  rows: JointDecoderRow[];
  /** The regressed landmark, in cells and in input pixels. */
  regressed: { cell: Point; input: Point };
  visibility: number;
  seen: boolean;
  /** The map shown large, and the range its colours span. */
  map: { values: Float32Array; domain: [number, number] };
  /** The window around the peak, in the same scale, and the same colour range. */
  zoom: MapWindow;
  /** DARK's modulation kernel around the argmax: its top-left corner (cell edges) and side, in cells. */
  kernelBox: { x: number; y: number; size: number };
  /** How many of the map's cells have a negative logit (sigmoid below 0.5), and how many cells it has. */
  negativeLogits: number;
  cells: number;
  /** The logits' smallest and largest values. */
  logitRange: [number, number];
}

/** Options of {@link buildJointView}. */
export interface JointViewInput extends BlazePoseDecodeOptions {
  result: BlazePoseResult;
  joint: number;
  scale: HeatmapScale;
  /** DARK's kernel, cells (odd); default DarkPose's 11. */
  kernel?: number;
}

const range = (values: Float32Array): [number, number] => {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
};

/** Decodes one joint and lays out what figure 9.2 draws of it. */
export function buildJointView(input: JointViewInput): JointViewData {
  const { result, joint, scale } = input;
  const kernel = input.kernel ?? 11;
  const decode = decodeJoint(result, joint, { ...input, kernel });
  const toInput = (p: Point): Point => heatmapToImage(p, BLAZEPOSE_GEOMETRY);
  const regressedInput = toInput(decode.regressed);
  const rows = BLAZEPOSE_DECODER_IDS.flatMap((id): JointDecoderRow[] => {
    const cell = decode.points[id];
    if (!cell) return [];
    const at = toInput(cell);
    return [{ id, label: BLAZEPOSE_DECODER_LABELS[id], cell, input: at, gap: distance(at, regressedInput) }];
  });
  const logits = mapOf(result.logits, joint).data;
  const probabilities = mapOf(result.heatmaps, joint).data;
  const logitRange = range(logits);
  const values = scale === 'logit' ? logits : probabilities;
  const domain: [number, number] = scale === 'logit' ? logitRange : [0, 1];
  const argmax = decode.points.argmax ?? decode.regressed;
  const zoom = mapWindow({ data: values, w: result.logits.w, h: result.logits.h }, argmax, JOINT_ZOOM_SIZE);
  let negativeLogits = 0;
  for (const z of logits) if (z < 0) negativeLogits++;
  const visibility = result.landmarks[joint]?.visibility ?? 0;
  return {
    joint,
    name: decode.name,
    decode,
    rows,
    regressed: { cell: decode.regressed, input: regressedInput },
    visibility,
    seen: isJointSeen({ peak: decode.peak, visibility }),
    map: { values, domain },
    zoom,
    kernelBox: { x: argmax.x - (kernel - 1) / 2 - 0.5, y: argmax.y - (kernel - 1) / 2 - 0.5, size: kernel },
    negativeLogits,
    cells: logits.length,
    logitRange,
  };
}
