/**
 * What `subpixel decode` reads: heatmaps (a `.npy`, or a `.npz` member) or a SimCC pair (two
 * `.npy`, or a `.npz` with `simcc_x` and `simcc_y`), opened as streams, their shapes checked and
 * read by the Lab's layout rule. The flipped image's arrays, when given, must match.
 */
import { extname } from 'node:path';
import { readHeatmapLayout, type HeatmapLayout, type LayoutChoice } from '../lib/lab/layout.ts';
import { openArray, npzMembers, placeName, type ArrayPlace, type ArrayStream } from './arrays.ts';
import { UserError, usageError } from './errors.ts';

/** Heatmaps being read: N samples of K maps of H × W, in the file's layout. */
export interface HeatmapSource {
  kind: 'heatmaps';
  n: number;
  k: number;
  h: number;
  w: number;
  layout: HeatmapLayout;
  /** First-axis entries per sample: 1, or all of them for a single sample [K, H, W]. */
  rowsPerSample: number;
  arrays: [ArrayStream];
  source: string;
}

/** A SimCC pair being read: N samples of K vectors of `lengthX` and `lengthY` bins. */
export interface SimccSource {
  kind: 'simcc';
  n: number;
  k: number;
  lengthX: number;
  lengthY: number;
  rowsPerSample: number;
  arrays: [ArrayStream, ArrayStream];
  source: string;
}

/** An input being read. */
export type DecodeSource = HeatmapSource | SimccSource;

/** The arrays named by the command line: one path (a `.npy` or `.npz`), or two `.npy` (a SimCC pair). */
async function placesOf(paths: readonly string[], array: string | undefined): Promise<ArrayPlace[]> {
  for (const path of paths) {
    const ext = extname(path).toLowerCase();
    if (ext !== '.npy' && ext !== '.npz') throw usageError(`${path}: expected a .npy or .npz file`);
  }
  if (paths.length === 2) {
    if (paths.some((p) => extname(p).toLowerCase() !== '.npy'))
      throw usageError('two inputs are a SimCC pair: two .npy files, x first');
    return paths.map((path) => ({ path }));
  }
  if (paths.length !== 1) throw usageError('expected one input (.npy or .npz) or a SimCC pair (x.npy y.npy)');
  const path = paths[0]!;
  if (extname(path).toLowerCase() === '.npy') {
    if (array) throw usageError(`--array names a member of a .npz; ${path} is a .npy`);
    return [{ path }];
  }
  const members = await npzMembers(path);
  const wanted = array?.split(',').map((s) => s.trim()) ?? [];
  for (const m of wanted) {
    if (!members.includes(m))
      throw new UserError(`${path}: no array named ${m} (it holds ${members.join(', ') || 'none'})`);
  }
  if (wanted.length === 1 || wanted.length === 2) return wanted.map((member) => ({ path, member }));
  if (wanted.length) throw usageError(`--array ${array}: one name (heatmaps) or two (SimCC x,y)`);
  if (members.includes('simcc_x') && members.includes('simcc_y')) {
    return [
      { path, member: 'simcc_x' },
      { path, member: 'simcc_y' },
    ];
  }
  const only = members.includes('heatmaps') ? 'heatmaps' : members.length === 1 ? members[0] : undefined;
  if (!only) {
    throw usageError(
      `${path} holds ${members.length ? members.join(', ') : 'no array'}; name the heatmaps (or SimCC x,y) with --array`,
    );
  }
  return [{ path, member: only }];
}

const shapeText = (s: readonly number[]) => `(${s.join(', ')})`;

/** Opens the input named by `paths` (and `--array`), reading its header(s). */
export async function openSource(
  paths: readonly string[],
  array: string | undefined,
  layout: LayoutChoice,
): Promise<DecodeSource> {
  const places = await placesOf(paths, array);
  const arrays = await Promise.all(places.map(openArray));
  try {
    return places.length === 1 ? heatmaps(arrays[0]!, layout) : simcc(arrays[0]!, arrays[1]!);
  } catch (error) {
    for (const a of arrays) a.close();
    throw error;
  }
}

function heatmaps(array: ArrayStream, choice: LayoutChoice): HeatmapSource {
  const name = placeName(array.place);
  const { shape } = array.header;
  const reading = readHeatmapLayout(shape, choice);
  if ('refused' in reading) throw new UserError(`${name}: ${reading.refused}`);
  const { n, k, h, w, layout } = reading;
  if (shape.some((d) => d === 0))
    throw new UserError(`${name}: shape ${shapeText(shape)} has a zero dimension; nothing to decode`);
  if (h < 3 || w < 3)
    throw new UserError(`${name}: maps of ${h} × ${w} cells are too small to decode (at least 3 × 3)`);
  return {
    kind: 'heatmaps',
    n,
    k,
    h,
    w,
    layout,
    rowsPerSample: shape.length === 3 ? shape[0]! : 1,
    arrays: [array],
    source: name,
  };
}

function simcc(x: ArrayStream, y: ArrayStream): SimccSource {
  const [sx, sy] = [x.header.shape, y.header.shape];
  const names = [placeName(x.place), placeName(y.place)];
  [sx, sy].forEach((s, i) => {
    if (s.length !== 2 && s.length !== 3)
      throw new UserError(`${names[i]}: shape ${shapeText(s)}; expected [K, bins] or [N, K, bins] (SimCC vectors)`);
    if (s.some((d) => d === 0)) throw new UserError(`${names[i]}: shape ${shapeText(s)} has a zero dimension`);
    if (s.at(-1)! < 5) throw new UserError(`${names[i]}: ${s.at(-1)} bins; SimCC vectors need at least 5`);
  });
  if (sx.length !== sy.length || sx.slice(0, -1).some((d, i) => d !== sy[i])) {
    throw new UserError(
      `${names[0]} ${shapeText(sx)} and ${names[1]} ${shapeText(sy)}: x and y must have the same samples and keypoints`,
    );
  }
  const [n, k] = sx.length === 3 ? [sx[0]!, sx[1]!] : [1, sx[0]!];
  return {
    kind: 'simcc',
    n,
    k,
    lengthX: sx.at(-1)!,
    lengthY: sy.at(-1)!,
    rowsPerSample: sx.length === 2 ? k : 1,
    arrays: [x, y],
    source: names[0] === names[1] ? names[0]! : `${names[0]}, ${names[1]}`,
  };
}

/** Opens the flipped image's arrays (`--flip`): one path, or `x.npy,y.npy` for a SimCC pair; checked against the input. */
export async function openFlipped(
  value: string,
  input: DecodeSource,
  array: string | undefined,
  layout: LayoutChoice,
): Promise<DecodeSource> {
  const paths = value.split(',').map((s) => s.trim());
  const flipped = await openSource(
    paths,
    paths.length === 1 && extname(paths[0]!) === '.npz' ? array : undefined,
    layout,
  );
  const fail = (what: string) => {
    for (const a of flipped.arrays) a.close();
    return new UserError(`--flip ${value}: ${what}`);
  };
  if (flipped.kind !== input.kind)
    throw fail(
      `${flipped.kind === 'simcc' ? 'SimCC vectors' : 'heatmaps'}, but the input is ${input.kind === 'simcc' ? 'SimCC vectors' : 'heatmaps'}`,
    );
  const dims = (s: DecodeSource) => (s.kind === 'heatmaps' ? [s.n, s.k, s.h, s.w] : [s.n, s.k, s.lengthX, s.lengthY]);
  if (dims(flipped).some((d, i) => d !== dims(input)[i])) {
    throw fail(
      `${dims(flipped).join(' × ')}, but the input is ${dims(input).join(' × ')}; the flip test needs the same shape`,
    );
  }
  if (flipped.kind === 'heatmaps' && input.kind === 'heatmaps' && flipped.layout !== input.layout) {
    throw fail("its layout (channels first or last) differs from the input's");
  }
  return flipped;
}
