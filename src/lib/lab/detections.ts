/**
 * A person detector's boxes as MMPose's top-down test reads them: the `bbox_file` of its COCO
 * configs (`COCO_val2017_detections_AP_H_56_person.json`), a list of `{image_id, category_id,
 * bbox: [x, y, w, h], score}` in image pixels. Read from MMPose 1.x
 * (`BaseCocoStyleDataset._load_detection_results` and `filter_data`, 759b39c, not copied):
 *
 * - detections in the file's order; one whose `category_id` is not 1 (person) is skipped;
 * - each kept one gets the next id (0, 1, 2, …), its box as float32 xyxy (x, y, x + w, y + h,
 *   not clipped to the image) and its score as float32;
 * - with `filter_cfg=dict(bbox_score_thr=t)`, a detection scoring below t is then dropped (its id
 *   stays unused); MMPose's COCO configs set no filter, so every person detection is a sample.
 *
 * MMPose stops with a KeyError on a detection whose image the ground-truth file does not list;
 * here that is the reader's message.
 */
import { LabInputError, previewJsonValue } from './input.ts';
import { COCO_LIMITS, type CocoKeypoints } from './coco.ts';
import type { TopdownInstance } from './topdown.ts';

/** One detection of a detector's results file. */
export interface CocoDetection {
  imageId: number;
  categoryId: number;
  /** [x, y, w, h] in image pixels. */
  bbox: [number, number, number, number];
  score: number;
}

/** The category MMPose keeps: person. */
const PERSON = 1;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a parsed JSON value looks like a detector's results: boxes with scores, no keypoints. */
export function isCocoDetections(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0 || !isRecord(value[0])) return false;
  const first = value[0];
  return 'image_id' in first && 'bbox' in first && 'score' in first && !('keypoints' in first);
}

function finite(v: unknown, where: string, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new LabInputError(`${name}: ${where} is ${previewJsonValue(v)}, not a finite number`);
  }
  return v;
}

/** Reads a detector's results list (parsed JSON), every entry checked. */
export function cocoDetectionsFromJson(value: unknown, name: string): CocoDetection[] {
  if (!Array.isArray(value)) throw new LabInputError(`${name}: a detector's results file is a list of boxes`);
  if (value.length > COCO_LIMITS.maxEntries) {
    throw new LabInputError(
      `${name}: ${value.length.toLocaleString('en')} detections are more than the Lab reads (${COCO_LIMITS.maxEntries.toLocaleString('en')})`,
    );
  }
  return value.map((d, i) => {
    const where = `[${i}]`;
    if (!isRecord(d)) throw new LabInputError(`${name}: ${where} is ${previewJsonValue(d)}, not an object`);
    if (!Array.isArray(d.bbox) || d.bbox.length < 4) {
      throw new LabInputError(`${name}: ${where}.bbox should be [x, y, width, height]`);
    }
    const box = d.bbox.slice(0, 4).map((v, j) => finite(v, `${where}.bbox[${j}]`, name));
    return {
      imageId: finite(d.image_id, `${where}.image_id`, name),
      categoryId: finite(d.category_id, `${where}.category_id`, name),
      bbox: box as [number, number, number, number],
      score: finite(d.score, `${where}.score`, name),
    };
  });
}

/** The samples of a detected-box test, in MMPose's order, and what was left out. */
export interface DetectionPairing {
  instances: TopdownInstance[];
  /** Detections of another category than person. */
  otherCategory: number;
  /** Person detections scoring below the threshold. */
  belowThreshold: number;
}

const f32 = Math.fround;

/** MMPose's samples for a detector's boxes on a ground-truth file's images (see the module comment). */
export function mmposeDetectionInstances(
  coco: CocoKeypoints,
  detections: readonly CocoDetection[],
  bboxScoreThr = 0,
  name = 'the detections file',
): DetectionPairing {
  const images = new Set(coco.images.map((im) => im.id));
  const instances: TopdownInstance[] = [];
  let id = 0;
  let otherCategory = 0;
  let belowThreshold = 0;
  detections.forEach((d, i) => {
    if (d.categoryId !== PERSON) {
      otherCategory++;
      return;
    }
    if (!images.has(d.imageId)) {
      throw new LabInputError(
        `${name}: detection [${i}] is on image ${d.imageId}, which the ground-truth file does not list (MMPose stops there too)`,
      );
    }
    const [x, y, w, h] = d.bbox.map(f32) as [number, number, number, number];
    const x2 = f32(x + w);
    const y2 = f32(y + h);
    const score = f32(d.score);
    const sample = id++;
    if (score < f32(bboxScoreThr)) {
      belowThreshold++;
      return;
    }
    instances.push({
      id: sample,
      imageId: d.imageId,
      categoryId: PERSON,
      bbox: [x, y, f32(x2 - x), f32(y2 - y)],
      bboxScore: score,
    });
  });
  return { instances, otherCategory, belowThreshold };
}

/** "MMPose's detected-box test keeps 104,125 of 104,125 detections (…)": what the pairing did. */
export function describeDetectionPairing(pairing: DetectionPairing, total: number, bboxScoreThr: number): string {
  const kept = `MMPose's test with detected boxes keeps ${pairing.instances.length.toLocaleString('en')} of ${total.toLocaleString('en')} detections`;
  const parts = [
    pairing.otherCategory ? `${pairing.otherCategory.toLocaleString('en')} not of a person (category_id ≠ 1)` : '',
    pairing.belowThreshold
      ? `${pairing.belowThreshold.toLocaleString('en')} scoring below bbox_score_thr ${bboxScoreThr}`
      : '',
  ].filter(Boolean);
  return `${kept}${parts.length ? ` (dropped: ${parts.join(', ')})` : ''}`;
}
