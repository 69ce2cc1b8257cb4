/**
 * COCO keypoint files for the Decoder Lab: a whole ground-truth file (`images`, `annotations`
 * with `keypoints` as [x1, y1, v1, x2, …], `num_keypoints`, `bbox` [x, y, w, h], `area`,
 * `iscrowd`, and `categories[0].keypoints` for the names) and a results list
 * (`[{image_id, category_id, keypoints, score}, …]`), as https://cocodataset.org/#format-data
 * and #format-results describe them. Sizes are refused before parsing, values are checked as
 * they are read (without recursion), and every refusal is a LabInputError naming the file and
 * the entry.
 *
 * Coordinates are image pixels. `cocoTruthInInput` maps an annotation into its top-down crop
 * (MMPose's box, padding 1.25, the input's aspect ratio) under the stride or UDP mapping.
 */
import { imageToInput, mmposeCrop, type Crop, type InputMapping } from '../mapping.ts';
import type { CocoEvalInput, CocoEvalResult } from '../cocoeval.ts';
import type { ApImage, KeypointPrediction, KeypointTruth } from '../metrics.ts';
import type { Point } from '../stack.ts';
import { LabInputError, previewJsonValue } from './input.ts';

/** What the Lab reads of COCO files. */
export const COCO_LIMITS = {
  /** Largest file, bytes (COCO val2017's person_keypoints file is 10 MB). */
  maxBytes: 32 * 2 ** 20,
  /** Most annotations or results. */
  maxEntries: 250_000,
  /** Most keypoints per instance. */
  maxKeypoints: 1024,
} as const;

/** An image entry of a COCO file. */
export interface CocoImage {
  id: number;
  width?: number;
  height?: number;
  fileName?: string;
}

/** A keypoint annotation, in image pixels. */
export interface CocoAnnotation {
  id: number;
  imageId: number;
  categoryId: number;
  keypoints: Point[];
  /** COCO's v per keypoint: 0 not labelled, 1 labelled but hidden, 2 visible. */
  visibility: number[];
  numKeypoints: number;
  bbox: [number, number, number, number];
  area: number;
  iscrowd: boolean;
}

/** A whole COCO keypoints ground-truth file. */
export interface CocoKeypoints {
  images: CocoImage[];
  annotations: CocoAnnotation[];
  /** Keypoints per instance. */
  k: number;
  /** `categories[0].keypoints`, or empty when the file gives none. */
  keypointNames: string[];
  /** The ids of the file's `categories` (COCOeval evaluates these), in file order. */
  categoryIds: number[];
}

/** One entry of a COCO results list, in image pixels. */
export interface CocoResult {
  imageId: number;
  categoryId: number;
  keypoints: Point[];
  /** The third value of each triple: the keypoint's score. */
  keypointScores: number[];
  score: number;
  /** The result's `bbox` when it has one (COCOeval then takes its area from it). */
  bbox?: number[];
}

/** Refuses a COCO or ground-truth file larger than the Lab reads, before it is read. */
export function checkCocoSize(name: string, bytes: number): void {
  if (bytes > COCO_LIMITS.maxBytes) {
    throw new LabInputError(
      `${name}: ${(bytes / 2 ** 20).toFixed(0)} MiB is larger than the Lab reads for ground truth (${COCO_LIMITS.maxBytes / 2 ** 20} MiB)`,
    );
  }
  if (bytes === 0) throw new LabInputError(`${name}: the file is empty`);
}

function parseJson(text: string, name: string): unknown {
  checkCocoSize(name, text.length);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function finite(v: unknown, where: string, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new LabInputError(`${name}: ${where} is ${previewJsonValue(v)}, not a finite number`);
  }
  return v;
}

/** [x1, y1, v1, …] triples as points and third values, checked. */
function triples(v: unknown, where: string, name: string): { points: Point[]; third: number[] } {
  if (!Array.isArray(v) || v.length % 3 !== 0 || v.length === 0) {
    throw new LabInputError(`${name}: ${where} should be a list of (x, y, v) triples`);
  }
  if (v.length / 3 > COCO_LIMITS.maxKeypoints) {
    throw new LabInputError(`${name}: ${where} has more than ${COCO_LIMITS.maxKeypoints} keypoints`);
  }
  const points: Point[] = [];
  const third: number[] = [];
  for (let i = 0; i < v.length; i += 3) {
    points.push({ x: finite(v[i], `${where}[${i}]`, name), y: finite(v[i + 1], `${where}[${i + 1}]`, name) });
    third.push(finite(v[i + 2], `${where}[${i + 2}]`, name));
  }
  return { points, third };
}

/** Whether a parsed JSON value looks like a whole COCO keypoints file. */
export function isCocoKeypoints(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.annotations);
}

/** Whether a parsed JSON value looks like a COCO results list. */
export function isCocoResults(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    isRecord(value[0]) &&
    'image_id' in value[0] &&
    'keypoints' in value[0] &&
    'score' in value[0]
  );
}

/** Reads a whole COCO keypoints ground-truth file (parsed JSON). */
export function cocoKeypointsFromJson(value: unknown, name: string): CocoKeypoints {
  if (!isCocoKeypoints(value)) {
    throw new LabInputError(`${name}: not a COCO keypoints file (no "annotations" list)`);
  }
  const file = value as Record<string, unknown>;
  const annotationsIn = file.annotations as unknown[];
  if (annotationsIn.length > COCO_LIMITS.maxEntries) {
    throw new LabInputError(
      `${name}: ${annotationsIn.length} annotations are more than the Lab reads (${COCO_LIMITS.maxEntries})`,
    );
  }
  const imagesIn = Array.isArray(file.images) ? file.images : [];
  if (imagesIn.length > COCO_LIMITS.maxEntries) {
    throw new LabInputError(
      `${name}: ${imagesIn.length} images are more than the Lab reads (${COCO_LIMITS.maxEntries})`,
    );
  }
  const categories = Array.isArray(file.categories) ? file.categories : [];
  const names = isRecord(categories[0]) && Array.isArray(categories[0].keypoints) ? categories[0].keypoints : [];
  const keypointNames = names
    .slice(0, COCO_LIMITS.maxKeypoints)
    .map((n) => (typeof n === 'string' ? n : previewJsonValue(n)));
  const images: CocoImage[] = imagesIn.map((im, i) => {
    if (!isRecord(im)) throw new LabInputError(`${name}: images[${i}] is ${previewJsonValue(im)}, not an object`);
    return {
      id: finite(im.id, `images[${i}].id`, name),
      ...(typeof im.width === 'number' ? { width: im.width } : {}),
      ...(typeof im.height === 'number' ? { height: im.height } : {}),
      ...(typeof im.file_name === 'string' ? { fileName: im.file_name } : {}),
    };
  });
  let k = keypointNames.length;
  const annotations: CocoAnnotation[] = [];
  annotationsIn.forEach((a, i) => {
    const where = `annotations[${i}]`;
    if (!isRecord(a)) throw new LabInputError(`${name}: ${where} is ${previewJsonValue(a)}, not an object`);
    if (a.keypoints === undefined) return;
    const { points, third } = triples(a.keypoints, `${where}.keypoints`, name);
    if (!k) k = points.length;
    if (points.length !== k) {
      throw new LabInputError(`${name}: ${where} has ${points.length} keypoints; the file's others have ${k}`);
    }
    const bbox = a.bbox;
    if (!Array.isArray(bbox) || bbox.length !== 4)
      throw new LabInputError(`${name}: ${where}.bbox should be [x, y, w, h]`);
    const box = bbox.map((v, j) => finite(v, `${where}.bbox[${j}]`, name)) as [number, number, number, number];
    annotations.push({
      id: typeof a.id === 'number' ? a.id : i,
      imageId: finite(a.image_id, `${where}.image_id`, name),
      categoryId: typeof a.category_id === 'number' ? a.category_id : 1,
      keypoints: points,
      visibility: third,
      numKeypoints: typeof a.num_keypoints === 'number' ? a.num_keypoints : third.filter((v) => v > 0).length,
      bbox: box,
      area: a.area === undefined ? box[2] * box[3] : finite(a.area, `${where}.area`, name),
      iscrowd: a.iscrowd === 1 || a.iscrowd === true,
    });
  });
  if (!annotations.length) throw new LabInputError(`${name}: no annotation has keypoints`);
  const categoryIds = categories.flatMap((c) => (isRecord(c) && typeof c.id === 'number' ? [c.id] : []));
  return { images, annotations, k, keypointNames, categoryIds };
}

/** Reads a whole COCO keypoints ground-truth file from its text (size checked first). */
export function parseCocoKeypoints(text: string, name: string): CocoKeypoints {
  return cocoKeypointsFromJson(parseJson(text, name), name);
}

/** Reads a COCO results list (parsed JSON). */
export function cocoResultsFromJson(value: unknown, name: string): CocoResult[] {
  if (!Array.isArray(value)) throw new LabInputError(`${name}: a COCO results file is a list of detections`);
  if (value.length > COCO_LIMITS.maxEntries) {
    throw new LabInputError(`${name}: ${value.length} results are more than the Lab reads (${COCO_LIMITS.maxEntries})`);
  }
  let k = 0;
  return value.map((r, i) => {
    const where = `[${i}]`;
    if (!isRecord(r)) throw new LabInputError(`${name}: ${where} is ${previewJsonValue(r)}, not an object`);
    const { points, third } = triples(r.keypoints, `${where}.keypoints`, name);
    if (!k) k = points.length;
    if (points.length !== k)
      throw new LabInputError(`${name}: ${where} has ${points.length} keypoints; the others have ${k}`);
    return {
      imageId: finite(r.image_id, `${where}.image_id`, name),
      categoryId: typeof r.category_id === 'number' ? r.category_id : 1,
      keypoints: points,
      keypointScores: third,
      score: finite(r.score, `${where}.score`, name),
      ...(Array.isArray(r.bbox) && r.bbox.length > 0
        ? { bbox: r.bbox.map((v, j) => finite(v, `${where}.bbox[${j}]`, name)) }
        : {}),
    };
  });
}

/** Reads a COCO results list from its text (size checked first). */
export function parseCocoResults(text: string, name: string): CocoResult[] {
  return cocoResultsFromJson(parseJson(text, name), name);
}

/**
 * A ground-truth file and a results list as pycocotools' keypoint evaluation reads them
 * (`cocoEvaluate`), with per-keypoint σ (COCO-17's by default when the file has 17 keypoints).
 */
export function cocoEvalInput(
  coco: CocoKeypoints,
  results: readonly CocoEvalResult[],
  sigmas: readonly number[],
): CocoEvalInput {
  return {
    imageIds: coco.images.map((im) => im.id),
    categoryIds: coco.categoryIds,
    truths: coco.annotations,
    results,
    sigmas,
  };
}

/** An annotation as a metrics ground truth, in image pixels. */
export function cocoTruth(a: CocoAnnotation): KeypointTruth {
  return { keypoints: a.keypoints, visibility: a.visibility, area: a.area, bbox: a.bbox, iscrowd: a.iscrowd };
}

/**
 * An annotation mapped into its top-down crop of `inputW × inputH` (MMPose's box and padding,
 * see `mmposeCrop`) under a mapping: keypoints and box in input pixels, the area scaled by
 * the same factors, with the crop for mapping predictions back.
 */
export function cocoTruthInInput(
  a: CocoAnnotation,
  inputW: number,
  inputH: number,
  mapping: InputMapping,
  padding = 1.25,
): { truth: KeypointTruth; crop: Crop } {
  const crop = mmposeCrop(a.bbox, inputW, inputH, padding);
  const toInput = (p: Point) => imageToInput(p, crop, inputW, inputH, mapping);
  const [x, y, w, h] = a.bbox;
  const corner = toInput({ x, y });
  const far = toInput({ x: x + w, y: y + h });
  const fx = (far.x - corner.x) / (w || 1);
  const fy = (far.y - corner.y) / (h || 1);
  return {
    truth: {
      keypoints: a.keypoints.map(toInput),
      visibility: a.visibility,
      area: a.area * fx * fy,
      bbox: [corner.x, corner.y, far.x - corner.x, far.y - corner.y],
      iscrowd: a.iscrowd,
    },
    crop,
  };
}

/**
 * Ground truth and results grouped by image for `keypointAp`: every annotation of the ground
 * truth, every result of the list, matched by `image_id` (results for images the ground truth
 * does not hold are left out, as COCOeval's image ids are the ground truth's).
 */
export function cocoApImages(coco: CocoKeypoints, results: readonly CocoResult[]): ApImage[] {
  const byImage = new Map<number, { truths: KeypointTruth[]; predictions: KeypointPrediction[] }>();
  // Every image of the file counts: results on an image without annotations are false positives.
  for (const im of coco.images) byImage.set(im.id, { truths: [], predictions: [] });
  for (const a of coco.annotations) {
    let entry = byImage.get(a.imageId);
    if (!entry) byImage.set(a.imageId, (entry = { truths: [], predictions: [] }));
    entry.truths.push(cocoTruth(a));
  }
  for (const r of results) byImage.get(r.imageId)?.predictions.push({ keypoints: r.keypoints, score: r.score });
  return [...byImage.values()];
}
