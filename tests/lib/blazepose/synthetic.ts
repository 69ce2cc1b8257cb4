/** Made-up BlazePose results for the tests: Gaussian heatmaps (encode.ts) turned into logits. */
import {
  createStack,
  encodeUnbiased,
  mapOf,
  sigmoidStack,
  type BlazePoseLandmark,
  type BlazePoseResult,
  type Point,
} from '../../../src/lib/index.ts';

/**
 * A result whose map j peaks (0.9 · amplitude j, default 1) at heatmap point `centres[j]` with σ 2
 * cells over a floor of 1e-6, landmarks at `landmarks[j]` (input px), visibility 0.9 unless given.
 */
export function syntheticResult(
  centres: Point[],
  landmarks: Point[],
  options: { amplitudes?: number[]; visibility?: number[] } = {},
): BlazePoseResult {
  const logits = createStack(centres.length, 64, 64);
  centres.forEach((c, j) => {
    const map = mapOf(logits, j);
    encodeUnbiased(c, 64, 64, 2, map.data);
    const a = options.amplitudes?.[j] ?? 1;
    for (let i = 0; i < map.data.length; i++) {
      const p = 1e-6 + 0.9 * a * (map.data[i] as number);
      map.data[i] = Math.log(p / (1 - p));
    }
  });
  const marks: BlazePoseLandmark[] = landmarks.map((p, j) => ({
    ...p,
    z: 0,
    visibility: options.visibility?.[j] ?? 0.9,
    presence: 0.95,
  }));
  return { logits, heatmaps: sigmoidStack(logits), landmarks: marks, poseScore: 1 };
}
