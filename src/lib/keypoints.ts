/**
 * The COCO-17 person keypoints as data: names in the order COCO's annotations list them
 * (`categories[0].keypoints` of person_keypoints_*.json), the left/right flip pairs MMPose's
 * coco.py dataset metainfo gives, the skeleton of COCO's annotations, and the per-keypoint
 * OKS constants σ of pycocotools' `Params.kpt_oks_sigmas` (COCO's κ_i = 2σ_i).
 */

/** COCO's 17 keypoint names, in annotation order (index = channel of a COCO model's output). */
export const COCO17_KEYPOINTS = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;

/** Left/right pairs of COCO-17 (0-based), swapped by a horizontal flip. */
export const COCO17_FLIP_PAIRS: readonly (readonly [number, number])[] = [
  [1, 2],
  [3, 4],
  [5, 6],
  [7, 8],
  [9, 10],
  [11, 12],
  [13, 14],
  [15, 16],
];

/** COCO-17's skeleton, 0-based (COCO's annotation file lists it 1-based). */
export const COCO17_SKELETON: readonly (readonly [number, number])[] = [
  [15, 13],
  [13, 11],
  [16, 14],
  [14, 12],
  [11, 12],
  [5, 11],
  [6, 12],
  [5, 6],
  [5, 7],
  [6, 8],
  [7, 9],
  [8, 10],
  [1, 2],
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 4],
  [3, 5],
  [4, 6],
];

/** pycocotools' per-keypoint OKS σ for COCO-17 (`kpt_oks_sigmas`, the values /10). */
export const COCO17_SIGMAS: readonly number[] = [
  0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89, 0.89,
].map((s) => s / 10);

/**
 * Names for `k` keypoints: COCO-17's when k = 17, else `keypoint 0`, `keypoint 1`, ….
 */
export function keypointNames(k: number): string[] {
  if (k === COCO17_KEYPOINTS.length) return [...COCO17_KEYPOINTS];
  return Array.from({ length: k }, (_, i) => `keypoint ${i}`);
}
