/**
 * The Decoder Lab's ground truth: one point per map, in map order (sample by sample, keypoint
 * by keypoint), read from JSON or CSV, in heatmap or input pixels.
 *
 * JSON: an array of [x, y] (or [x, y, v], COCO's visibility ignored) or {x, y} points, nested
 * per sample or not, or COCO's flat [x1, y1, v1, x2, …] list. CSV: a row per point; the
 * columns named x and y when there is a header, else the first two.
 */
import type { Point } from '../stack.ts';
import { LabInputError } from './input.ts';

/** The frame the points are given in. */
export type GroundTruthUnits = 'heatmap' | 'input';

function pointsFromJson(value: unknown, expected: number, name: string): Point[] {
  // COCO's flat list of (x, y, visibility) triples, or a flat list of pairs.
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    const nums = value as number[];
    const step = nums.length === 3 * expected ? 3 : nums.length === 2 * expected ? 2 : 0;
    if (!step) {
      throw new LabInputError(
        `${name}: a flat list of ${nums.length} numbers; expected ${2 * expected} (x, y pairs) or ${3 * expected} (x, y, v triples) for ${expected} maps`,
      );
    }
    return Array.from({ length: expected }, (_, i) => ({ x: nums[step * i]!, y: nums[step * i + 1]! }));
  }
  const out: Point[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v) && v.length >= 2 && v.length <= 3 && v.every((c) => typeof c === 'number' || c === null)) {
      out.push({ x: (v[0] as number | null) ?? Number.NaN, y: (v[1] as number | null) ?? Number.NaN });
    } else if (Array.isArray(v)) {
      v.forEach((c, i) => walk(c, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object' && 'x' in v && 'y' in v) {
      const { x, y } = v as { x: unknown; y: unknown };
      if (typeof x !== 'number' || typeof y !== 'number')
        throw new LabInputError(`${name}: ${path} has a non-numeric x or y`);
      out.push({ x, y });
    } else {
      throw new LabInputError(
        `${name}: ${path || 'the top level'} is ${JSON.stringify(v)?.slice(0, 40)}; expected [x, y] or {"x", "y"} points`,
      );
    }
  };
  walk(value, '');
  return out;
}

function pointsFromCsv(text: string, name: string): Point[] {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/[,;\t]/).map((c) => c.trim()));
  if (!rows.length) throw new LabInputError(`${name}: no rows`);
  let xi = 0;
  let yi = 1;
  const header = rows[0]!;
  if (header.some((c) => c !== '' && Number.isNaN(Number(c)))) {
    const lower = header.map((c) => c.toLowerCase());
    xi = lower.indexOf('x');
    yi = lower.indexOf('y');
    if (xi < 0 || yi < 0) throw new LabInputError(`${name}: the header (${header.join(', ')}) has no x and y columns`);
    rows.shift();
  }
  return rows.map((row, i) => {
    const x = Number(row[xi]);
    const y = Number(row[yi]);
    if (row[xi] === undefined || row[yi] === undefined || Number.isNaN(x) || Number.isNaN(y)) {
      throw new LabInputError(`${name}: row ${i + 1} (${row.join(', ')}) has no numeric x and y`);
    }
    return { x, y };
  });
}

/**
 * Reads `expected` points from a ground-truth file. Throws a LabInputError when the file
 * cannot be read or holds a different number of points.
 */
export function parseGroundTruth(text: string, name: string, expected: number): Point[] {
  const trimmed = text.trim();
  let points: Point[];
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`);
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && 'keypoints' in value) {
      value = (value as { keypoints: unknown }).keypoints;
    }
    points = pointsFromJson(value, expected, name);
  } else {
    points = pointsFromCsv(trimmed, name);
  }
  if (points.length !== expected) {
    throw new LabInputError(
      `${name}: ${points.length} point${points.length === 1 ? '' : 's'}, but the heatmaps hold ${expected} maps; expected one point per map, in map order`,
    );
  }
  return points;
}

/** Points in heatmap pixels: input pixels are divided by the stride (x_hm = x_in / s). */
export function groundTruthInHeatmap(points: readonly Point[], units: GroundTruthUnits, stride: number): Point[] {
  return units === 'heatmap'
    ? points.map((p) => ({ ...p }))
    : points.map((p) => ({ x: p.x / stride, y: p.y / stride }));
}
