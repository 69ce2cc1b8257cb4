/**
 * Reading the BlazePose landmark model's raw outputs into the site's shapes: the heatmap tensor
 * `Identity_3` ([1, 64, 64, 39] logits, channels last) into a [K, H, W] stack (`stack.ts`), and
 * `Identity` ([1, 195]) into 39 landmarks in input pixels. MediaPipe applies a sigmoid to the
 * heatmap logits (RefineLandmarksFromHeatmapCalculator) and to the visibility and presence logits
 * (TensorsToLandmarksCalculator with `SIGMOID` activations); so does this module.
 */
import { createStack, mapOf, type Heatmap, type HeatmapStack } from '../stack.ts';
import {
  BLAZEPOSE_HEATMAP_SIZE,
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_LANDMARK_STRIDE,
  BLAZEPOSE_OUTPUTS,
} from './model.ts';

/** The logistic function 1 / (1 + e^(−z)): a logit to a probability in [0, 1]. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A new stack holding sigmoid(z) of every value of a stack of logits (same shape, float32). */
export function sigmoidStack(logits: HeatmapStack): HeatmapStack {
  const out = createStack(logits.k, logits.h, logits.w);
  for (let i = 0; i < logits.data.length; i++) out.data[i] = sigmoid(logits.data[i] as number);
  return out;
}

/** A new map holding sigmoid(z) of every value of a map of logits (same shape, float32). */
export function sigmoidMap(logits: Heatmap): Heatmap {
  const data = new Float32Array(logits.data.length);
  for (let i = 0; i < data.length; i++) data[i] = sigmoid(logits.data[i] as number);
  return { data, h: logits.h, w: logits.w };
}

/**
 * Transposes an [H, W, K] channels-last tensor (a leading batch of 1 adds nothing to the layout)
 * into the site's [K, H, W] stack: value (y, x, k) at `hwc[(y·w + x)·k + c]` goes to
 * `data[(c·h + y)·w + x]`.
 */
export function channelsLastToStack(hwc: ArrayLike<number>, h: number, w: number, k: number): HeatmapStack {
  if (hwc.length !== h * w * k) {
    throw new RangeError(`a channels-last tensor of ${h}×${w}×${k} has ${h * w * k} values, not ${hwc.length}`);
  }
  const stack = createStack(k, h, w);
  const size = h * w;
  for (let p = 0; p < size; p++) {
    const base = p * k;
    for (let c = 0; c < k; c++) stack.data[c * size + p] = hwc[base + c] as number;
  }
  return stack;
}

/** One landmark the model regresses: position in input pixels, visibility and presence as probabilities. */
export interface BlazePoseLandmark {
  /** Input pixels, 0–256 across the crop (MediaPipe divides by 256 to normalise). */
  x: number;
  /** Input pixels, 0–256 down the crop. */
  y: number;
  /** Depth, in the same scale as x (MediaPipe's convention); smaller is nearer the camera. */
  z: number;
  /** sigmoid of the visibility logit: the landmark is in the crop and not occluded. */
  visibility: number;
  /** sigmoid of the presence logit: the landmark is in the crop. */
  presence: number;
}

/** Reads `Identity` ([1, 195] float32) into 39 landmarks; visibility and presence go through the sigmoid. */
export function readLandmarks(values: ArrayLike<number>): BlazePoseLandmark[] {
  const expected = BLAZEPOSE_KEYPOINT_COUNT * BLAZEPOSE_LANDMARK_STRIDE;
  if (values.length !== expected) {
    throw new RangeError(`the landmark tensor has ${expected} values (39 × 5), not ${values.length}`);
  }
  return Array.from({ length: BLAZEPOSE_KEYPOINT_COUNT }, (_, i) => {
    const o = i * BLAZEPOSE_LANDMARK_STRIDE;
    return {
      x: values[o] as number,
      y: values[o + 1] as number,
      z: values[o + 2] as number,
      visibility: sigmoid(values[o + 3] as number),
      presence: sigmoid(values[o + 4] as number),
    };
  });
}

/** The model's raw outputs that the chapter reads, as flat float32 arrays (shapes in `BLAZEPOSE_OUTPUTS`). */
export interface BlazePoseRawOutputs {
  /** `Identity`, 195 values. */
  landmarks: Float32Array;
  /** `Identity_1`, 1 value. */
  poseFlag: Float32Array;
  /** `Identity_3`, 64·64·39 values, channels last. */
  heatmaps: Float32Array;
}

/**
 * What decoding needs of a result: the logits and the regressed landmarks. The shift test keeps
 * only this for each of its 33 crops (the sigmoid maps are recomputed per joint when decoded).
 */
export interface BlazePoseMaps {
  /** The heatmaps as logits, [39, 64, 64]. */
  logits: HeatmapStack;
  /** The 39 regressed landmarks, in input pixels. */
  landmarks: BlazePoseLandmark[];
  /** The pose flag: the probability that a person is in the crop. */
  poseScore: number;
}

/** The sigmoid map of joint `joint` of a result: from `heatmaps` when it has them, else from the logits. */
export function probabilityMap(result: BlazePoseMaps & { heatmaps?: HeatmapStack }, joint: number): Heatmap {
  return result.heatmaps ? mapOf(result.heatmaps, joint) : sigmoidMap(mapOf(result.logits, joint));
}

/** The model's answer for one crop, in the site's shapes. */
export interface BlazePoseResult extends BlazePoseMaps {
  /** sigmoid(logits), [39, 64, 64], values in (0, 1): the maps the decoders read. */
  heatmaps: HeatmapStack;
}

/** A result without its sigmoid maps (what {@link BlazePoseMaps} keeps): half its memory. */
export function withoutSigmoid(result: BlazePoseMaps): BlazePoseMaps {
  return { logits: result.logits, landmarks: result.landmarks, poseScore: result.poseScore };
}

/** Reads the raw outputs into a {@link BlazePoseResult}; throws a RangeError naming a tensor of the wrong size. */
export function readBlazePoseOutputs(raw: BlazePoseRawOutputs): BlazePoseResult {
  const side = BLAZEPOSE_HEATMAP_SIZE;
  if (raw.poseFlag.length !== 1) {
    throw new RangeError(`${BLAZEPOSE_OUTPUTS.poseFlag.name} has 1 value, not ${raw.poseFlag.length}`);
  }
  const logits = channelsLastToStack(raw.heatmaps, side, side, BLAZEPOSE_KEYPOINT_COUNT);
  return {
    logits,
    heatmaps: sigmoidStack(logits),
    landmarks: readLandmarks(raw.landmarks),
    poseScore: raw.poseFlag[0] as number,
  };
}
