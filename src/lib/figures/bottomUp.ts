/**
 * Figure data for DEKR's bottom-up decoding (chapter 7, issue 6): a synthetic scene of
 * several people, the maps a bottom-up network would output for it (a centre heatmap with
 * σ = 4, K keypoint heatmaps with σ = 2, and per-pixel offsets in DEKR's pixel − keypoint
 * convention, lightly noised), and each stage of decoding: centre NMS, poses as pixel −
 * offset, rescoring by the keypoint heatmaps, pose NMS.
 */
import { centreNms, poseNms, posesFromOffsets, type CentrePeak, type Pose } from '../dekr.ts';
import { encodeUnbiased } from '../encode.ts';
import { createRandom } from '../random.ts';
import type { Point } from '../stack.ts';

/** A person of the scene: its centre and its K joints, map pixels. */
export interface ScenePerson {
  centre: Point;
  joints: Point[];
}

/** Settings of the synthetic scene. */
export interface BottomUpInput {
  w: number;
  h: number;
  people: ScenePerson[];
  /** Standard deviation of the noise added to the offsets, pixels. */
  offsetNoise: number;
  seed: number;
}

/** The scene's maps and every stage of decoding them. */
export interface BottomUpData {
  centreMap: Float64Array;
  /** [K, h, w] keypoint heatmaps, the maximum over people. */
  keypointMaps: Float64Array;
  /** [2K, h, w] offsets, (x, y) per joint: pixel − joint of the nearest person's centre. */
  offsets: Float64Array;
  peaks: CentrePeak[];
  poses: Pose[];
  kept: Pose[];
}

/** Builds the scene's maps and decodes them stage by stage. */
export function buildBottomUp({ w, h, people, offsetNoise, seed }: BottomUpInput): BottomUpData {
  const K = people[0]?.joints.length ?? 0;
  const hw = w * h;
  const random = createRandom(seed);
  const centreMap = new Float64Array(hw);
  const keypointMaps = new Float64Array(K * hw);
  for (const person of people) {
    const c = encodeUnbiased(person.centre, w, h, 4).data;
    for (let i = 0; i < hw; i++) centreMap[i] = Math.max(centreMap[i] as number, c[i] as number);
    person.joints.forEach((joint, j) => {
      const m = encodeUnbiased(joint, w, h, 2).data;
      for (let i = 0; i < hw; i++)
        keypointMaps[j * hw + i] = Math.max(keypointMaps[j * hw + i] as number, m[i] as number);
    });
  }
  // Every pixel regresses the joints of the person whose centre is nearest.
  const offsets = new Float64Array(2 * K * hw);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nearest = people[0];
      let best = Number.POSITIVE_INFINITY;
      for (const person of people) {
        const d = Math.hypot(person.centre.x - x, person.centre.y - y);
        if (d < best) {
          best = d;
          nearest = person;
        }
      }
      const p = y * w + x;
      nearest?.joints.forEach((joint, j) => {
        offsets[2 * j * hw + p] = x - joint.x + offsetNoise * random.normal();
        offsets[(2 * j + 1) * hw + p] = y - joint.y + offsetNoise * random.normal();
      });
    }
  }
  const peaks = centreNms(centreMap, w, h);
  const poses = posesFromOffsets(peaks, offsets, K, w, h, keypointMaps);
  const kept = poseNms(poses, Math.hypot(w, h));
  return { centreMap, keypointMaps, offsets, peaks, poses, kept };
}
