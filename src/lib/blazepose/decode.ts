/**
 * Every decoder of the site on BlazePose's maps, beside MediaPipe's own refinement and the regressed
 * landmark, for one joint or for all of them. Which map each reads:
 *
 * - argmax, both quarter shifts and DARK read the sigmoid of the logits (`BlazePoseResult.heatmaps`),
 *   as MediaPipe does before it uses them; argmax and the quarter shifts would give the same on the
 *   logits (a monotone map keeps maxima and signs), but DARK takes a logarithm: of a sigmoid it is
 *   ln p, of a logit it is undefined wherever the logit is negative;
 * - the soft-argmax reads the logits: softmax(β·z) with β = 1 weights each cell by its odds
 *   p / (1 − p), the model's own scale (softmax of the sigmoid would be nearly flat: every value is
 *   in (0, 1)); over the whole map, or over a 7 × 7 window around the maximum (`softWindow.ts`);
 * - MediaPipe's refinement reads the logits and the regressed landmark (`refine.ts`).
 *
 * Points are in heatmap cells; × 4 (`BLAZEPOSE_STRIDE`) gives input pixels (`coords.ts`,
 * `heatmapToImage` with `BLAZEPOSE_GEOMETRY`).
 */
import { heatmapToImage } from '../coords.ts';
import { decodeAll, decodeMap, type DecoderId } from '../decoders.ts';
import { DEFAULT_DARK_KERNEL } from '../dark.ts';
import { distance, mapOf, type Point } from '../stack.ts';
import { BLAZEPOSE_GEOMETRY, BLAZEPOSE_KEYPOINT_NAMES } from './model.ts';
import { probabilityMap, type BlazePoseMaps } from './outputs.ts';
import { refineLandmark, type RefineOptions } from './refine.ts';
import { softArgmaxWindow, SOFT_WINDOW_RADIUS } from './softWindow.ts';

/** The decoders chapter 9 compares: the site's single-map decoders and MediaPipe's refinement. */
export const BLAZEPOSE_DECODER_IDS = [
  'argmax',
  'quarter',
  'quarter2',
  'dark',
  'softargmax',
  'softwindow',
  'mediapipe',
] as const;

/** One of {@link BLAZEPOSE_DECODER_IDS}. */
export type BlazePoseDecoderId = (typeof BLAZEPOSE_DECODER_IDS)[number];

/** Legend names. */
export const BLAZEPOSE_DECODER_LABELS: Record<BlazePoseDecoderId, string> = {
  argmax: 'Argmax',
  quarter: 'Quarter shift (per axis)',
  quarter2: 'Quarter shift (second maximum)',
  dark: 'DARK',
  softargmax: 'Soft-argmax (whole map)',
  softwindow: `Soft-argmax (${2 * SOFT_WINDOW_RADIUS + 1} × ${2 * SOFT_WINDOW_RADIUS + 1} window)`,
  mediapipe: "MediaPipe's refinement",
};

/** Settings: DARK's kernel, the soft-argmax's β and window, MediaPipe's window and threshold. */
export interface BlazePoseDecodeOptions {
  /** DARK's modulation kernel (odd); default DarkPose's 11. */
  kernel?: number;
  /** Soft-argmax β on the logits (both variants); default 1. */
  beta?: number;
  /** The windowed soft-argmax's half-width, cells; default 3 (7 × 7). */
  window?: number;
  /** MediaPipe's refinement: kernel 7, threshold 0.5 by default. */
  refine?: RefineOptions;
  /** Which decoders to run; default all. */
  decoders?: readonly BlazePoseDecoderId[];
}

/** One joint, decoded: each decoder's point and the regressed landmark, in heatmap cells. */
export interface BlazePoseJointDecode {
  joint: number;
  name: string;
  /** Each requested decoder's point, heatmap cells. */
  points: Partial<Record<BlazePoseDecoderId, Point>>;
  /** The regressed landmark / 4, heatmap cells. */
  regressed: Point;
  /** The heatmap's maximum (sigmoid), the argmax score. */
  peak: number;
  /** Whether MediaPipe's refinement moved the landmark (false when skipped, or when the window's peak is below 0.5). */
  refined: boolean;
}

const HEATMAP_DECODERS: readonly DecoderId[] = ['argmax', 'quarter', 'quarter2', 'dark'];

/**
 * Decodes joint `joint` of a result with every requested decoder. A result without sigmoid maps
 * (`BlazePoseMaps`, as the shift test keeps them) has this joint's computed from its logits.
 */
export function decodeJoint(
  result: BlazePoseMaps,
  joint: number,
  options: BlazePoseDecodeOptions = {},
): BlazePoseJointDecode {
  const wanted = options.decoders ?? BLAZEPOSE_DECODER_IDS;
  const landmark = result.landmarks[joint];
  if (!landmark) throw new RangeError(`joint ${joint} is outside 0..${result.landmarks.length - 1}`);
  const probabilities = probabilityMap(result, joint);
  const logits = mapOf(result.logits, joint);
  const ids = HEATMAP_DECODERS.filter((id) => wanted.includes(id as BlazePoseDecoderId));
  const decoded = decodeAll(['argmax', ...ids], probabilities, { kernel: options.kernel ?? DEFAULT_DARK_KERNEL });
  const points: Partial<Record<BlazePoseDecoderId, Point>> = {};
  for (const id of ids) {
    const p = decoded[id];
    if (p) points[id as BlazePoseDecoderId] = { x: p.x, y: p.y };
  }
  if (wanted.includes('softargmax')) {
    const p = decodeMap('softargmax', logits, { beta: options.beta ?? 1 });
    points.softargmax = { x: p.x, y: p.y };
  }
  if (wanted.includes('softwindow')) {
    const p = softArgmaxWindow(logits, { radius: options.window ?? SOFT_WINDOW_RADIUS, beta: options.beta ?? 1 });
    points.softwindow = { x: p.x, y: p.y };
  }
  const refinedLandmark = refineLandmark(logits, landmark, options.refine);
  if (wanted.includes('mediapipe')) points.mediapipe = { x: refinedLandmark.x, y: refinedLandmark.y };
  const regressed = {
    x: (landmark.x * BLAZEPOSE_GEOMETRY.heatmapW) / BLAZEPOSE_GEOMETRY.inputW,
    y: (landmark.y * BLAZEPOSE_GEOMETRY.heatmapH) / BLAZEPOSE_GEOMETRY.inputH,
  };
  return {
    joint,
    name: BLAZEPOSE_KEYPOINT_NAMES[joint] ?? `keypoint ${joint}`,
    points,
    regressed,
    peak: decoded.argmax?.score ?? 0,
    refined: refinedLandmark.refined,
  };
}

/** One joint's "heatmap versus regression": how far each decoder lands from the regressed landmark. */
export interface RegressionGap {
  joint: number;
  name: string;
  /** |decoder point − regressed landmark| per decoder, in input pixels. */
  distances: Partial<Record<BlazePoseDecoderId, number>>;
  /** The heatmap's peak (sigmoid) and the landmark's visibility: low values flag occluded joints. */
  peak: number;
  visibility: number;
}

/** Every joint's {@link RegressionGap}, in the model's order. */
export function regressionGaps(result: BlazePoseMaps, options: BlazePoseDecodeOptions = {}): RegressionGap[] {
  return result.landmarks.map((landmark, joint) => {
    const decoded = decodeJoint(result, joint, options);
    const regressed = { x: landmark.x, y: landmark.y };
    const distances: Partial<Record<BlazePoseDecoderId, number>> = {};
    for (const [id, p] of Object.entries(decoded.points) as [BlazePoseDecoderId, Point][]) {
      distances[id] = distance(heatmapToImage(p, BLAZEPOSE_GEOMETRY), regressed);
    }
    return { joint, name: decoded.name, distances, peak: decoded.peak, visibility: landmark.visibility };
  });
}

/** The joint where `decoder` lands farthest from the regression (among `joints`, default all), or null. */
export function largestGap(
  gaps: readonly RegressionGap[],
  decoder: BlazePoseDecoderId,
  joints?: readonly number[],
): RegressionGap | null {
  let best: RegressionGap | null = null;
  for (const gap of gaps) {
    if (joints && !joints.includes(gap.joint)) continue;
    const d = gap.distances[decoder];
    if (d === undefined) continue;
    if (!best || d > (best.distances[decoder] ?? -Infinity)) best = gap;
  }
  return best;
}

/**
 * The threshold below which the chapter treats a joint as not seen: MediaPipe's own 0.5, both for the
 * heatmap's peak (RefineLandmarksFromHeatmapCalculator's min_confidence_to_refine, `refine.ts`) and
 * for the visibility (`_VISIBILITY_THRESHOLD` of its drawing utilities, below which it draws no point).
 */
export const BLAZEPOSE_SEEN_THRESHOLD = 0.5;

/** Whether a joint is seen: its heatmap peaks at ≥ 0.5 and its visibility is ≥ 0.5 ({@link BLAZEPOSE_SEEN_THRESHOLD}). */
export function isJointSeen(joint: { peak: number; visibility: number }): boolean {
  return joint.peak >= BLAZEPOSE_SEEN_THRESHOLD && joint.visibility >= BLAZEPOSE_SEEN_THRESHOLD;
}
