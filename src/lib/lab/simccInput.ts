/**
 * The Decoder Lab's SimCC inputs: what RTMPose and every SimCC head output, two vector stacks
 * per keypoint, `simcc_x` [K, W·k] (or [N, K, W·k]) and `simcc_y` [K, H·k], for split ratio k.
 * They come as two `.npy` files chosen together, or as one `.npz` holding `simcc_x` and
 * `simcc_y` (or, failing those names, its first two arrays, in the archive's order, said in a
 * note). Shapes are checked against each other and the Lab's limits before anything is used;
 * every refusal is a LabInputError.
 */
import type { NpyArray } from '../npy.ts';
import type { VectorStack } from '../simcc.ts';
import { LAB_LIMITS, LabInputError, npyForLab, npzEntriesForLab, npzForLab } from './input.ts';

/** Most bins of one SimCC vector (an input side of 4096 pixels at split ratio 2). */
export const MAX_SIMCC_BINS = 8192;

/** N samples of K keypoints, each an x vector of `lengthX` bins and a y vector of `lengthY`. */
export interface LabSimcc {
  n: number;
  k: number;
  lengthX: number;
  lengthY: number;
  /** [N, K, lengthX] and [N, K, lengthY], row-major. */
  x: Float32Array;
  y: Float32Array;
  /** Where the vectors came from. */
  source: string;
  /** How the input was read when that is worth saying (which arrays were taken), else absent. */
  note?: string;
  /** The two `.npy` files, when the pair came as two (x first). */
  files?: { x: string; y: string };
}

/** An array as the pair needs it: its shape and C-order data. */
export type SimccArray = Pick<NpyArray, 'shape' | 'data'>;

const shapeText = (shape: readonly number[]): string => `(${shape.join(', ')})`;

/**
 * Checks and pairs two SimCC arrays: both [K, L] or both [N, K, L], the same N and K. `name`
 * names the pair in messages.
 */
export function simccFromArrays(ax: SimccArray, ay: SimccArray, name: string, note?: string): LabSimcc {
  for (const [axis, a] of [
    ['simcc_x', ax],
    ['simcc_y', ay],
  ] as const) {
    if (a.shape.length !== 2 && a.shape.length !== 3) {
      throw new LabInputError(
        `${name}: ${axis} has shape ${shapeText(a.shape)}; expected [K, bins] or [N, K, bins] (SimCC vectors)`,
      );
    }
    if (a.shape.some((d) => d === 0)) throw new LabInputError(`${name}: ${axis} has a zero dimension`);
    const bins = a.shape[a.shape.length - 1] as number;
    if (bins > MAX_SIMCC_BINS) {
      throw new LabInputError(`${name}: ${axis} has ${bins} bins, more than the Lab takes (${MAX_SIMCC_BINS})`);
    }
    if (bins < 5) throw new LabInputError(`${name}: ${axis} has ${bins} bins; SimCC vectors need at least 5`);
  }
  if (ax.shape.length !== ay.shape.length) {
    throw new LabInputError(
      `${name}: simcc_x ${shapeText(ax.shape)} and simcc_y ${shapeText(ay.shape)} have different ranks; both must be [K, bins] or [N, K, bins]`,
    );
  }
  const lead = (a: SimccArray) => a.shape.slice(0, -1);
  if (lead(ax).join() !== lead(ay).join()) {
    const both = `simcc_x ${shapeText(ax.shape)} and simcc_y ${shapeText(ay.shape)}`;
    const [lx, ly] = [lead(ax), lead(ay)];
    const what =
      lx.length !== ly.length
        ? 'have different ranks: both should be [K, bins] or both [N, K, bins]'
        : lx.length === 2 && lx[0] !== ly[0]
          ? `hold different numbers of samples (${lx[0]} and ${ly[0]})`
          : `hold different numbers of keypoints (${lx[lx.length - 1]} and ${ly[ly.length - 1]})`;
    throw new LabInputError(`${name}: ${both} ${what}`);
  }
  const [n, k] = (ax.shape.length === 2 ? [1, ax.shape[0]] : ax.shape.slice(0, 2)) as [number, number];
  const lengthX = ax.shape[ax.shape.length - 1] as number;
  const lengthY = ay.shape[ay.shape.length - 1] as number;
  if (n * k > LAB_LIMITS.maxMaps) {
    throw new LabInputError(`${name}: ${n * k} keypoints are more than the Lab takes (${LAB_LIMITS.maxMaps})`);
  }
  if (n * k * (lengthX + lengthY) > LAB_LIMITS.maxValues) {
    throw new LabInputError(`${name}: the vectors hold more values than the Lab takes (${LAB_LIMITS.maxValues})`);
  }
  const f32 = (d: Float32Array | Float64Array) => (d instanceof Float32Array ? d : Float32Array.from(d));
  return {
    n,
    k,
    lengthX,
    lengthY,
    x: f32(ax.data),
    y: f32(ay.data),
    source: name,
    ...(note ? { note } : {}),
  };
}

/** Reads a SimCC pair from two `.npy` files: the x vectors and the y vectors. */
export function simccFromNpyPair(
  xBytes: Uint8Array | ArrayBuffer,
  xName: string,
  yBytes: Uint8Array | ArrayBuffer,
  yName: string,
): LabSimcc {
  return {
    ...simccFromArrays(npyForLab(xBytes, xName), npyForLab(yBytes, yName), `${xName} + ${yName}`),
    files: { x: xName, y: yName },
  };
}

/**
 * Reads a SimCC pair from a `.npz` file: the arrays named `x` and `y` (default `simcc_x` and
 * `simcc_y`); failing those names, the archive's first two arrays, with a note saying so. A
 * `guessed` choice (the Lab picked them by their shapes) gets that note too.
 */
export function simccFromNpz(
  bytes: Uint8Array | ArrayBuffer,
  name: string,
  choice: { x?: string; y?: string } = {},
  guessed = false,
): LabSimcc {
  const arrays = npzEntriesForLab(bytes, name).filter((e) => e.npy);
  const has = (n: string) => arrays.some((e) => e.name === n);
  let x = choice.x ?? 'simcc_x';
  let y = choice.y ?? 'simcc_y';
  let note: string | undefined;
  if (!choice.x && !choice.y && !(has(x) && has(y))) {
    if (arrays.length < 2) {
      throw new LabInputError(
        `${name}: a SimCC archive needs two arrays (simcc_x and simcc_y); it holds ${arrays.map((e) => e.name).join(', ') || 'none'}`,
      );
    }
    x = arrays[0]!.name;
    y = arrays[1]!.name;
    note = `no arrays named simcc_x and simcc_y: read ${x} as the x vectors and ${y} as the y vectors (the archive's first two)`;
  }
  if (guessed) {
    note = `no arrays named simcc_x and simcc_y: read ${x} as the x vectors and ${y} as the y vectors (the archive's first two readable arrays, shaped as SimCC vectors)`;
  }
  const archive = npzForLab(bytes, name, [x, y]);
  return simccFromArrays(archive.arrays[x]!, archive.arrays[y]!, name, note);
}

/** The Lab's SimCC pair as the vector stacks of `simcc.ts` (views, no copy). */
export function simccVectors(s: LabSimcc): { vx: VectorStack; vy: VectorStack } {
  return {
    vx: { data: s.x, count: s.n * s.k, length: s.lengthX },
    vy: { data: s.y, count: s.n * s.k, length: s.lengthY },
  };
}

/**
 * Whether the vectors' lengths fit an input of `inputW × inputH` at split ratio k, as MMPose
 * sizes them (round(w·k), round(h·k)); a sentence saying what differs, or undefined.
 */
export function simccLengthMismatch(
  s: LabSimcc,
  inputW: number,
  inputH: number,
  splitRatio: number,
): string | undefined {
  const wx = Math.round(inputW * splitRatio);
  const wy = Math.round(inputH * splitRatio);
  if (s.lengthX === wx && s.lengthY === wy) return undefined;
  return `the vectors have ${s.lengthX} and ${s.lengthY} bins, but a ${inputW} × ${inputH} input at split ratio ${splitRatio} gives ${wx} and ${wy}`;
}
