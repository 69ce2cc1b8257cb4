/**
 * The accuracy measures pose practitioners report, computed as their reference code does:
 *
 * - OKS, COCO's object keypoint similarity (pycocotools `COCOeval.computeOks`):
 *   OKS = Σ_i exp(-d_i² / (2 s² κ_i²)) / #visible over the visible keypoints, with s² the
 *   annotation's area (+ `np.spacing(1)`) and κ_i = 2σ_i; a ground truth with no visible
 *   keypoint measures each prediction's distance to a box twice its bounding box instead.
 * - AP over OKS thresholds 0.50:0.05:0.95 (`evaluateImg` and `accumulate`): per image,
 *   predictions by descending score are matched greedily to the unmatched ground truth of
 *   highest OKS ≥ t; precision is made monotone and read at the 101 recall thresholds
 *   0:0.01:1; AP is its mean over thresholds and recall points.
 * - PCK@α as MMPose's `PCKAccuracy` with `norm_item='bbox'`: a visible keypoint is correct
 *   when its distance over max(box width, box height) is < α; the fraction per keypoint, then
 *   the mean over keypoints that have any visible instance.
 * - Mean distance per keypoint (input or image pixels, whichever the points are in).
 *
 * Simplifications of {@link keypointAp}, all of them COCO's defaults for keypoints: one
 * category; the area range 'all' only (no AP medium/large); at most 20 predictions per image
 * (`maxDets`). The Decoder Lab pairs one prediction with each ground truth (one crop per
 * annotation, scored by its keypoints' mean score), which is the top-down protocol with
 * ground-truth boxes.
 */
import type { Point } from './stack.ts';
import { numpySum } from './stats.ts';

/** A ground-truth instance: K keypoints with COCO visibility (0 unlabelled, 1, 2), area, box. */
export interface KeypointTruth {
  keypoints: readonly Point[];
  /** COCO's v per keypoint: > 0 counts as labelled (both 1 and 2). */
  visibility: readonly number[];
  /** The annotation's area (segment area in COCO), pixels². */
  area: number;
  /** [x, y, width, height] in pixels. */
  bbox: readonly [number, number, number, number];
  /** COCO's iscrowd: a crowd region may absorb several predictions. */
  iscrowd?: boolean;
}

/** A predicted instance: K keypoints and a confidence for ranking. */
export interface KeypointPrediction {
  keypoints: readonly Point[];
  score: number;
}

/** `np.spacing(1)`, the float64 ulp of 1, which COCO adds to the area. */
const SPACING_1 = Number.EPSILON;

/** COCO's OKS of one prediction against one ground truth (see the module comment). */
export function oks(prediction: readonly Point[], truth: KeypointTruth, sigmas: readonly number[]): number {
  const k = sigmas.length;
  if (prediction.length !== k || truth.keypoints.length !== k || truth.visibility.length !== k) {
    throw new RangeError(`OKS needs ${k} keypoints (one σ each) in the prediction and the ground truth`);
  }
  const visible = truth.visibility.filter((v) => v > 0).length;
  const [bx, by, bw, bh] = truth.bbox;
  const x0 = bx - bw;
  const x1 = bx + bw * 2;
  const y0 = by - bh;
  const y1 = by + bh * 2;
  const terms: number[] = [];
  for (let i = 0; i < k; i++) {
    const d = prediction[i] as Point;
    const g = truth.keypoints[i] as Point;
    let dx: number;
    let dy: number;
    if (visible > 0) {
      if (!((truth.visibility[i] as number) > 0)) continue;
      dx = d.x - g.x;
      dy = d.y - g.y;
    } else {
      dx = Math.max(0, x0 - d.x) + Math.max(0, d.x - x1);
      dy = Math.max(0, y0 - d.y) + Math.max(0, d.y - y1);
    }
    const kappa2 = (2 * (sigmas[i] as number)) ** 2;
    terms.push(Math.exp(-((dx * dx + dy * dy) / kappa2 / (truth.area + SPACING_1) / 2)));
  }
  // Summed as np.sum sums, to pycocotools' last bit.
  return numpySum(terms) / terms.length;
}

/** One image's ground truth and predictions, for {@link keypointAp}. */
export interface ApImage {
  truths: readonly KeypointTruth[];
  predictions: readonly KeypointPrediction[];
}

/** COCO's keypoint AP and AR over OKS thresholds 0.50:0.95. */
export interface KeypointAp {
  /** AP averaged over the ten thresholds (COCO's "AP"). */
  ap: number;
  /** AP at OKS 0.50 and 0.75. */
  ap50: number;
  ap75: number;
  /** AR averaged over the thresholds (COCO's "AR", maxDets 20). */
  ar: number;
  /** Each threshold's AP and recall. */
  byThreshold: { threshold: number; ap: number; recall: number }[];
  /** Ground truths that count (not crowd, with a labelled keypoint). */
  truths: number;
  /** Predictions ranked (up to maxDets per image). */
  predictions: number;
}

/** NumPy's `linspace(start, stop, n)`: start + i·step, the last value exactly stop. */
function linspace(start: number, stop: number, n: number): number[] {
  const step = (stop - start) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start + i * step));
}

/** COCO's OKS thresholds, `np.linspace(.5, 0.95, 10)`. */
export const OKS_THRESHOLDS: readonly number[] = linspace(0.5, 0.95, 10);
const RECALL_THRESHOLDS = linspace(0, 1, 101);

/**
 * COCO's keypoint AP for one category over images of ground truths and predictions (see the
 * module comment for what is simplified). `maxDets` is COCO's 20 for keypoints.
 */
export function keypointAp(images: readonly ApImage[], sigmas: readonly number[], maxDets = 20): KeypointAp {
  const T = OKS_THRESHOLDS.length;
  // Every prediction kept, with its image's matches at each threshold.
  const scores: number[] = [];
  const matched: boolean[][] = Array.from({ length: T }, () => []);
  const ignored: boolean[][] = Array.from({ length: T }, () => []);
  let truths = 0;
  for (const image of images) {
    const gtIgnore = image.truths.map((g) => g.iscrowd === true || !g.visibility.some((v) => v > 0));
    truths += gtIgnore.filter((i) => !i).length;
    // Ground truths that count first, ignored ones last (a stable sort, as mergesort).
    const gtOrder = image.truths.map((_, j) => j).sort((a, b) => Number(gtIgnore[a]) - Number(gtIgnore[b]));
    const dtOrder = image.predictions
      .map((_, i) => i)
      .sort(
        (a, b) =>
          (image.predictions[b] as KeypointPrediction).score - (image.predictions[a] as KeypointPrediction).score,
      )
      .slice(0, maxDets);
    const ious = dtOrder.map((i) =>
      gtOrder.map((j) =>
        oks((image.predictions[i] as KeypointPrediction).keypoints, image.truths[j] as KeypointTruth, sigmas),
      ),
    );
    const crowd = gtOrder.map((j) => image.truths[j]!.iscrowd === true);
    const ign = gtOrder.map((j) => gtIgnore[j] as boolean);
    for (let t = 0; t < T; t++) {
      const gtMatched = new Array<boolean>(gtOrder.length).fill(false);
      dtOrder.forEach((_, d) => {
        let best = Math.min(OKS_THRESHOLDS[t] as number, 1 - 1e-10);
        let m = -1;
        for (let g = 0; g < gtOrder.length; g++) {
          if (gtMatched[g] && !crowd[g]) continue;
          if (m > -1 && !ign[m] && ign[g]) break;
          const v = ious[d]![g] as number;
          if (v < best) continue;
          best = v;
          m = g;
        }
        if (m > -1) gtMatched[m] = true;
        matched[t]!.push(m > -1);
        ignored[t]!.push(m > -1 && (ign[m] as boolean));
      });
    }
    for (const i of dtOrder) scores.push((image.predictions[i] as KeypointPrediction).score);
  }
  // All images' predictions by descending score (stable, as COCO's mergesort).
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const byThreshold = OKS_THRESHOLDS.map((threshold, t) => {
    if (truths === 0) return { threshold, ap: Number.NaN, recall: Number.NaN };
    const rc: number[] = [];
    const pr: number[] = [];
    let tp = 0;
    let fp = 0;
    for (const i of order) {
      if (ignored[t]![i]) {
        // An ignored prediction adds to neither count, but COCO still lists it.
      } else if (matched[t]![i]) tp++;
      else fp++;
      rc.push(tp / truths);
      pr.push(tp / (fp + tp + SPACING_1));
    }
    for (let i = pr.length - 1; i > 0; i--) if ((pr[i] as number) > (pr[i - 1] as number)) pr[i - 1] = pr[i] as number;
    let sum = 0;
    for (const r of RECALL_THRESHOLDS) {
      // np.searchsorted(rc, r, side='left'): the first index with rc ≥ r; 0 past the end.
      let lo = 0;
      let hi = rc.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((rc[mid] as number) < r) lo = mid + 1;
        else hi = mid;
      }
      sum += lo < pr.length ? (pr[lo] as number) : 0;
    }
    return { threshold, ap: sum / RECALL_THRESHOLDS.length, recall: rc.length ? (rc[rc.length - 1] as number) : 0 };
  });
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    ap: mean(byThreshold.map((r) => r.ap)),
    ap50: byThreshold[0]!.ap,
    ap75: byThreshold[5]!.ap,
    ar: mean(byThreshold.map((r) => r.recall)),
    byThreshold,
    truths,
    predictions: scores.length,
  };
}

/** PCK per keypoint and its mean (MMPose's `keypoint_pck_accuracy`). */
export interface Pck {
  /** Per keypoint, the fraction of visible instances within α·size; NaN when none is visible. */
  perKeypoint: number[];
  /** The mean over keypoints with a visible instance; 0 when there is none. */
  mean: number;
}

/**
 * PCK@α normalised by each instance's box: a visible keypoint counts as correct when
 * ‖prediction - truth‖ / max(box width, box height) < α. Instances whose box has a zero side
 * are left out, as MMPose masks them.
 */
export function pck(predictions: readonly (readonly Point[])[], truths: readonly KeypointTruth[], alpha: number): Pck {
  if (predictions.length !== truths.length) {
    throw new RangeError(`${predictions.length} predictions for ${truths.length} ground truths`);
  }
  const k = truths[0]?.keypoints.length ?? 0;
  const hits = new Array<number>(k).fill(0);
  const counts = new Array<number>(k).fill(0);
  truths.forEach((truth, n) => {
    const [, , bw, bh] = truth.bbox;
    if (bw === 0 || bh === 0) return;
    const size = Math.max(bw, bh);
    for (let i = 0; i < k; i++) {
      if (!((truth.visibility[i] as number) > 0)) continue;
      const p = predictions[n]![i] as Point;
      const g = truth.keypoints[i] as Point;
      counts[i]!++;
      if (Math.hypot((p.x - g.x) / size, (p.y - g.y) / size) < alpha) hits[i]!++;
    }
  });
  const perKeypoint = counts.map((c, i) => (c > 0 ? (hits[i] as number) / c : Number.NaN));
  const valid = perKeypoint.filter((v) => !Number.isNaN(v));
  return { perKeypoint, mean: valid.length ? valid.reduce((a, b) => a + b, 0) / valid.length : 0 };
}

/**
 * The mean distance per keypoint over the instances where it is visible and predicted (a
 * prediction that is not finite is left out), in the points' own units (NaN when none), and
 * the count behind each mean.
 */
export function meanErrorPerKeypoint(
  predictions: readonly (readonly Point[])[],
  truths: readonly KeypointTruth[],
): { mean: number[]; count: number[] } {
  const k = truths[0]?.keypoints.length ?? 0;
  const sums = new Array<number>(k).fill(0);
  const count = new Array<number>(k).fill(0);
  truths.forEach((truth, n) => {
    for (let i = 0; i < k; i++) {
      if (!((truth.visibility[i] as number) > 0)) continue;
      const p = predictions[n]![i] as Point;
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      const g = truth.keypoints[i] as Point;
      sums[i]! += Math.hypot(p.x - g.x, p.y - g.y);
      count[i]!++;
    }
  });
  return { mean: sums.map((s, i) => ((count[i] as number) > 0 ? s / (count[i] as number) : Number.NaN)), count };
}

/** The mean OKS of predictions paired with ground truths (those with a labelled keypoint). */
export function meanOks(
  predictions: readonly (readonly Point[])[],
  truths: readonly KeypointTruth[],
  sigmas: readonly number[],
): number {
  let sum = 0;
  let n = 0;
  truths.forEach((truth, i) => {
    if (!truth.visibility.some((v) => v > 0)) return;
    sum += oks(predictions[i] as readonly Point[], truth, sigmas);
    n++;
  });
  return n ? sum / n : Number.NaN;
}
