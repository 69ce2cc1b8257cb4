/**
 * The Decoder Lab's ground truth paired with its samples. The reader's files, once read
 * (`readGroundTruth`), give at most one ground truth and one COCO results list: per-map points,
 * each sample's crop box assumed (`cropTruth`); or a COCO keypoints file, paired as MMPose's
 * top-down test reads it (`topdown.ts`: images in file order, crowds and empty annotations
 * dropped), sample n its n-th instance mapped into MMPose's crop of the clipped box; or, with a
 * detector's boxes beside it, sample n the n-th person detection (`detections.ts`), scored by AP
 * alone. Whatever does not fit becomes a message for
 * the reader, and the decode goes on without it.
 */
import type { InputMapping } from '../mapping.ts';
import type { KeypointTruth } from '../metrics.ts';
import type { Point } from '../stack.ts';
import { cocoTruthInInput, type CocoKeypoints, type CocoResult } from './coco.ts';
import { describeDetectionPairing, mmposeDetectionInstances, type CocoDetection } from './detections.ts';
import { cropTruth, type GroundTruthFile } from './groundTruth.ts';
import { LabInputError } from './input.ts';
import { describeTopdownPairing, mmposeTopdownInstances, type TopdownInstance } from './topdown.ts';

/** A ground-truth file as read: what it is, or why it could not be read. */
export type ReadTruthFile = { name: string; file: GroundTruthFile } | { name: string; error: string };

/** The ground truth as the decode needs it. */
export interface LabTruth {
  kind: 'points' | 'coco';
  source: string;
  /** One point per map (n·K + k), in the rows' units; NaN where unlabelled. */
  perMap: Point[];
  /** One truth per sample, in input pixels. */
  perSample: KeypointTruth[];
  /** The keypoints' names, when the file gives as many as the input has. */
  names?: string[];
  coco?: CocoKeypoints;
  /** With a COCO file: each sample's annotation and clipped box, or its detected box, in MMPose's order. */
  instances?: TopdownInstance[];
  /** The detector's boxes file the samples follow, when they are detected boxes. */
  detections?: string;
}

/** How the rows' units relate to input pixels and to a points file's units. */
export interface TruthUnits {
  toInput(p: Point): Point;
  toRows(p: Point): Point;
  /** A points file's points in the rows' units. */
  fromFile(points: Point[]): Point[];
}

/** The samples the ground truth must fit. */
export interface TruthGeometry {
  n: number;
  k: number;
  /** The input (crop) size in pixels. */
  inputW: number;
  inputH: number;
  mapping: InputMapping;
  /** MMPose's `filter_cfg=dict(bbox_score_thr=…)` for detected boxes (0: every person detection, its configs' default). */
  bboxScoreThr?: number;
}

/** The ground truth and the results list to score, and what the reader should hear. */
export interface PairedTruth {
  truth?: LabTruth;
  results?: { source: string; list: CocoResult[] };
  messages: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Pairs the read files with `geometry`'s samples: the first ground truth that fits, and a results list. */
export function pairTruth(files: readonly ReadTruthFile[], geometry: TruthGeometry, units: TruthUnits): PairedTruth {
  const { n, k, inputW, inputH } = geometry;
  const messages: string[] = [];
  let truth: LabTruth | undefined;
  let results: PairedTruth['results'];
  let boxes: { name: string; list: CocoDetection[] } | undefined;
  // Whether a COCO file was there to read the boxes with (they may still not fit the samples).
  let boxesPaired = false;
  for (const entry of files) {
    if ('error' in entry || entry.file.kind !== 'detections') continue;
    if (boxes) messages.push(`${entry.name}: one detections file at a time; ${boxes.name} is used`);
    else boxes = { name: entry.name, list: entry.file.detections };
  }
  for (const entry of files) {
    if ('error' in entry) {
      messages.push(entry.error);
      continue;
    }
    const { name, file } = entry;
    if (file.kind === 'detections') continue;
    if (file.kind === 'cocoResults') {
      results = { source: name, list: file.results };
      continue;
    }
    if (truth) {
      messages.push(`${name}: one ground truth at a time; ${truth.source} is used`);
      continue;
    }
    if (file.kind === 'points') {
      const perMap = units.fromFile(file.points);
      const perSample = Array.from({ length: n }, (_, s) =>
        cropTruth(perMap.slice(s * k, (s + 1) * k).map(units.toInput), inputW, inputH),
      );
      truth = { kind: 'points', source: name, perMap, perSample };
      continue;
    }
    const { coco } = file;
    if (coco.k !== k) {
      messages.push(`${name}: its annotations have ${coco.k} keypoints, but the input has ${k} per sample`);
      continue;
    }
    if (boxes) {
      boxesPaired = true;
      truth = detectedTruth(name, coco, boxes, geometry, messages);
      continue;
    }
    const pairing = mmposeTopdownInstances(coco);
    const described = describeTopdownPairing(pairing, coco.annotations.length);
    if (pairing.instances.length !== n) {
      messages.push(
        `${name}: ${described}, but the input holds ${plural(n, 'sample')}. The Lab pairs sample n with the n-th of them, as a dump of MMPose's test (with ground-truth boxes) is ordered, so the counts must match.`,
      );
      continue;
    }
    if (pairing.instances.length !== coco.annotations.length) messages.push(`${name}: ${described}.`);
    const { instances } = pairing;
    truth = { kind: 'coco', source: name, ...cocoPerMap(instances, geometry, units), coco, instances };
    if (coco.keypointNames.length === k) truth.names = coco.keypointNames;
  }
  if (boxes && !boxesPaired) {
    messages.push(
      `${boxes.name}: a detector's boxes are read with the COCO keypoints file of their images (MMPose's ann_file); load that too`,
    );
  }
  return { ...(truth ? { truth } : {}), ...(results ? { results } : {}), messages };
}

/**
 * Samples on a detector's boxes, as MMPose's test with `bbox_file` orders them: sample n is the
 * n-th person detection kept. No sample has an annotation of its own, so no point is labelled.
 */
function detectedTruth(
  name: string,
  coco: CocoKeypoints,
  boxes: { name: string; list: CocoDetection[] },
  geometry: TruthGeometry,
  messages: string[],
): LabTruth | undefined {
  const { n, k } = geometry;
  const thr = geometry.bboxScoreThr ?? 0;
  let pairing;
  try {
    pairing = mmposeDetectionInstances(coco, boxes.list, thr, boxes.name);
  } catch (error) {
    if (!(error instanceof LabInputError)) throw error;
    messages.push(error.message);
    return undefined;
  }
  const described = describeDetectionPairing(pairing, boxes.list.length, thr);
  if (pairing.instances.length !== n) {
    messages.push(
      `${boxes.name}: ${described}, but the input holds ${plural(n, 'sample')}. The Lab pairs sample n with the n-th of them, as a dump of MMPose's test with this bbox_file is ordered, so the counts must match${thr ? '' : ' (did the test set filter_cfg=dict(bbox_score_thr=…)? Set the same box score threshold here)'}.`,
    );
    return undefined;
  }
  if (pairing.instances.length !== boxes.list.length) messages.push(`${boxes.name}: ${described}.`);
  const unlabelled = Array.from({ length: k }, () => ({ x: Number.NaN, y: Number.NaN }));
  return {
    kind: 'coco',
    source: name,
    detections: boxes.name,
    perMap: Array.from({ length: n * k }, () => ({ x: Number.NaN, y: Number.NaN })),
    perSample: Array.from({ length: n }, () => cropTruth(unlabelled, geometry.inputW, geometry.inputH)),
    coco,
    instances: pairing.instances,
    ...(coco.keypointNames.length === k ? { names: coco.keypointNames } : {}),
  };
}

/** A COCO file's annotations in their crops: per sample in input pixels, per map in the rows' units. */
function cocoPerMap(
  instances: readonly TopdownInstance[],
  geometry: TruthGeometry,
  units: TruthUnits,
): { perMap: Point[]; perSample: KeypointTruth[] } {
  const perSample: KeypointTruth[] = [];
  const perMap: Point[] = [];
  for (const { annotation, bbox } of instances) {
    if (!annotation) continue;
    const { truth } = cocoTruthInInput({ ...annotation, bbox }, geometry.inputW, geometry.inputH, geometry.mapping);
    perSample.push(truth);
    // Unlabelled keypoints (v = 0) have no error to measure.
    truth.keypoints.forEach((p, j) =>
      perMap.push((truth.visibility[j] as number) > 0 ? units.toRows(p) : { x: Number.NaN, y: Number.NaN }),
    );
  }
  return { perMap, perSample };
}
