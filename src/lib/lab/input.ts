/**
 * The Decoder Lab's inputs: a reader's heatmaps as `.npy` ([K, H, W] or [N, K, H, W], any
 * float dtype, either byte order, C or Fortran order), as a JSON array of the same shapes, or
 * as one grayscale image per keypoint. Channels-last files ([H, W, K], [N, H, W, K]) are
 * recognised by the rule of `layout.ts` and transposed with a note, or refused when the shape
 * is ambiguous. Every reader checks the size against LAB_LIMITS before it allocates, and every
 * refusal is a LabInputError whose message says what is wrong and what was expected.
 */
import { NpyError, parseNpy, type NpyArray } from '../npy.ts';
import { listNpz, NpzError, parseNpz, type NpzArchive, type NpzEntry } from '../npz.ts';
import { channelsLastToFirst, readHeatmapLayout, type LayoutChoice } from './layout.ts';

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
  /** How the file was read when that is worth saying (channels last, transposed), else absent. */
  note?: string;
  /** The file's layout when it was not [N, K, H, W]: channels last, transposed on reading. */
  layout?: 'channelsLast';
}

/** Options of the stack readers. */
export interface StackReadOptions {
  /** The file's layout: `auto` (default) applies the rule of `layout.ts`. */
  layout?: LayoutChoice;
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

/** Checks a channels-first shape against the Lab's expectations and limits; returns [N, K, H, W]. */
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
  checkDims(n, k, h, w, text, name);
  return [n, k, h, w];
}

/** Checks N samples of K maps of H × W against the Lab's limits. */
function checkDims(n: number, k: number, h: number, w: number, text: string, name: string): void {
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
}

/**
 * A parsed heatmap array as a Lab stack: its layout read by the rule of `layout.ts` (or as
 * chosen), checked against the limits, transposed to [N, K, H, W] when channels last.
 */
export function stackFromArray(
  array: { shape: readonly number[]; data: Float32Array | Float64Array },
  name: string,
  options: StackReadOptions = {},
): LabStack {
  const { shape } = array;
  const text = `(${shape.join(', ')})`;
  if (shape.some((d) => d === 0) && (shape.length === 3 || shape.length === 4)) {
    throw new LabInputError(`${name}: shape ${text} has a zero dimension; nothing to decode`);
  }
  const reading = readHeatmapLayout(shape, options.layout ?? 'auto');
  if ('refused' in reading) throw new LabInputError(`${name}: ${reading.refused}`);
  const { n, k, h, w } = reading;
  checkDims(n, k, h, w, text, name);
  let data = array.data instanceof Float32Array ? array.data : Float32Array.from(array.data);
  if (reading.layout === 'channelsLast') data = channelsLastToFirst(data, n, h, w, k);
  return {
    n,
    k,
    h,
    w,
    data,
    source: name,
    ...(reading.note ? { note: reading.note } : {}),
    ...(reading.layout === 'channelsLast' ? { layout: 'channelsLast' as const } : {}),
  };
}

/** Parses a `.npy` file within the Lab's limits; refusals are LabInputErrors. */
export function npyForLab(bytes: Uint8Array | ArrayBuffer, name: string): NpyArray {
  try {
    return parseNpy(bytes, { maxElements: LAB_LIMITS.maxValues });
  } catch (error) {
    if (error instanceof NpyError) throw new LabInputError(`${name}: ${error.message}`);
    throw error;
  }
}

/** The Lab's limits as `.npz` limits: what one archive may inflate to. */
const NPZ_LAB_LIMITS = {
  maxEntries: 256,
  maxEntryBytes: LAB_LIMITS.maxFileBytes,
  maxTotalBytes: LAB_LIMITS.maxFileBytes,
  maxElements: LAB_LIMITS.maxValues,
};

/** Lists the members of a `.npz` file (nothing inflated) for the reader to choose from. */
export function npzEntriesForLab(bytes: Uint8Array | ArrayBuffer, name: string): NpzEntry[] {
  try {
    return listNpz(bytes, NPZ_LAB_LIMITS);
  } catch (error) {
    if (error instanceof NpzError) throw new LabInputError(`${name}: ${error.message}`);
    throw error;
  }
}

/** One array of a `.npz` archive as the Lab sees it: read, or why it cannot be. */
export interface NpzMember {
  name: string;
  bytes: number;
  array?: NpyArray;
  /** Why the array cannot be read (a string dtype, an object array, a broken header). */
  problem?: string;
}

/**
 * Reads each `.npy` member of a `.npz` file on its own, so that one the Lab cannot read (strings,
 * objects) is named with its reason and the others stay available.
 */
export function npzMembersForLab(bytes: Uint8Array | ArrayBuffer, name: string): NpzMember[] {
  return npzEntriesForLab(bytes, name)
    .filter((e) => e.npy)
    .map((e) => {
      try {
        const array = parseNpz(bytes, { ...NPZ_LAB_LIMITS, names: [e.name] }).arrays[e.name];
        return { name: e.name, bytes: e.bytes, ...(array ? { array } : {}) };
      } catch (error) {
        if (!(error instanceof NpzError)) throw error;
        return { name: e.name, bytes: e.bytes, problem: error.message.replace(/^array '[^']*': /, '') };
      }
    });
}

/** Reads the named arrays (all when omitted) of a `.npz` file within the Lab's limits. */
export function npzForLab(bytes: Uint8Array | ArrayBuffer, name: string, names?: readonly string[]): NpzArchive {
  try {
    return parseNpz(bytes, { ...NPZ_LAB_LIMITS, ...(names ? { names } : {}) });
  } catch (error) {
    if (error instanceof NpzError) throw new LabInputError(`${name}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads heatmaps from a `.npz` file: the array named `array`, or the archive's only array.
 * An archive of several arrays with none chosen is refused with their names.
 */
export function stackFromNpz(
  bytes: Uint8Array | ArrayBuffer,
  name: string,
  options: StackReadOptions & { array?: string } = {},
): LabStack {
  const arrays = npzEntriesForLab(bytes, name).filter((e) => e.npy);
  let chosen = options.array;
  if (chosen === undefined) {
    if (arrays.length !== 1) {
      throw new LabInputError(
        arrays.length
          ? `${name}: the archive holds ${arrays.length} arrays (${arrays.map((e) => `${e.name} ${e.bytes} B`).join(', ')}); choose the one holding the heatmaps`
          : `${name}: the archive holds no .npy array`,
      );
    }
    chosen = arrays[0]!.name;
  }
  const archive = npzForLab(bytes, name, [chosen]);
  return stackFromArray(archive.arrays[chosen]!, `${name}:${chosen}`, options);
}

/** Reads a `.npy` file of heatmaps, channels first or last (see {@link stackFromArray}). */
export function stackFromNpy(bytes: Uint8Array | ArrayBuffer, name: string, options: StackReadOptions = {}): LabStack {
  return stackFromArray(npyForLab(bytes, name), name, options);
}

/** The shape of a nested JSON array, read along its first elements (at most 5 deep). */
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
 * for a missing value and reads as NaN), or channels last (see {@link stackFromArray}). Ragged
 * arrays and other values are refused. The walk is iterative, so nesting cannot exhaust the
 * stack.
 */
export function stackFromJson(text: string, name: string, options: StackReadOptions = {}): LabStack {
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
  if (shape.length === 3 || shape.length === 4) {
    const count = shape.reduce((a, b) => a * b, 1);
    if (count > LAB_LIMITS.maxValues) {
      throw new LabInputError(
        `${name}: shape (${shape.join(', ')}) holds ${count.toLocaleString('en')} values, more than the Lab takes (${LAB_LIMITS.maxValues.toLocaleString('en')})`,
      );
    }
  } else {
    // Let the layout rule word the refusal.
    return stackFromArray({ shape, data: new Float32Array(0) }, name, options);
  }
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const where = (index: readonly number[]) => index.map((i) => `[${i}]`).join('');
  const depth = shape.length;
  // Depth-first over the nested arrays with an explicit stack of (array, index path).
  const stack: { array: unknown[]; path: number[] }[] = [{ array: value, path: [] }];
  let j = 0;
  while (stack.length) {
    const { array, path } = stack.pop()!;
    const level = path.length;
    if (array.length !== shape[level]) {
      const what = level === depth - 1 ? 'values' : level === depth - 2 ? 'rows' : 'arrays';
      throw new LabInputError(`${name}: ${where(path)} should hold ${shape[level]} ${what}; the array is ragged`);
    }
    if (level === depth - 1) {
      for (let x = 0; x < array.length; x++) {
        const v = array[x];
        if (v === null) data[j++] = Number.NaN;
        else if (typeof v === 'number') data[j++] = v;
        else {
          throw new LabInputError(`${name}: ${where([...path, x])} is ${previewJsonValue(v)}, not a number`);
        }
      }
      continue;
    }
    // Push children in reverse so that they are visited in order.
    for (let i = array.length - 1; i >= 0; i--) {
      const child = array[i];
      if (!Array.isArray(child)) {
        throw new LabInputError(`${name}: ${where([...path, i])} should be an array; the array is ragged`);
      }
      stack.push({ array: child, path: [...path, i] });
    }
  }
  return stackFromArray({ shape, data }, name, options);
}

/** A short, safe description of a JSON value for a message (no deep stringify). */
export function previewJsonValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 30)) : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
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
  /** For each map (n·K + k), whether it holds any. */
  badMaps: boolean[];
  /** For each map, how many of its cells are NaN or infinite. */
  badCells: number[];
  /** For each map, whether it has no finite cell at all: only those cannot be decoded. */
  emptyMaps: boolean[];
  /** The first few, with their positions. */
  first: { n: number; k: number; x: number; y: number; value: number }[];
}

/** Finds the NaN and infinite values of a stack, listing the first `keep`. */
export function scanNonFinite(stack: LabStack, keep = 5): NonFiniteReport {
  const size = stack.h * stack.w;
  const maps = stack.n * stack.k;
  const badMaps = new Array<boolean>(maps).fill(false);
  const badCells = new Array<number>(maps).fill(0);
  const first: NonFiniteReport['first'] = [];
  let count = 0;
  for (let m = 0; m < maps; m++) {
    const base = m * size;
    for (let i = 0; i < size; i++) {
      const v = stack.data[base + i] as number;
      if (Number.isFinite(v)) continue;
      count++;
      badMaps[m] = true;
      badCells[m]!++;
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
  return { count, badMaps, badCells, emptyMaps: badCells.map((b) => b === size), first };
}
