/**
 * MediaPipe's own use of BlazePose's heatmaps: RefineLandmarksFromHeatmapCalculator
 * (google-ai-edge/mediapipe, `mediapipe/calculators/util/refine_landmarks_from_heatmap_calculator.cc`,
 * options in its `.proto`; the pose graph `tensors_to_pose_landmarks_and_segmentation.pbtxt` sets
 * kernel_size 7 and keeps min_confidence_to_refine at its default 0.5). Read, not copied. For each
 * landmark it:
 *
 * 1. takes the cell under the *regressed* landmark: col = int(x_norm · W), row = int(y_norm · H),
 *    where x_norm = x / 256 (C++'s int() truncates toward zero, so −0.5 < x_norm·W < 0 gives 0);
 *    it skips the landmark when col < 0, col ≥ W or row < 0 — up to July 2023 (fixed in commit
 *    9861b3c) the source tested `col ≥ H` where it meant `row ≥ H`, so a row past the bottom is not
 *    skipped and its window is clipped (or empty). This module reproduces that version, the one in
 *    the `@mediapipe/pose` package (0.5.1675469404, February 2023) whose model the site runs;
 * 2. over the kernel × kernel window around that cell, clipped to the map, sums the confidences
 *    c = sigmoid(logit), and c·col, c·row, and keeps the largest c (all in float32);
 * 3. if that largest c ≥ min_confidence_to_refine and the sum > 0, the landmark becomes the
 *    confidence-weighted mean cell (Σc·col / Σc, Σc·row / Σc), i.e. input pixel 4 × that (its
 *    x_norm = mean col / W); otherwise it keeps the regressed position.
 *
 * Results here are in heatmap cells, like every decoder of the site (`decoders.ts`).
 */
import type { Heatmap, HeatmapStack, Point } from '../stack.ts';
import { mapOf } from '../stack.ts';
import { BLAZEPOSE_INPUT_SIZE } from './model.ts';

/** MediaPipe's pose graph's kernel_size (`tensors_to_pose_landmarks_and_segmentation.pbtxt`). */
export const MEDIAPIPE_REFINE_KERNEL = 7;

/** The calculator's default min_confidence_to_refine (the pose graph keeps it). */
export const MEDIAPIPE_MIN_CONFIDENCE = 0.5;

/** Options of {@link refineLandmark}: MediaPipe's by default. */
export interface RefineOptions {
  /** Window side in cells (odd in practice; the half-width is ⌊(k − 1)/2⌋). */
  kernel?: number;
  /** The window's largest sigmoid must reach this for the landmark to move. */
  minConfidence?: number;
  /** Side of the model's input in pixels (x_norm = x / inputSize). */
  inputSize?: number;
}

/** One landmark after MediaPipe's refinement. */
export interface RefinedLandmark {
  /** The refined position (or the regressed one, when not refined), in heatmap cells. */
  x: number;
  y: number;
  /** Whether the heatmap moved it (max confidence ≥ the threshold and a non-empty window). */
  refined: boolean;
  /** The largest sigmoid in the window (0 when the landmark was skipped or the window empty). */
  maxConfidence: number;
  /** The window's cell under the regressed landmark, (col, row); null when MediaPipe skips it. */
  centre: Point | null;
}

const f32 = Math.fround;

/** float32 sigmoid, as the calculator's `1.0f / (1.0f + std::exp(-value))`. */
function sigmoid32(z: number): number {
  return f32(1 / f32(1 + f32(Math.exp(-z))));
}

/**
 * Refines one regressed landmark (input pixels) with the map of its heatmap logits, as MediaPipe does.
 * `logits` is one map of the model's `Identity_3` as logits (this function applies the sigmoid).
 */
export function refineLandmark(logits: Heatmap, landmark: Point, options: RefineOptions = {}): RefinedLandmark {
  const kernel = options.kernel ?? MEDIAPIPE_REFINE_KERNEL;
  const minConfidence = options.minConfidence ?? MEDIAPIPE_MIN_CONFIDENCE;
  const inputSize = options.inputSize ?? BLAZEPOSE_INPUT_SIZE;
  const { w, h, data } = logits;
  const unrefined = { x: (landmark.x / inputSize) * w, y: (landmark.y / inputSize) * h };
  // + 0 turns the −0 that truncating (−1, 0) gives into 0.
  const col = Math.trunc(f32(f32(landmark.x / inputSize) * w)) + 0;
  const row = Math.trunc(f32(f32(landmark.y / inputSize) * h)) + 0;
  // MediaPipe's bounds test as the shipped version wrote it (its last clause compares the column with the height).
  if (!Number.isFinite(col) || !Number.isFinite(row) || col < 0 || col >= w || row < 0 || col >= h) {
    return { ...unrefined, refined: false, maxConfidence: 0, centre: null };
  }
  const offset = Math.trunc((kernel - 1) / 2);
  const beginCol = Math.max(0, col - offset);
  const endCol = Math.min(w, col + offset + 1);
  const beginRow = Math.max(0, row - offset);
  const endRow = Math.min(h, row + offset + 1);
  let sum = 0;
  let weightedCol = 0;
  let weightedRow = 0;
  let max = 0;
  for (let r = beginRow; r < endRow; r++) {
    for (let c = beginCol; c < endCol; c++) {
      const confidence = sigmoid32(data[r * w + c] as number);
      sum = f32(sum + confidence);
      max = Math.max(max, confidence);
      weightedCol = f32(weightedCol + f32(c * confidence));
      weightedRow = f32(weightedRow + f32(r * confidence));
    }
  }
  if (max >= minConfidence && sum > 0) {
    return {
      x: f32(weightedCol / sum),
      y: f32(weightedRow / sum),
      refined: true,
      maxConfidence: max,
      centre: { x: col, y: row },
    };
  }
  return { ...unrefined, refined: false, maxConfidence: max, centre: { x: col, y: row } };
}

/** {@link refineLandmark} for every map of a stack of logits and its landmarks (input pixels), in order. */
export function refineLandmarks(
  logits: HeatmapStack,
  landmarks: readonly Point[],
  options: RefineOptions = {},
): RefinedLandmark[] {
  if (landmarks.length !== logits.k) {
    throw new RangeError(`${landmarks.length} landmarks for ${logits.k} heatmaps: MediaPipe expects one per map`);
  }
  return landmarks.map((p, k) => refineLandmark(mapOf(logits, k), p, options));
}
