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
  /**
   * Standard deviation of the noise added to the centre heatmap (clamped at zero): it makes
   * spurious local maxima, whose poses are near-duplicates that pose NMS removes.
   */
  centreNoise?: number;
  seed: number;
}

/** The scene's maps and every stage of decoding them. */
export interface BottomUpData {
  centreMap: Float64Array;
  /** [K, h, w] keypoint heatmaps, the maximum over people. */
  keypointMaps: Float64Array;
  /** [2K, h, w] offsets, (x, y) per joint: pixel − joint of the nearest person's centre. */
  offsets: Float64Array;
  /** [h, w] the maximum over the K keypoint heatmaps, what rescoring reads. */
  keypointMax: Float64Array;
  peaks: CentrePeak[];
  /** For each peak, the index of the person whose centre lies within 1.5 px of it, else -1. */
  peakPerson: number[];
  /** Poses in the order of the peaks. */
  poses: Pose[];
  kept: Pose[];
}

/** Builds the scene's maps and decodes them stage by stage. */
export function buildBottomUp({ w, h, people, offsetNoise, centreNoise = 0, seed }: BottomUpInput): BottomUpData {
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
  if (centreNoise > 0) {
    for (let i = 0; i < hw; i++) centreMap[i] = Math.max(0, (centreMap[i] as number) + centreNoise * random.normal());
  }
  const peaks = centreNms(centreMap, w, h);
  const keypointMax = new Float64Array(hw);
  for (let j = 0; j < K; j++) {
    for (let i = 0; i < hw; i++)
      keypointMax[i] = Math.max(keypointMax[i] as number, keypointMaps[j * hw + i] as number);
  }
  const peakPerson = peaks.map((q) => people.findIndex((p) => Math.hypot(p.centre.x - q.x, p.centre.y - q.y) <= 1.5));
  const poses = posesFromOffsets(peaks, offsets, K, w, h, keypointMaps);
  // DEKR's threshold: 5 % of each pose's own keypoint-extent diagonal, not of the map's. DEKR
  // keeps each group's best keypoint-heatmap score; here every pixel's offsets are equally
  // good (a trained network's are only trained near a centre), so a noise peak's copy of a
  // person would win as often as the person's own centre: rank by centre × heat instead.
  const kept = poseNms(poses, 'pose', { rankBy: 'score' });
  return { centreMap, keypointMaps, offsets, keypointMax, peaks, peakPerson, poses, kept };
}
