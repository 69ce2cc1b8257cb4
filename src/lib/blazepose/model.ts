/**
 * BlazePose's landmark model as `@mediapipe/pose` ships it (`pose_landmark_lite.tflite`, also
 * `_full` and `_heavy`; Bazarevsky et al., "BlazePose: On-device Real-time Body Pose tracking",
 * 2020): its tensors, its keypoints and its geometry. Facts from MediaPipe's graphs
 * (google-ai-edge/mediapipe, `mediapipe/modules/pose_landmark/`), read, not copied.
 */
import type { Geometry } from '../coords.ts';

/** Side of the model's square input, in input pixels: `input_1` is [1, 256, 256, 3] float32 RGB in 0–1. */
export const BLAZEPOSE_INPUT_SIZE = 256;

/** Side of the heatmaps, in cells: `Identity_3` is [1, 64, 64, 39]. */
export const BLAZEPOSE_HEATMAP_SIZE = 64;

/** Input pixels per heatmap cell (256 / 64). */
export const BLAZEPOSE_STRIDE = BLAZEPOSE_INPUT_SIZE / BLAZEPOSE_HEATMAP_SIZE;

/**
 * The model's crop ↔ heatmap geometry in `coords.ts` terms. MediaPipe's stride convention: heatmap
 * cell c is input pixel 4c (RefineLandmarksFromHeatmapCalculator writes col / 64 as the normalised
 * coordinate, which the graph reads as col / 64 · 256 input pixels).
 */
export const BLAZEPOSE_GEOMETRY: Geometry = {
  inputW: BLAZEPOSE_INPUT_SIZE,
  inputH: BLAZEPOSE_INPUT_SIZE,
  heatmapW: BLAZEPOSE_HEATMAP_SIZE,
  heatmapH: BLAZEPOSE_HEATMAP_SIZE,
};

/** Landmarks the model regresses, and heatmaps it outputs: 33 pose landmarks and 6 auxiliary points. */
export const BLAZEPOSE_KEYPOINT_COUNT = 39;

/** The first 33 are the pose landmarks MediaPipe returns; the rest are auxiliary. */
export const BLAZEPOSE_POSE_LANDMARK_COUNT = 33;

/** Values per regressed landmark in `Identity`: x, y (input px), z, visibility logit, presence logit. */
export const BLAZEPOSE_LANDMARK_STRIDE = 5;

/**
 * The model's output tensors by name, with their shapes (MediaPipe's
 * `tensors_to_pose_landmarks_and_segmentation.pbtxt` lists them in this order).
 */
export const BLAZEPOSE_OUTPUTS = {
  /** [1, 195]: 39 × (x, y, z, visibility logit, presence logit), x and y in input pixels. */
  landmarks: { name: 'Identity', shape: [1, 195] },
  /** [1, 1]: the pose flag, a probability that a person is in the crop (MediaPipe thresholds it at 0.5). */
  poseFlag: { name: 'Identity_1', shape: [1, 1] },
  /** [1, 256, 256, 1]: person segmentation logits. */
  segmentation: { name: 'Identity_2', shape: [1, 256, 256, 1] },
  /** [1, 64, 64, 39]: the heatmaps, as logits, channels last. */
  heatmaps: { name: 'Identity_3', shape: [1, 64, 64, 39] },
  /** [1, 117]: 39 × (x, y, z) world landmarks in metres, origin between the hips. */
  worldLandmarks: { name: 'Identity_4', shape: [1, 117] },
} as const;

/** The input tensor's shape: one 256 × 256 RGB image, channels last. */
export const BLAZEPOSE_INPUT_SHAPE = [1, BLAZEPOSE_INPUT_SIZE, BLAZEPOSE_INPUT_SIZE, 3] as const;

/**
 * The 39 keypoints, in the model's order. 0–32 are MediaPipe's pose landmarks, named as its graphs
 * name them ("left" is the person's left). Of the 6 auxiliary points MediaPipe uses two, 33 and 34,
 * as the centre and the scale point of the next frame's crop (`pose_landmarks_to_roi.pbtxt`); the
 * paper describes them as the body's centre (between the hips) and a point whose distance gives the
 * body's size. MediaPipe leaves 35–38 unnamed and unused.
 */
export const BLAZEPOSE_KEYPOINT_NAMES: readonly string[] = [
  'nose',
  'left eye (inner)',
  'left eye',
  'left eye (outer)',
  'right eye (inner)',
  'right eye',
  'right eye (outer)',
  'left ear',
  'right ear',
  'mouth (left)',
  'mouth (right)',
  'left shoulder',
  'right shoulder',
  'left elbow',
  'right elbow',
  'left wrist',
  'right wrist',
  'left pinky',
  'right pinky',
  'left index',
  'right index',
  'left thumb',
  'right thumb',
  'left hip',
  'right hip',
  'left knee',
  'right knee',
  'left ankle',
  'right ankle',
  'left heel',
  'right heel',
  'left foot index',
  'right foot index',
  'body centre (auxiliary)',
  'body scale point (auxiliary)',
  'auxiliary 35',
  'auxiliary 36',
  'auxiliary 37',
  'auxiliary 38',
];

/** Index of the nose, the joint the chapter's shift test follows by default. */
export const BLAZEPOSE_NOSE = 0;

/** Index of the auxiliary body centre (MediaPipe's next crop is centred on it). */
export const BLAZEPOSE_BODY_CENTRE = 33;

/** Index of the auxiliary scale point (the next crop's side is 2.5 × its distance from the centre). */
export const BLAZEPOSE_BODY_SCALE = 34;

/** Whether keypoint `index` is one of the 6 auxiliary points rather than a pose landmark. */
export function isAuxiliaryKeypoint(index: number): boolean {
  return index >= BLAZEPOSE_POSE_LANDMARK_COUNT && index < BLAZEPOSE_KEYPOINT_COUNT;
}
