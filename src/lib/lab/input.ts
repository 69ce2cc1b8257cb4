/**
 * The Decoder Lab's inputs: a reader's heatmaps as `.npy` ([K, H, W] or [N, K, H, W], any
 * float dtype, either byte order, C or Fortran order), as a JSON array of the same shapes, or
 * as one grayscale image per keypoint. Every reader checks the size against LAB_LIMITS before
 * it allocates, and every refusal is a LabInputError whose message says what is wrong and
 * what was expected.
 */
import { NpyError, parseNpy } from '../npy.ts';

/** What the Lab accepts, so that a hostile file cannot exhaust memory. */
export const LAB_LIMITS = {
  /** Largest height or width of one map, cells. */
  maxSide: 1024,
  /** Most values in all, N × K × H × W (2^25: 128 MiB as float32). */
  maxValues: 2 ** 25,
  /** Most maps, N × K. */
  maxMaps: 65_536,
  /** Largest file, bytes (a float64 .npy at maxValues, or its JSON, is far larger). */
  maxFileBytes: 256 * 2 ** 20,
} as const;

/** A refusal of a reader's file; the message is written for the reader. */
export class LabInputError extends Error {
  override name = 'LabInputError';
}

/** N samples of K maps of H × W, C order: value (n, k, y, x) at ((n·K + k)·H + y)·W + x. */
export interface LabStack {
  n: number;
  k: number;
  h: number;
  w: number;
  data: Float32Array;
  /** Where the maps came from, for messages and exports. */
  source: string;
}

/** Refuses a file larger than the Lab reads, before it is read. */
export function checkFileSize(name: string, bytes: number): void {
  if (bytes > LAB_LIMITS.maxFileBytes) {
    throw new LabInputError(
      `${name}: ${(bytes / 2 ** 20).toFixed(0)} MiB is larger than the Lab reads (${LAB_LIMITS.maxFileBytes / 2 ** 20} MiB)`,
    );
  }
  if (bytes === 0) throw new LabInputError(`${name}: the file is empty`);
}

/** Checks a shape against the Lab's expectations and limits; returns it as [N, K, H, W]. */
export function checkShape(shape: readonly number[], name: string): [number, number, number, number] {
  const text = `(${shape.join(', ')})`;
  if (shape.length !== 3 && shape.length !== 4) {
    throw new LabInputError(
      `${name}: shape ${text} has ${shape.length} dimension${shape.length === 1 ? '' : 's'}; expected [K, H, W] (one sample) or [N, K, H, W]`,
    );
  }
  if (shape.some((d) => d === 0))
    throw new LabInputError(`${name}: shape ${text} has a zero dimension; nothing to decode`);
  const [n, k, h, w] = (shape.length === 3 ? [1, ...shape] : shape) as [number, number, number, number];
  if (h > LAB_LIMITS.maxSide || w > LAB_LIMITS.maxSide) {
    throw new LabInputError(
      `${name}: maps of ${h} × ${w} cells are larger than the Lab takes (${LAB_LIMITS.maxSide} per side)`,
    );
  }
  if (n * k > LAB_LIMITS.maxMaps) {
    throw new LabInputError(`${name}: ${n * k} maps are more than the Lab takes (${LAB_LIMITS.maxMaps})`);
  }
  if (n * k * h * w > LAB_LIMITS.maxValues) {
    throw new LabInputError(
      `${name}: shape ${text} holds ${(n * k * h * w).toLocaleString('en')} values, more than the Lab takes (${LAB_LIMITS.maxValues.toLocaleString('en')})`,
    );
  }
  if (h < 3 || w < 3) {
    throw new LabInputError(`${name}: maps of ${h} × ${w} cells are too small to decode (at least 3 × 3)`);
  }
  return [n, k, h, w];
}

/** Reads a `.npy` file of heatmaps. */
export function stackFromNpy(bytes: Uint8Array | ArrayBuffer, name: string): LabStack {
  let parsed;
  try {
    parsed = parseNpy(bytes, { maxElements: LAB_LIMITS.maxValues });
  } catch (error) {
    if (error instanceof NpyError) throw new LabInputError(`${name}: ${error.message}`);
    throw error;
  }
  const [n, k, h, w] = checkShape(parsed.shape, name);
  const data = parsed.data instanceof Float32Array ? parsed.data : Float32Array.from(parsed.data);
  return { n, k, h, w, data, source: name };
}

/** The shape of a nested JSON array, read along its first elements. */
function jsonShape(value: unknown): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (shape.length > 4 || v.length === 0) break;
    v = v[0];
  }
  return shape;
}

/**
 * Reads heatmaps from JSON: a nested array [K][H][W] or [N][K][H][W] of numbers (null stands
 * for a missing value and reads as NaN). Ragged arrays and other values are refused.
 */
export function stackFromJson(text: string, name: string): LabStack {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LabInputError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) {
    throw new LabInputError(`${name}: expected a JSON array of heatmaps, [K][H][W] or [N][K][H][W]`);
  }
  const shape = jsonShape(value);
  const [n, k, h, w] = checkShape(shape, name);
  const data = new Float32Array(n * k * h * w);
  const samples = shape.length === 3 ? [value] : (value as unknown[]);
  let j = 0;
  const where = (...index: number[]) => index.map((i) => `[${i}]`).join('');
  samples.forEach((sample, a) => {
    const prefix = shape.length === 3 ? [] : [a];
    if (!Array.isArray(sample) || sample.length !== k) {
      throw new LabInputError(`${name}: ${where(...prefix)} should hold ${k} maps; the array is ragged`);
    }
    sample.forEach((map: unknown, b) => {
      if (!Array.isArray(map) || map.length !== h) {
        throw new LabInputError(`${name}: ${where(...prefix, b)} should hold ${h} rows; the array is ragged`);
      }
      map.forEach((row: unknown, y) => {
        if (!Array.isArray(row) || row.length !== w) {
          throw new LabInputError(`${name}: ${where(...prefix, b, y)} should hold ${w} values; the array is ragged`);
        }
        row.forEach((v: unknown, x) => {
          if (v === null) data[j++] = Number.NaN;
          else if (typeof v === 'number') data[j++] = v;
          else throw new LabInputError(`${name}: ${where(...prefix, b, y, x)} is ${JSON.stringify(v)}, not a number`);
        });
      });
    });
  });
  return { n, k, h, w, data, source: name };
}

/** A decoded image: RGBA bytes, as a canvas returns them. */
export interface LabImage {
  name: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/**
 * One sample of K maps from K grayscale images, one per keypoint in the order given. A value
 * is the pixel's grey level over 255 (the mean of R, G and B, for images that are not grey).
 */
export function stackFromImages(images: readonly LabImage[]): LabStack {
  const first = images[0];
  if (!first) throw new LabInputError('no images given');
  const different = images.find((im) => im.width !== first.width || im.height !== first.height);
  if (different) {
    throw new LabInputError(
      `${different.name} is ${different.width} × ${different.height} pixels but ${first.name} is ${first.width} × ${first.height}; every image must have the same size`,
    );
  }
  const [n, k, h, w] = checkShape([images.length, first.height, first.width], `${images.length} images`);
  const data = new Float32Array(n * k * h * w);
  const size = h * w;
  images.forEach((im, m) => {
    if (im.rgba.length !== 4 * size) {
      throw new LabInputError(`${im.name}: ${im.rgba.length} bytes of pixels, expected ${4 * size}`);
    }
    for (let i = 0; i < size; i++) {
      data[m * size + i] = (im.rgba[4 * i]! + im.rgba[4 * i + 1]! + im.rgba[4 * i + 2]!) / (3 * 255);
    }
  });
  return { n, k, h, w, data, source: images.map((im) => im.name).join(', ') };
}

/** Where a stack holds NaN or infinite values. */
export interface NonFiniteReport {
  /** Non-finite values in all. */
  count: number;
  /** For each map (n·K + k), whether it holds any; such maps are not decoded. */
  badMaps: boolean[];
  /** The first few, with their positions. */
  first: { n: number; k: number; x: number; y: number; value: number }[];
}

/** Finds the NaN and infinite values of a stack, listing the first `keep`. */
export function scanNonFinite(stack: LabStack, keep = 5): NonFiniteReport {
  const size = stack.h * stack.w;
  const maps = stack.n * stack.k;
  const badMaps = new Array<boolean>(maps).fill(false);
  const first: NonFiniteReport['first'] = [];
  let count = 0;
  for (let m = 0; m < maps; m++) {
    const base = m * size;
    for (let i = 0; i < size; i++) {
      const v = stack.data[base + i] as number;
      if (Number.isFinite(v)) continue;
      count++;
      badMaps[m] = true;
      if (first.length < keep) {
        first.push({
          n: Math.floor(m / stack.k),
          k: m % stack.k,
          x: i % stack.w,
          y: Math.floor(i / stack.w),
          value: v,
        });
      }
    }
  }
  return { count, badMaps, first };
}
