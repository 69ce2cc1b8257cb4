/**
 * MMPose's `CocoMetric` for top-down predictions (`mmpose/evaluation/metrics/coco_metric.py` with
 * `oks_nms` from `mmpose/evaluation/functional/nms.py`, read at 759b39c, not copied), with its
 * defaults: `score_mode='bbox_keypoint'`, `keypoint_score_thr=0.2`, `nms_mode='oks_nms'`,
 * `nms_thr=0.9`. What it does with a dataset's predictions, and so what this module does:
 *
 * 1. Groups the instances by image, in the order the images first appear, each image's sorted by
 *    annotation id, duplicates dropped (`_sort_and_unique_bboxes`).
 * 2. Rescores each: box score × the mean of its keypoint scores above the threshold (0 when none
 *    is), in float64 as NumPy 1.x computes it ({@link rescoreInstance}).
 * 3. OKS-NMS per image: by descending score, keep one and drop every other whose OKS with it,
 *    over all keypoints and with the mean of the two areas (the crop's, `bbox_scales` w·h), is
 *    above the threshold. NumPy's `argsort` there is not stable: ties are taken in reverse index
 *    order, as its insertion sort does on an image's ≤ 16 instances.
 * 4. Writes COCO results (keypoints with their scores, the score, the box as xywh) and evaluates
 *    them with COCOeval against the ground-truth file (`cocoEvaluate`): since the results carry a
 *    box, their areas are the boxes'.
 *
 * Keypoints, scores, boxes and areas are float32 in MMPose; they are rounded to float32 here.
 */
import { cocoEvaluate, type CocoEvalOutput, type CocoEvalResult } from '../cocoeval.ts';
import type { Point } from '../stack.ts';
import { numpySum } from '../stats.ts';
import { cocoEvalInput, type CocoKeypoints } from './coco.ts';

/** One predicted instance, in image pixels, as MMPose's data sample carries it. */
export interface CocoMetricInstance {
  /** The annotation id the sample came from (`data_sample['id']`). */
  id: number;
  imageId: number;
  categoryId: number;
  keypoints: readonly Point[];
  keypointScores: readonly number[];
  /** The box as xywh (the clipped ground-truth box, or a detection's). */
  bbox: readonly [number, number, number, number];
  /** 1 for ground-truth boxes; a detection's score otherwise. */
  bboxScore: number;
  /** The crop's area, `bbox_scales` w·h after the aspect fix. */
  area: number;
}

/** CocoMetric's settings (MMPose's defaults). */
export interface CocoMetricOptions {
  sigmas: readonly number[];
  keypointScoreThr?: number;
  nmsThr?: number;
  /** `'oks_nms'` (MMPose's default) or `'none'`. */
  nmsMode?: 'oks_nms' | 'none';
}

/** MMPose's defaults. */
export const COCO_METRIC_DEFAULTS = { keypointScoreThr: 0.2, nmsThr: 0.9, nmsMode: 'oks_nms' } as const;

const f32 = Math.fround;

/**
 * `bbox_keypoint` rescoring: box score × mean of the keypoint scores above `thr` (0 when none is).
 * MMPose starts the sum at the Python integer 0, which NumPy 1.x promotes with the float32 scores
 * to float64: the sum, the mean and the product are float64 of float32 inputs. NumPy 2 keeps
 * float32 there, so MMPose under NumPy 2 writes scores that differ in the eighth digit, which can
 * reorder tied results; the golden values were made with NumPy 1.24.
 */
export function rescoreInstance(keypointScores: readonly number[], bboxScore: number, thr: number): number {
  let sum = 0;
  let valid = 0;
  for (const s of keypointScores) {
    const score = f32(s);
    if (score > thr) {
      sum += score;
      valid++;
    }
  }
  return f32(bboxScore) * (valid ? sum / valid : 0);
}

/** `oks_iou` of one kept instance with another, float32 as MMPose stores it. */
function oksIou(g: Instance, d: Instance, vars: readonly number[]): number {
  const denominator = f32(f32(g.area + d.area) / 2) + Number.EPSILON;
  const e = vars.map((v, i) => {
    const dx = f32(d.keypoints[i]!.x - g.keypoints[i]!.x);
    const dy = f32(d.keypoints[i]!.y - g.keypoints[i]!.y);
    return Math.exp(-(f32(f32(dx * dx) + f32(dy * dy)) / v / denominator / 2));
  });
  return f32(numpySum(e) / e.length);
}

interface Instance {
  source: CocoMetricInstance;
  keypoints: Point[];
  scores: number[];
  area: number;
  score: number;
}

/** `oks_nms`: the indices kept, by descending score. */
function oksNms(instances: readonly Instance[], thr: number, vars: readonly number[]): number[] {
  // argsort()[::-1]: ascending (stable, as insertion sort), reversed.
  let order = instances
    .map((_, i) => i)
    .sort((a, b) => instances[a]!.score - instances[b]!.score || a - b)
    .reverse();
  const keep: number[] = [];
  const limit = f32(thr);
  while (order.length) {
    const [i, ...rest] = order as [number, ...number[]];
    keep.push(i);
    order = rest.filter((j) => oksIou(instances[i]!, instances[j]!, vars) <= limit);
  }
  return keep;
}

/** CocoMetric's results list for a dataset's instances, in the order it writes them. */
export function cocoMetricResults(
  instances: readonly CocoMetricInstance[],
  options: CocoMetricOptions,
): CocoEvalResult[] {
  const thr = options.keypointScoreThr ?? COCO_METRIC_DEFAULTS.keypointScoreThr;
  const nmsThr = options.nmsThr ?? COCO_METRIC_DEFAULTS.nmsThr;
  const nms = (options.nmsMode ?? COCO_METRIC_DEFAULTS.nmsMode) === 'oks_nms';
  const vars = options.sigmas.map((s) => (s * 2) ** 2);
  const byImage = new Map<number, CocoMetricInstance[]>();
  for (const instance of instances) {
    let list = byImage.get(instance.imageId);
    if (!list) byImage.set(instance.imageId, (list = []));
    list.push(instance);
  }
  const results: CocoEvalResult[] = [];
  for (const [, list] of byImage) {
    const sorted = [...list].sort((a, b) => a.id - b.id).filter((x, i, all) => i === 0 || all[i - 1]!.id !== x.id);
    const prepared: Instance[] = sorted.map((source) => ({
      source,
      keypoints: source.keypoints.map((p) => ({ x: f32(p.x), y: f32(p.y) })),
      scores: source.keypointScores.map(f32),
      area: f32(source.area),
      score: rescoreInstance(source.keypointScores, source.bboxScore, thr),
    }));
    const kept = nms ? oksNms(prepared, nmsThr, vars) : prepared.map((_, i) => i);
    for (const i of kept) {
      const { source, keypoints, scores, score } = prepared[i]!;
      results.push({
        imageId: source.imageId,
        categoryId: source.categoryId,
        keypoints,
        score,
        bbox: source.bbox.map(f32),
        keypointScores: scores,
      });
    }
  }
  return results;
}

/** CocoMetric's evaluation: its results list, and COCOeval's verdict on it against the ground-truth file. */
export function cocoMetric(
  coco: CocoKeypoints,
  instances: readonly CocoMetricInstance[],
  options: CocoMetricOptions,
): { evaluation: CocoEvalOutput; results: CocoEvalResult[] } {
  const results = cocoMetricResults(instances, options);
  return { evaluation: cocoEvaluate(cocoEvalInput(coco, results, options.sigmas)), results };
}
