/**
 * Chapter 8's gallery (figures 8.1 and 8.2): one held-out sample as a pose model saw it. The
 * K output maps become one picture, their maximum over keypoints — the heatmaps as they are,
 * DSNT's logit maps each through the softmax whose expectation is its answer (Nibali et al.
 * 2018), SimDR's maps as they are (its linear layers read them whole); SimDR's two 1-D logit
 * vectors per keypoint become one curve per axis, the maximum over keypoints of each softmax
 * (Li et al. 2022). With each decoder's points and its mean error on the sample.
 */
import { softmaxMap } from '../dsnt.ts';
import { softmax } from '../simdr.ts';
import type { Point } from '../stack.ts';
import { meanErrors } from '../stats.ts';
import type { Head, Method } from '../tf/names.ts';

/** A model's outputs for one sample. */
export interface SampleOutputs {
  /** Keypoints, and the output map's height and width (cells; stride 4). */
  k: number;
  h: number;
  w: number;
  /** [K, h, w], map by map. */
  maps: ArrayLike<number>;
  /** SimDR only: the logits [K, bins] along x and along y. */
  simdr?: { x: ArrayLike<number>; y: ArrayLike<number>; bins: number };
}

/** One gallery sample as the figures draw it. */
export interface GallerySample {
  /** The picture [h × w], row-major: the maximum over keypoints of the maps (see the module). */
  map: ArrayLike<number>;
  h: number;
  w: number;
  /** Each decoder's point per keypoint, input pixels. */
  points: Partial<Record<Method, Point[]>>;
  /** SimDR only: per axis the maximum over keypoints of the softmax, [bins] (2 bins per input pixel). */
  vectors?: { x: ArrayLike<number>; y: ArrayLike<number>; bins: number };
  /** Each decoder's mean distance to the truth over the sample's keypoints, input pixels. */
  errors: Partial<Record<Method, number>>;
}

/**
 * The maximum over `k` maps of `maps` ([k, h, w], row-major), each passed through a softmax
 * over its cells first when `probabilities` (DSNT); returns [h × w].
 */
export function keypointMaximum(
  maps: ArrayLike<number>,
  k: number,
  h: number,
  w: number,
  probabilities = false,
): Float32Array {
  const size = h * w;
  if (maps.length !== k * size)
    throw new Error(`keypointMaximum: ${maps.length} values are not ${k} maps of ${h} × ${w}`);
  const out = new Float32Array(size).fill(Number.NEGATIVE_INFINITY);
  const one = new Float64Array(size);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < size; i++) one[i] = maps[j * size + i] as number;
    const values = probabilities ? softmaxMap(one) : one;
    for (let i = 0; i < size; i++) out[i] = Math.max(out[i] as number, values[i] as number);
  }
  return out;
}

/** The maximum over `k` rows of `logits` ([k, bins]) of each row's softmax; returns [bins] in [0, 1]. */
export function softmaxMaximum(logits: ArrayLike<number>, k: number, bins: number): Float32Array {
  if (logits.length !== k * bins) throw new Error(`softmaxMaximum: ${logits.length} values are not ${k} × ${bins}`);
  const out = new Float32Array(bins);
  const row = new Float64Array(bins);
  for (let j = 0; j < k; j++) {
    for (let n = 0; n < bins; n++) row[n] = logits[j * bins + n] as number;
    const p = softmax(row);
    for (let n = 0; n < bins; n++) out[n] = Math.max(out[n] as number, p[n] as number);
  }
  return out;
}

/** Each decoder's mean distance to `truth` over one sample's keypoints, input pixels. */
export function sampleErrors(
  truth: readonly Point[],
  points: Partial<Record<Method, readonly Point[]>>,
): Partial<Record<Method, number>> {
  return meanErrors(Object.fromEntries(Object.entries(points).map(([m, ps]) => [m, [ps]])), [truth]);
}

/** One sample of the gallery: `head`'s outputs drawn as one picture, its decoded points, their errors. */
export function gallerySample(
  head: Head,
  outputs: SampleOutputs,
  points: Partial<Record<Method, Point[]>>,
  truth: readonly Point[],
): GallerySample {
  const { k, h, w, simdr } = outputs;
  return {
    map: keypointMaximum(outputs.maps, k, h, w, head === 'dsnt'),
    h,
    w,
    points,
    ...(head === 'simdr' && simdr
      ? {
          vectors: {
            x: softmaxMaximum(simdr.x, k, simdr.bins),
            y: softmaxMaximum(simdr.y, k, simdr.bins),
            bins: simdr.bins,
          },
        }
      : {}),
    errors: sampleErrors(truth, points),
  };
}
