/**
 * The Decoder Lab's ground truth: one point per map, in map order (sample by sample, keypoint
 * by keypoint), read from JSON or CSV, in heatmap or input pixels; or a whole COCO keypoints
 * file, a COCO results list (see `coco.ts`) or a detector's boxes (`detections.ts`), recognised
 * and handed over.
 *
 * JSON: an array of [x, y], [x, y, v] or {x, y} (or {x, y, v}) points, nested per sample or not,
 * or COCO's flat [x1, y1, v1, x2, …] list. A point is unlabelled, and so left out of every error
 * and metric, when it is `null`, when its x or y is `null`, or when its visibility v is 0 (COCO's
 * "not labelled", whatever x and y hold: COCO writes (0, 0, 0)). CSV: a row per point; the
 * columns named x and y (and v or visibility, if any) when there is a header, else the first two
 * (a third column without a header is not read: it may be a score); an empty or NaN cell is
 * unlabelled too.
 *
 * Hostile files get the reader's own message: a file larger than {@link GROUND_TRUTH_LIMITS}
 * is refused from its size before it is parsed, JSON is walked without recursion and refused
 * past a nesting depth, and reading stops once it has more points than any stack holds.
 */
import { mappingScale, type InputMapping } from '../mapping.ts';
import type { KeypointTruth } from '../metrics.ts';
import type { Point } from '../stack.ts';
import {
  cocoKeypointsFromJson,
  cocoResultsFromJson,
  COCO_LIMITS,
  isCocoKeypoints,
  isCocoResults,
  type CocoKeypoints,
  type CocoResult,
} from './coco.ts';
import { cocoDetectionsFromJson, isCocoDetections, type CocoDetection } from './detections.ts';
import { LAB_LIMITS, LabInputError, previewJsonValue } from './input.ts';

/** The frame the points are given in. */
export type GroundTruthUnits = 'heatmap' | 'input';

/** What the Lab reads as ground truth. */
export const GROUND_TRUTH_LIMITS = {
  /** Largest file, bytes (the same as COCO files). */
  maxBytes: COCO_LIMITS.maxBytes,
  /** Most points: one per map. */
  maxPoints: LAB_LIMITS.maxMaps,
  /** Deepest nesting of JSON arrays: points nested per sample are three deep. */
  maxDepth: 8,
} as const;

/** Refuses a ground-truth file from its size, before it is read. */
export function checkGroundTruthSize(name: string, bytes: number): void {
  if (bytes > GROUND_TRUTH_LIMITS.maxBytes) {
    throw new LabInputError(
      `${name}: ${(bytes / 2 ** 20).toFixed(0)} MiB is larger than the Lab reads for ground truth (${GROUND_TRUTH_LIMITS.maxBytes / 2 ** 20} MiB)`,
    );
  }
  if (bytes === 0) throw new LabInputError(`${name}: the file is empty`);
}

/** A point that is not labelled: no error or metric is computed against it. */
const UNLABELLED: Point = { x: Number.NaN, y: Number.NaN };

/**
 * A point from its x, y and COCO visibility: unlabelled when x or y is null or NaN, or when v is
 * 0 (v = 1, labelled but not visible, and v = 2 are both labelled, as COCO's evaluation counts
 * them).
 */
function labelled(x: number | null, y: number | null, v?: number | null): Point {
  if (x === null || y === null || v === 0 || Number.isNaN(x) || Number.isNaN(y)) return { ...UNLABELLED };
  return { x, y };
}

const tooMany = (name: string): LabInputError =>
  new LabInputError(
    `${name}: more than ${GROUND_TRUTH_LIMITS.maxPoints.toLocaleString('en')} points, more than any stack the Lab takes holds`,
  );

function pointsFromJson(value: unknown, expected: number, name: string): Point[] {
  // COCO's flat list of (x, y, visibility) triples, or a flat list of pairs.
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
    const nums = value as number[];
    const step = nums.length === 3 * expected ? 3 : nums.length === 2 * expected ? 2 : 0;
    if (!step) {
      throw new LabInputError(
        `${name}: a flat list of ${nums.length} numbers; expected ${2 * expected} (x, y pairs) or ${3 * expected} (x, y, v triples) for ${expected} maps`,
      );
    }
    return Array.from({ length: expected }, (_, i) =>
      labelled(nums[step * i]!, nums[step * i + 1]!, step === 3 ? nums[step * i + 2]! : undefined),
    );
  }
  const out: Point[] = [];
  // Depth-first with an explicit stack of (value, path, depth), children pushed in reverse.
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (v === null && depth > 0) {
      out.push(UNLABELLED);
      if (out.length > GROUND_TRUTH_LIMITS.maxPoints) throw tooMany(name);
    } else if (
      Array.isArray(v) &&
      v.length >= 2 &&
      v.length <= 3 &&
      v.every((c) => typeof c === 'number' || c === null)
    ) {
      out.push(labelled(v[0] as number | null, v[1] as number | null, v[2] as number | null | undefined));
      if (out.length > GROUND_TRUTH_LIMITS.maxPoints) throw tooMany(name);
    } else if (Array.isArray(v)) {
      if (depth >= GROUND_TRUTH_LIMITS.maxDepth) {
        throw new LabInputError(
          `${name}: ${path || 'the top level'} nests arrays more than ${GROUND_TRUTH_LIMITS.maxDepth} deep; expected points, per sample or not`,
        );
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else if (v !== null && typeof v === 'object' && 'x' in v && 'y' in v) {
      const { x, y, v: visibility } = v as { x: unknown; y: unknown; v?: unknown };
      const numberOrNull = (c: unknown) => typeof c === 'number' || c === null;
      if (!numberOrNull(x) || !numberOrNull(y) || !(visibility === undefined || numberOrNull(visibility)))
        throw new LabInputError(`${name}: ${path} has an x, y or v that is neither a number nor null`);
      out.push(labelled(x as number | null, y as number | null, visibility as number | null | undefined));
      if (out.length > GROUND_TRUTH_LIMITS.maxPoints) throw tooMany(name);
    } else {
      throw new LabInputError(
        `${name}: ${path || 'the top level'} is ${previewJsonValue(v)}; expected [x, y] or {"x", "y"} points`,
      );
    }
  }
  return out;
}

/** A CSV cell the Lab reads as a number: digits, NaN, or empty (unlabelled). */
function isCsvNumber(cell: string): boolean {
  return cell === '' || /^nan$/i.test(cell) || !Number.isNaN(Number(cell));
}

function pointsFromCsv(text: string, name: string): Point[] {
  // Count lines before splitting: a file of more rows than points is refused without them.
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > GROUND_TRUTH_LIMITS.maxPoints + 1) throw tooMany(name);
  }
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/[,;\t]/).map((c) => c.trim()));
  if (!rows.length) throw new LabInputError(`${name}: no rows`);
  let xi = 0;
  let yi = 1;
  let vi = -1;
  const header = rows[0]!;
  if (header.some((c) => c !== '' && !isCsvNumber(c))) {
    const lower = header.map((c) => c.toLowerCase());
    xi = lower.indexOf('x');
    yi = lower.indexOf('y');
    vi = lower.findIndex((c) => c === 'v' || c === 'visibility');
    if (xi < 0 || yi < 0) throw new LabInputError(`${name}: the header (${header.join(', ')}) has no x and y columns`);
    rows.shift();
  }
  return rows.map((row, i) => {
    const [x, y, v] = [row[xi], row[yi], vi < 0 ? '' : (row[vi] ?? '')];
    if (x === undefined || y === undefined || !isCsvNumber(x) || !isCsvNumber(y) || !isCsvNumber(v)) {
      throw new LabInputError(
        `${name}: row ${i + 1} (${row.join(', ').slice(0, 60)}) has no numeric x and y (an empty or NaN cell marks an unlabelled point)`,
      );
    }
    const number = (c: string) => (c === '' ? null : Number(c));
    return labelled(number(x), number(y), number(v));
  });
}

/** What a ground-truth file turned out to be. */
export type GroundTruthFile =
  | { kind: 'points'; points: Point[] }
  | { kind: 'coco'; coco: CocoKeypoints }
  | { kind: 'cocoResults'; results: CocoResult[] }
  | { kind: 'detections'; detections: CocoDetection[] };

/**
 * Whether text decoded from a file's bytes came from a binary file: it holds NUL characters, or
 * U+FFFD where the bytes were not UTF-8. (Char codes, not a string literal: a bundler would write
 * a literal U+FFFD into the page's script, a character the site's fonts do not carry.)
 */
function looksBinary(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0 || c === 0xfffd) return true;
  }
  return false;
}

/**
 * Reads a ground-truth file of any kind the Lab takes: per-map points (`expected` of them; NaN
 * when no heatmaps are loaded, and then a flat COCO list cannot be split),
 * a whole COCO keypoints file, a COCO results list, or a person detector's boxes (MMPose's
 * `bbox_file`). The size is checked first.
 */
export function readGroundTruth(text: string, name: string, expected: number): GroundTruthFile {
  checkGroundTruthSize(name, text.length);
  if (looksBinary(text.slice(0, 4096))) {
    throw new LabInputError(
      `${name}: not a text file (it holds binary data); the ground truth is JSON or CSV points, a COCO keypoints or results file, or a detector's boxes`,
    );
  }
  const trimmed = text.trim();
  if (!(trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    return { kind: 'points', points: checkCount(pointsFromCsv(trimmed, name), expected, name) };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (isCocoKeypoints(value)) return { kind: 'coco', coco: cocoKeypointsFromJson(value, name) };
  if (isCocoResults(value)) return { kind: 'cocoResults', results: cocoResultsFromJson(value, name) };
  if (isCocoDetections(value)) return { kind: 'detections', detections: cocoDetectionsFromJson(value, name) };
  if (value && typeof value === 'object' && !Array.isArray(value) && 'keypoints' in value) {
    value = (value as { keypoints: unknown }).keypoints;
  }
  return { kind: 'points', points: checkCount(pointsFromJson(value, expected, name), expected, name) };
}

function checkCount(points: Point[], expected: number, name: string): Point[] {
  // No heatmaps yet (NaN): the points wait for them, whatever their count.
  if (points.length !== expected && !Number.isNaN(expected)) {
    throw new LabInputError(
      `${name}: ${points.length} point${points.length === 1 ? '' : 's'}, but the heatmaps hold ${expected} maps; expected one point per map, in map order`,
    );
  }
  return points;
}

/**
 * Reads `expected` points from a ground-truth file. Throws a LabInputError when the file
 * cannot be read or holds a different number of points; a whole COCO file or a results list
 * is refused here with a pointer to `readGroundTruth`, which takes them.
 */
export function parseGroundTruth(text: string, name: string, expected: number): Point[] {
  const file = readGroundTruth(text, name, expected);
  if (file.kind === 'points') return file.points;
  throw new LabInputError(
    file.kind === 'coco'
      ? `${name}: a whole COCO keypoints file (${file.coco.annotations.length} annotations in image pixels); load it as COCO ground truth`
      : file.kind === 'detections'
        ? `${name}: a detector's boxes (${file.detections.length} detections); load them with the COCO keypoints file of their images`
        : `${name}: a COCO results list (${file.results.length} detections); load it as COCO results`,
  );
}

/**
 * Points in heatmap pixels: input pixels are divided by the stride (x_hm = x_in / s), or, with
 * the UDP mapping and the heatmap size, by (w-1)/(W-1) where w = s·W.
 */
export function groundTruthInHeatmap(
  points: readonly Point[],
  units: GroundTruthUnits,
  stride: number,
  mapping: { mapping: InputMapping; heatmapW: number; heatmapH: number } = {
    mapping: 'stride',
    heatmapW: 1,
    heatmapH: 1,
  },
): Point[] {
  if (units === 'heatmap') return points.map((p) => ({ ...p }));
  if (mapping.mapping === 'stride') return points.map((p) => ({ x: p.x / stride, y: p.y / stride }));
  const { heatmapW, heatmapH } = mapping;
  const s = mappingScale({ inputW: heatmapW * stride, inputH: heatmapH * stride, heatmapW, heatmapH }, 'udp');
  return points.map((p) => ({ x: p.x / s.x, y: p.y / s.y }));
}

/**
 * Per-map points of one sample (K, input pixels) as a metrics ground truth, for files without
 * boxes: a keypoint is labelled when finite; the box is the crop without MMPose's padding
 * (w/1.25 × h/1.25, centred) and the area is that box's. OKS, PCK and AP computed against it
 * rest on that assumed box, which the Lab should say.
 */
export function cropTruth(points: readonly Point[], inputW: number, inputH: number, padding = 1.25): KeypointTruth {
  const bw = inputW / padding;
  const bh = inputH / padding;
  return {
    keypoints: points,
    visibility: points.map((p) => (Number.isFinite(p.x) && Number.isFinite(p.y) ? 2 : 0)),
    area: bw * bh,
    bbox: [(inputW - bw) / 2, (inputH - bh) / 2, bw, bh],
  };
}
