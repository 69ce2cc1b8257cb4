/**
 * Which reader a Lab file goes to: one `.npy`, `.npz` or `.json` of heatmaps, a SimCC pair (two
 * `.npy` files, or a `.npz` holding both vectors), or an archive whose member the reader must
 * choose. Every reader checks the library's limits first, so a hostile file is refused with a
 * message and never read as something else.
 */
import type { LayoutChoice } from './layout.ts';
import { readHeatmapLayout } from './layout.ts';
import {
  LabInputError,
  npyForLab,
  npzEntriesForLab,
  npzMembersForLab,
  scanNonFinite,
  stackFromJson,
  stackFromNpy,
  stackFromNpz,
  type LabStack,
  type NonFiniteReport,
  type NpzMember,
} from './input.ts';
import { simccFromArrays, simccFromNpz, type LabSimcc } from './simccInput.ts';

/** A file as the page hands it over: its name and bytes. */
export interface LabFile {
  name: string;
  bytes: ArrayBuffer;
}

/** How a file is read: the layout rule or the reader's choice, and the archive member chosen. */
export interface ReadOptions {
  layout: LayoutChoice;
  /** The `.npz` member holding the heatmaps, when the archive holds several. */
  array?: string;
}

/** A `.npz` archive of several arrays, none chosen: the reader picks one. */
export interface ArchiveChoice {
  file: string;
  /** Each array with its shape and dtype, or why the Lab cannot read it. */
  arrays: { name: string; bytes: number; shape?: number[]; dtype?: string; problem?: string }[];
}

/** An archive's arrays for the reader to choose from: shapes and dtypes, and unreadable ones named. */
function archiveChoice(file: string, members: readonly NpzMember[]): ArchiveChoice {
  return {
    file,
    arrays: members.map(({ name, bytes, array, problem }) => ({
      name,
      bytes,
      ...(array ? { shape: [...array.shape], dtype: array.dtype } : {}),
      ...(problem ? { problem } : {}),
    })),
  };
}

/**
 * Whether two arrays read as a SimCC pair: both [K, bins] or both [N, K, bins], the same N and K,
 * and enough bins to be vectors (a keypoint's (x, y, score) or a box's 4 values are not).
 */
function simccPairShapes(a: readonly number[], b: readonly number[]): boolean {
  const bins = (s: readonly number[]) => s[s.length - 1] as number;
  return (
    a.length === b.length &&
    (a.length === 2 || a.length === 3) &&
    a.slice(0, -1).join() === b.slice(0, -1).join() &&
    bins(a) >= SIMCC_MIN_BINS &&
    bins(b) >= SIMCC_MIN_BINS
  );
}

/** Fewest bins the Lab guesses a vector from (an input side of 8 px at split ratio 1). */
const SIMCC_MIN_BINS = 8;

/** What was read: heatmaps (with their non-finite cells, and keypoint names if made on the page) or a SimCC pair. */
export type LabInput =
  { kind: 'heatmaps'; stack: LabStack; report: NonFiniteReport; names?: string[] } | { kind: 'simcc'; simcc: LabSimcc };

/** What was loaded, for the page to say. */
export interface InputSummary {
  kind: 'heatmaps' | 'simcc';
  source: string;
  n: number;
  k: number;
  /** Heatmaps: rows and columns. SimCC: bins of the x and y vectors. */
  h: number;
  w: number;
  /** How the file was read, when worth saying (channels last, the archive's first two arrays). */
  note?: string;
  /** Heatmaps read as channels last (and transposed). */
  layout?: 'channelsLast';
  /** SimCC read from two `.npy` files. */
  files?: { x: string; y: string };
}

const isNpz = (name: string) => /\.npz$/i.test(name);
const isNpy = (name: string) => /\.npy$/i.test(name);
const isJson = (name: string) => /\.json$/i.test(name);

/** Which of two files is the x vectors: a base name ending in x (or y for the other), else name order. */
export function xyOrder(a: LabFile, b: LabFile): { x: LabFile; y: LabFile; note?: string } {
  const axis = (f: LabFile) => /(^|[^a-z])([xy])$/i.exec(f.name.replace(/\.npy$/i, ''))?.[2]?.toLowerCase();
  if (axis(a) === 'x' && axis(b) === 'y') return { x: a, y: b };
  if (axis(a) === 'y' && axis(b) === 'x') return { x: b, y: a };
  const [x, y] = [a, b].sort((p, q) => p.name.localeCompare(q.name, 'en', { numeric: true })) as [LabFile, LabFile];
  return {
    x,
    y,
    note: `read ${x.name} as the x vectors and ${y.name} as the y vectors (file-name order; name them …_x.npy and …_y.npy to say which)`,
  };
}

/** Reads heatmap files (one `.npy`, `.npz` or `.json`) as a stack, or the archive's arrays to choose from. */
export function readHeatmapFiles(files: readonly LabFile[], options: ReadOptions): LabStack | ArchiveChoice {
  const file = files[0];
  if (files.length !== 1 || !file) {
    throw new LabInputError(`${files.length} files: choose one heatmap file (.npy, .npz or .json)`);
  }
  const layout = { layout: options.layout };
  if (isNpy(file.name)) return stackFromNpy(file.bytes, file.name, layout);
  if (isJson(file.name)) return stackFromJson(new TextDecoder().decode(file.bytes), file.name, layout);
  if (isNpz(file.name)) {
    const arrays = npzEntriesForLab(file.bytes, file.name).filter((e) => e.npy);
    if (options.array !== undefined || arrays.length === 1) {
      return stackFromNpz(file.bytes, file.name, { ...layout, ...(options.array ? { array: options.array } : {}) });
    }
    if (!arrays.length) throw new LabInputError(`${file.name}: the archive holds no .npy array`);
    return archiveChoice(file.name, npzMembersForLab(file.bytes, file.name));
  }
  throw new LabInputError(`${file.name}: expected a .npy, .npz, .json or .png file`);
}

/** Whether an array's shape reads as heatmaps by the layout rule (so it is not SimCC vectors). */
const readsAsHeatmaps = (shape: readonly number[], layout: LayoutChoice) =>
  (shape.length === 3 || shape.length === 4) && !('refused' in readHeatmapLayout(shape, layout));

/**
 * Reads the reader's input: heatmaps (one `.npy`, `.json` or `.npz` array) or a SimCC pair
 * (two `.npy` files, or a `.npz` with `simcc_x` and `simcc_y`, or whose arrays none of which
 * read as heatmaps: the first two, with a note).
 */
export function readLabInput(files: readonly LabFile[], options: ReadOptions): LabInput | ArchiveChoice {
  if (files.length === 2 && files.every((f) => isNpy(f.name))) {
    const { x, y, note } = xyOrder(files[0] as LabFile, files[1] as LabFile);
    const ax = npyForLab(x.bytes, x.name);
    const ay = npyForLab(y.bytes, y.name);
    const heat = [x, y].filter((_, i) => readsAsHeatmaps([ax, ay][i]!.shape, 'auto'));
    if (heat.length) {
      throw new LabInputError(
        `${heat.map((f) => f.name).join(' and ')} ${heat.length === 1 ? 'reads' : 'read'} as heatmaps, not SimCC vectors [K, bins]: choose one heatmap file (a flipped image's maps go under "Flip test")`,
      );
    }
    return { kind: 'simcc', simcc: simccFromArrays(ax, ay, `${x.name} + ${y.name}`, note) };
  }
  const file = files[0];
  if (files.length === 1 && file && isNpz(file.name) && options.array === undefined) {
    const arrays = npzEntriesForLab(file.bytes, file.name).filter((e) => e.npy);
    const names = arrays.map((e) => e.name);
    if (names.includes('simcc_x') && names.includes('simcc_y')) {
      return { kind: 'simcc', simcc: simccFromNpz(file.bytes, file.name) };
    }
    if (arrays.length >= 2) {
      // SimCC only when the first two readable arrays pair as vectors and none reads as heatmaps;
      // otherwise the reader chooses, seeing each array's shape (`preds` and `boxes` are neither).
      const members = npzMembersForLab(file.bytes, file.name);
      const readable = members.filter((m) => m.array);
      const heat = readable.filter((m) => readsAsHeatmaps(m.array!.shape, options.layout));
      const [a, b] = readable;
      if (!heat.length && a && b && simccPairShapes(a.array!.shape, b.array!.shape)) {
        return { kind: 'simcc', simcc: simccFromNpz(file.bytes, file.name, { x: a.name, y: b.name }, true) };
      }
      if (!heat.length) return archiveChoice(file.name, members);
    }
  }
  if (files.length > 2 || (files.length === 2 && !files.every((f) => isNpy(f.name)))) {
    throw new LabInputError(
      `${files.length} files: choose one .npy, .npz or .json file of heatmaps, two .npy files of SimCC vectors (x and y), or PNG images only (one per keypoint)`,
    );
  }
  const read = readHeatmapFiles(files, options);
  if ('arrays' in read) return read;
  return heatmapInput(read);
}

/** A stack as the Lab's input, with its keypoint names when it has them (a model's maps). */
export function heatmapInput(stack: LabStack, names?: string[]): LabInput {
  if (names && names.length !== stack.k)
    throw new LabInputError(`${stack.source}: ${names.length} keypoint names for ${stack.k} maps per sample`);
  return { kind: 'heatmaps', stack, report: scanNonFinite(stack), ...(names ? { names } : {}) };
}

/** What was loaded, in the page's words. */
export function inputSummary(input: LabInput): InputSummary {
  const note = input.kind === 'heatmaps' ? input.stack.note : input.simcc.note;
  const size =
    input.kind === 'heatmaps'
      ? { source: input.stack.source, n: input.stack.n, k: input.stack.k, h: input.stack.h, w: input.stack.w }
      : {
          source: input.simcc.source,
          n: input.simcc.n,
          k: input.simcc.k,
          h: input.simcc.lengthY,
          w: input.simcc.lengthX,
        };
  const layout = input.kind === 'heatmaps' ? input.stack.layout : undefined;
  const files = input.kind === 'simcc' ? input.simcc.files : undefined;
  return {
    kind: input.kind,
    ...size,
    ...(note ? { note } : {}),
    ...(layout ? { layout } : {}),
    ...(files ? { files } : {}),
  };
}
