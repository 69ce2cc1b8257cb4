/**
 * The Decoder Lab's accuracy report per decoder, from its decoded rows and a ground truth per
 * sample: mean error per keypoint (input pixels, with names), PCK@0.05 and @0.1 of the box size,
 * mean OKS with COCO's per-keypoint κ, and the AP over OKS 0.50:0.95 those give (`metrics.ts`).
 *
 * How the Lab's data become COCO's: each sample (crop) is one image with one ground truth and
 * one prediction per decoder, so AP ranks the samples by the prediction's score, here the mean
 * of its keypoints' scores (MMPose also multiplies by the detector's box score, which the Lab
 * does not have). A keypoint the decoder could not place (no finite value) counts as infinitely
 * far; MMPose's (-1, -1) for a maximum ≤ 0 counts where it lands, as it would in COCO's
 * evaluation. OKS and AP need κ per keypoint: COCO-17's for 17 keypoints, else the caller's.
 *
 * With a COCO keypoints file the protocol is MMPose's, in image pixels: each prediction is mapped
 * back through its sample's crop (`inputToImage`), PCK is measured against the clipped box, OKS
 * against the annotation as the file gives it, and AP and AR are `CocoMetric`'s (`cocoMetric.ts`:
 * rescoring, OKS-NMS, COCOeval's ten numbers), each instance with its box score: 1 for a ground-truth
 * box, the detector's for a detected one (`detections.ts`). Detected boxes have no annotation of their
 * own, so then only AP and AR are measured: PCK is not a number and mean OKS undefined.
 */
import type { CocoEvalResult, CocoEvalStats } from '../cocoeval.ts';
import { COCO17_SIGMAS, keypointNames } from '../keypoints.ts';
import { inputToImage, mmposeCrop, type Crop, type InputMapping } from '../mapping.ts';
import {
  keypointAp,
  meanErrorPerKeypoint,
  meanOks,
  pck,
  type ApImage,
  type KeypointAp,
  type KeypointTruth,
} from '../metrics.ts';
import type { Point } from '../stack.ts';
import { cocoTruth, type CocoKeypoints } from './coco.ts';
import { cocoMetric, type CocoMetricInstance } from './cocoMetric.ts';
import type { LabRow } from './decode.ts';
import type { TopdownInstance } from './topdown.ts';

/** A COCO ground truth's frame: the file, each sample's instance, and how input pixels map to the image. */
export interface LabCocoFrame {
  coco: CocoKeypoints;
  instances: readonly TopdownInstance[];
  mapping: InputMapping;
  inputW: number;
  inputH: number;
}

/** What {@link labMetrics} needs. */
export interface LabMetricsInput<Id extends string> {
  /** The decoded rows, index n·K + k; points in heatmap pixels (SimCC rows: input pixels). */
  rows: readonly LabRow<Id>[];
  /** Keypoints per sample. */
  k: number;
  decoders: readonly Id[];
  /** One ground truth per sample, in input pixels. */
  truths: readonly KeypointTruth[];
  /** Input pixels per point unit, per axis (`labInputScale`; 1 for SimCC rows). */
  scale: Point;
  /** OKS σ per keypoint; COCO-17's when k = 17 and none is given. */
  sigmas?: readonly number[];
  /** Keypoint names; COCO-17's for 17 keypoints, else `keypoint k`. */
  names?: readonly string[];
  /** With a COCO file: PCK, OKS, AP and AR in image pixels, as MMPose's CocoMetric. */
  coco?: LabCocoFrame;
}

/** One decoder's report. */
export interface LabDecoderMetrics<Id extends string> {
  decoder: Id;
  /** Per keypoint: name, mean error (input px, NaN if never labelled), count, PCK@0.05 and @0.1. */
  perKeypoint: { name: string; meanError: number; count: number; pck05: number; pck10: number }[];
  /** PCK@0.05 and @0.1 of max(box width, height), averaged over keypoints (MMPose's PCKAccuracy). */
  pck05: number;
  pck10: number;
  /** Mean OKS over samples with a labelled keypoint; undefined without σ. */
  meanOks?: number;
  /** COCO AP over OKS 0.50:0.95 with one prediction per sample, in the crop (points files); undefined without σ. */
  ap?: KeypointAp;
  /** With a COCO file: COCOeval's ten numbers as MMPose's CocoMetric reports them, in image pixels. */
  coco?: CocoEvalStats;
  /** With a COCO file: the results list CocoMetric scored (rescored, after OKS-NMS), in image pixels. */
  cocoResults?: CocoEvalResult[];
  /** The mean keypoint score over decoded keypoints, for the score-versus-error view. */
  meanScore: number;
}

/**
 * The OKS σ the Lab scores with: the reader's, when they typed one per keypoint; else COCO-17's
 * for 17 keypoints; else none, and OKS and AP are not measured. `problem` says why typed σ are
 * not used. (Ultralytics falls back to 1/K for every keypoint of a non-COCO set; MMPose takes
 * them from the dataset's metainfo. The Lab asks instead of guessing.)
 */
export function labSigmas(typed: readonly number[], k: number): { sigmas?: readonly number[]; problem?: string } {
  if (typed.length === k) return { sigmas: typed };
  const fallback = k === COCO17_SIGMAS.length ? { sigmas: COCO17_SIGMAS } : {};
  if (typed.length === 0) return fallback;
  return {
    ...fallback,
    problem: `${typed.length} OKS σ typed under Settings, but the input has ${k} keypoints; ${fallback.sigmas ? "COCO-17's are used" : 'OKS and AP are not measured'}`,
  };
}

/** Each decoder's accuracy report (see the module comment for the protocol). */
export function labMetrics<Id extends string>(input: LabMetricsInput<Id>): LabDecoderMetrics<Id>[] {
  const { rows, k, decoders, truths, scale } = input;
  const names = input.names ?? keypointNames(k);
  const sigmas = input.sigmas ?? (k === COCO17_SIGMAS.length ? COCO17_SIGMAS : undefined);
  const samples = truths.length;
  const frame = input.coco;
  const crops = frame?.instances.map((i) => mmposeCrop(i.bbox, frame.inputW, frame.inputH));
  return decoders.map((decoder) => {
    const predictions: Point[][] = [];
    const keypointScores: number[][] = [];
    const instanceScores: number[] = [];
    let scoreSum = 0;
    let scoreCount = 0;
    for (let n = 0; n < samples; n++) {
      const points: Point[] = [];
      const scores: number[] = [];
      let sum = 0;
      let count = 0;
      for (let j = 0; j < k; j++) {
        const p = rows[n * k + j]?.points[decoder];
        if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) points.push({ x: p.x * scale.x, y: p.y * scale.y });
        else points.push({ x: Number.POSITIVE_INFINITY, y: Number.POSITIVE_INFINITY });
        const finiteScore = p !== undefined && Number.isFinite(p.score);
        scores.push(finiteScore ? p.score : 0);
        if (finiteScore) {
          sum += p.score;
          count++;
        }
      }
      predictions.push(points);
      keypointScores.push(scores);
      instanceScores.push(count ? sum / count : 0);
      scoreSum += sum;
      scoreCount += count;
    }
    const errors = meanErrorPerKeypoint(predictions, truths);
    // In the image (COCO files) or in the crop (points files); detected boxes have no truth of their own.
    const image = frame && crops ? inImage(frame, crops, predictions) : undefined;
    const p05 = image ? image.pck(0.05) : pck(predictions, truths, 0.05);
    const p10 = image ? image.pck(0.1) : pck(predictions, truths, 0.1);
    const out: LabDecoderMetrics<Id> = {
      decoder,
      perKeypoint: names.slice(0, k).map((name, j) => ({
        name,
        meanError: errors.mean[j] as number,
        count: errors.count[j] as number,
        pck05: p05.perKeypoint[j] as number,
        pck10: p10.perKeypoint[j] as number,
      })),
      pck05: p05.mean,
      pck10: p10.mean,
      meanScore: scoreCount ? scoreSum / scoreCount : Number.NaN,
    };
    if (sigmas && image && frame && crops) {
      if (image.truths) out.meanOks = meanOks(image.predictions, image.truths, sigmas);
      const instances: CocoMetricInstance[] = frame.instances.map((instance, n) => ({
        id: instance.id,
        imageId: instance.imageId,
        categoryId: instance.categoryId,
        keypoints: image.predictions[n] as Point[],
        keypointScores: keypointScores[n] as number[],
        bbox: instance.bbox,
        bboxScore: instance.bboxScore,
        area: crops[n]!.scale.x * crops[n]!.scale.y,
      }));
      const metric = cocoMetric(frame.coco, instances, { sigmas });
      out.coco = metric.evaluation.stats;
      out.cocoResults = metric.results;
    } else if (sigmas) {
      out.meanOks = meanOks(predictions, truths, sigmas);
      const images: ApImage[] = truths.map((truth, n) => ({
        truths: [truth],
        predictions: [{ keypoints: predictions[n] as Point[], score: instanceScores[n] as number }],
      }));
      out.ap = keypointAp(images, sigmas);
    }
    return out;
  });
}

/** A decoder's mean error over every labelled keypoint (its keypoints' means weighted by their counts), input px; NaN with none. */
export function labMeanError(metrics: Pick<LabDecoderMetrics<string>, 'perKeypoint'>): number {
  let sum = 0;
  let count = 0;
  for (const p of metrics.perKeypoint) {
    if (p.count && Number.isFinite(p.meanError)) {
      sum += p.meanError * p.count;
      count += p.count;
    }
  }
  return count ? sum / count : Number.NaN;
}

/** PCK where no sample has a truth of its own: not a number. */
const NO_PCK = (k: number) => ({ mean: Number.NaN, perKeypoint: new Array<number>(k).fill(Number.NaN) });

/**
 * Predictions mapped back to the image, with what OKS (the annotation as given) and PCK (against
 * the clipped box) read; with detected boxes, no sample has an annotation and neither is measured.
 */
function inImage(
  frame: LabCocoFrame,
  crops: readonly Crop[],
  predictions: readonly Point[][],
): { predictions: Point[][]; truths?: KeypointTruth[]; pck: (ratio: number) => ReturnType<typeof pck> } {
  const { mapping, inputW, inputH } = frame;
  const inImage = predictions.map((points, n) =>
    points.map((p) => (Number.isFinite(p.x) ? inputToImage(p, crops[n]!, inputW, inputH, mapping) : p)),
  );
  const annotations = frame.instances.map((i) => i.annotation);
  if (!annotations.every((a) => a !== undefined)) {
    return { predictions: inImage, pck: () => NO_PCK(predictions[0]?.length ?? 0) };
  }
  const pckTruths = frame.instances.map((i, n) => ({ ...cocoTruth(annotations[n]!), bbox: i.bbox }));
  return {
    predictions: inImage,
    truths: annotations.map(cocoTruth),
    pck: (ratio) => pck(inImage, pckTruths, ratio),
  };
}
