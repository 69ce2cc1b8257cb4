/**
 * The flip test: decode the maps of an image and of its mirror image together. The mirror
 * image's maps are flipped back (mirrored, left and right keypoints swapped) and averaged with
 * the original's, as MMPose's `flip_heatmaps` (mmpose/models/utils/tta.py, flip_mode
 * 'heatmap') and its heads' `(heatmaps + flipped) * 0.5` do.
 *
 * With the stride convention the flipped-back map sits 1 - 1/λ cells left of the original
 * (`flippedBackBias` in mapping.ts), which is why HRNet-era code shifts it one cell right
 * (`shift_heatmap=True`: column x takes column x-1, column 0 keeps its own values). UDP's
 * mapping needs no shift. A shift of 2 cells, which HRNet users report hurts, is offered for
 * the comparison: column x takes column x-2, columns 0 and 1 keep their own values.
 */
import type { Geometry } from './coords.ts';
import { decodeMap, type HeatmapDecoderId } from './decoders.ts';
import { encodeUnbiased } from './encode.ts';
import { inputToHeatmap, type InputMapping } from './mapping.ts';
import type { HeatmapStack, Point } from './stack.ts';

/**
 * For each keypoint, the index of its mirror keypoint (`flip_indices`), from left/right pairs:
 * keypoints in no pair map to themselves. Throws a RangeError for an index outside 0..k-1 or
 * a keypoint in two pairs.
 */
export function flipIndicesFromPairs(pairs: readonly (readonly [number, number])[], k: number): number[] {
  const out = Array.from({ length: k }, (_, i) => i);
  const seen = new Set<number>();
  for (const [a, b] of pairs) {
    for (const i of [a, b]) {
      if (!Number.isInteger(i) || i < 0 || i >= k) {
        throw new RangeError(`flip pair (${a}, ${b}) names keypoint ${i}, outside 0..${k - 1}`);
      }
      if (seen.has(i)) throw new RangeError(`keypoint ${i} is in two flip pairs`);
      seen.add(i);
    }
    out[a] = b;
    out[b] = a;
  }
  return out;
}

/** Whether `indices` is a valid flip permutation of 0..k-1 that is its own inverse. */
export function isFlipPermutation(indices: readonly number[]): boolean {
  return indices.every((j, i) => Number.isInteger(j) && j >= 0 && j < indices.length && indices[j] === i);
}

/**
 * Flips back a stack of maps computed on the mirror image: each map mirrored left to right,
 * map k taken from map `flipIndices[k]`, then shifted right by `shift` cells (0, 1 or 2;
 * MMPose's `shift_heatmap=True` is 1). `stack.k` may hold several samples of
 * `flipIndices.length` maps each. Returns a new stack [K, H, W].
 */
export function flipHeatmaps(stack: HeatmapStack, flipIndices: readonly number[] | null, shift = 0): HeatmapStack {
  const { k, h, w, data } = stack;
  const per = flipIndices ? flipIndices.length : k;
  if (flipIndices && (per === 0 || k % per !== 0)) {
    throw new RangeError(`${k} maps are not a whole number of samples of ${per} keypoints`);
  }
  if (flipIndices && !flipIndices.every((j) => Number.isInteger(j) && j >= 0 && j < per)) {
    throw new RangeError(`flip indices must lie in 0..${per - 1}`);
  }
  if (!Number.isInteger(shift) || shift < 0 || shift >= w) {
    throw new RangeError(`the shift must be a whole number of cells in 0..${w - 1}, got ${shift}`);
  }
  const out = new Float32Array(data.length);
  const size = h * w;
  for (let m = 0; m < k; m++) {
    const sample = Math.floor(m / per);
    const from = flipIndices ? sample * per + (flipIndices[m % per] as number) : m;
    for (let y = 0; y < h; y++) {
      const src = from * size + y * w;
      const dst = m * size + y * w;
      // Mirrored: column x of the output is column w-1-x of the source map.
      for (let x = 0; x < w; x++) out[dst + x] = data[src + w - 1 - x] as number;
      // Shift right: column x takes column x - shift; the first `shift` columns keep theirs.
      for (let x = w - 1; x >= shift; x--) out[dst + x] = out[dst + x - shift] as number;
    }
  }
  return { data: out, k, h, w };
}

/**
 * The flip test's average: (original + flipped back) / 2, map by map, as MMPose's heatmap heads
 * do. `flipped` holds the mirror image's maps as the network output them.
 */
export function flipTestAverage(
  original: HeatmapStack,
  flipped: HeatmapStack,
  flipIndices: readonly number[] | null,
  shift = 0,
): HeatmapStack {
  if (original.k !== flipped.k || original.h !== flipped.h || original.w !== flipped.w) {
    throw new RangeError(
      `the flipped stack is [${flipped.k}, ${flipped.h}, ${flipped.w}] but the original is [${original.k}, ${original.h}, ${original.w}]`,
    );
  }
  const back = flipHeatmaps(flipped, flipIndices, shift);
  const out = back.data;
  for (let i = 0; i < out.length; i++) out[i] = ((original.data[i] as number) + (out[i] as number)) * 0.5;
  return { data: out, k: original.k, h: original.h, w: original.w };
}

/**
 * MMPose's `flip_vectors` for SimCC: x vectors mirrored and swapped by `flipIndices`, y vectors
 * only swapped. `x` and `y` hold `count` keypoints of `lengthX` and `lengthY` bins (a multiple of
 * `flipIndices.length` keypoints). Returns new arrays.
 */
export function flipVectors(
  x: Float32Array,
  y: Float32Array,
  count: number,
  flipIndices: readonly number[],
): { x: Float32Array; y: Float32Array } {
  const per = flipIndices.length;
  if (per === 0 || count % per !== 0) throw new RangeError(`${count} vectors are not whole samples of ${per}`);
  const lx = x.length / count;
  const ly = y.length / count;
  const ox = new Float32Array(x.length);
  const oy = new Float32Array(y.length);
  for (let m = 0; m < count; m++) {
    const from = Math.floor(m / per) * per + (flipIndices[m % per] as number);
    for (let b = 0; b < lx; b++) ox[m * lx + b] = x[from * lx + lx - 1 - b] as number;
    oy.set(y.subarray(from * ly, (from + 1) * ly), m * ly);
  }
  return { x: ox, y: oy };
}

/** What the flip test does to one keypoint, in heatmap cells along x. */
export interface FlipTestBias {
  /** Decoded x of the mirror image's map flipped back, minus the true x. */
  flipped: number;
  /** Decoded x of the average of the original and the flipped-back map, minus the true x. */
  averaged: number;
  /** Decoded x of the original map, minus the true x. */
  original: number;
}

/**
 * The flip test on one keypoint at input pixel `point`: the original map and the mirror
 * image's map are unbiased Gaussian targets (σ cells) at the keypoint's heatmap position under
 * `mapping`, the mirror's flipped back with `shift` cells and averaged, each decoded by
 * `decoder` (reference convention, modulation kernel `kernel`). With the stride convention
 * the flipped-back bias is -(1 - 1/λ) + shift (`flippedBackBias`); with UDP it is the shift.
 */
export function flipTestBias(
  point: Point,
  g: Geometry,
  mapping: InputMapping,
  shift: number,
  options: { sigma?: number; decoder?: HeatmapDecoderId; kernel?: number; beta?: number } = {},
): FlipTestBias {
  const sigma = options.sigma ?? 2;
  const decoder = options.decoder ?? 'dark';
  const decoding = { kernel: options.kernel ?? 11, beta: options.beta ?? 1 };
  const { heatmapW: w, heatmapH: h } = g;
  const mu = inputToHeatmap(point, g, mapping);
  const mirror = inputToHeatmap({ x: g.inputW - 1 - point.x, y: point.y }, g, mapping);
  const original: HeatmapStack = { data: encodeUnbiased(mu, w, h, sigma).data, k: 1, h, w };
  const flipped: HeatmapStack = { data: encodeUnbiased(mirror, w, h, sigma).data, k: 1, h, w };
  const back = flipHeatmaps(flipped, null, shift);
  const averaged = flipTestAverage(original, flipped, null, shift);
  const decodeX = (s: HeatmapStack) => decodeMap(decoder, { data: s.data, w, h }, decoding).x - mu.x;
  return { flipped: decodeX(back), averaged: decodeX(averaged), original: decodeX(original) };
}
