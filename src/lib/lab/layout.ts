/**
 * Channels-first or channels-last? NumPy and PyTorch users save heatmaps as [K, H, W] or
 * [N, K, H, W]; TensorFlow, TFLite and MediaPipe (BlazePose's [1, 64, 64, 39]) write
 * [H, W, K] or [N, H, W, K]. A file does not say which, so the Lab reads the shape with one
 * explicit rule and never guesses between two readings that both look like heatmaps.
 *
 * The rule, for a shape read both ways (channels first: maps of the last two axes;
 * channels last: maps of the two axes before the last):
 *
 * - a reading is *typical* when its maps have exactly the aspect ratio of pose heatmaps, 1:1,
 *   4:3 or 3:4 (64 × 48, 64 × 64, 96 × 72, 16 × 12…: inputs such as 256 × 192 over a stride),
 *   and both sides are at least {@link MIN_TYPICAL_SIDE};
 * - a reading is *plausible* when its maps are at least 3 × 3 (the least the Lab decodes) and
 *   no side is more than twice the other.
 *
 * 1. If exactly one reading is typical, it is taken (a channels-last reading is transposed to
 *    [N, K, H, W] and the result carries a note saying so).
 * 2. If both are typical, the shape is ambiguous: refused, naming both readings and how to
 *    choose (the `layout` option).
 * 3. If neither is typical, a reading that is plausible when the other is not is taken; if
 *    both are plausible, the shape is ambiguous (refused); if neither is plausible, the
 *    shape is refused as not heatmaps (two-dimensional SimCC vectors, say).
 *
 * Examples: [17, 64, 48] and [17, 16, 12] are channels first; [64, 48, 17], [1, 64, 64, 39]
 * (BlazePose) and [1, 48, 48, 17] (MoveNet) are channels last; [64, 64, 64] and [2, 3, 4, 5]
 * are refused as ambiguous; [1, 17, 384] is refused as not heatmaps.
 */

/** How the axes of a heatmap file are laid out. */
export type HeatmapLayout = 'channelsFirst' | 'channelsLast';

/** What the caller knows: `auto` applies the rule; the others force a reading. */
export type LayoutChoice = 'auto' | HeatmapLayout;

/** Both sides of a typical map are at least this many cells. */
export const MIN_TYPICAL_SIDE = 8;

/** The reading of a shape: [N, K, H, W] and whether the data must be transposed. */
export interface LayoutReading {
  layout: HeatmapLayout;
  /** Samples, keypoints, rows, columns. */
  n: number;
  k: number;
  h: number;
  w: number;
  /** A sentence for the reader when the file was read as channels last, else undefined. */
  note?: string;
}

/** A refusal: why the shape cannot be read, and how to fix it. */
export interface LayoutRefusal {
  refused: string;
}

function typical(h: number, w: number): boolean {
  if (h < MIN_TYPICAL_SIDE || w < MIN_TYPICAL_SIDE) return false;
  return h === w || 3 * h === 4 * w || 4 * h === 3 * w;
}

function plausible(h: number, w: number): boolean {
  return h >= 3 && w >= 3 && Math.max(h, w) <= 2 * Math.min(h, w);
}

const shapeText = (shape: readonly number[]): string => `(${shape.join(', ')})`;

/**
 * Reads a 3-D or 4-D heatmap shape as [N, K, H, W] by the rule above, or refuses it. `choice`
 * other than `auto` forces a layout (for the reader who knows it).
 */
export function readHeatmapLayout(
  shape: readonly number[],
  choice: LayoutChoice = 'auto',
): LayoutReading | LayoutRefusal {
  if (shape.length !== 3 && shape.length !== 4) {
    return {
      refused: `shape ${shapeText(shape)} has ${shape.length} dimension${shape.length === 1 ? '' : 's'}; expected [K, H, W] or [N, K, H, W] (or channels last, [H, W, K] or [N, H, W, K]); two SimCC vector files are read as a pair`,
    };
  }
  const [n, a, b, c] = (shape.length === 3 ? [1, ...shape] : shape) as [number, number, number, number];
  const first: LayoutReading = { layout: 'channelsFirst', n, k: a, h: b, w: c };
  const lastShape = shape.length === 3 ? `[H, W, K] = [${a}, ${b}, ${c}]` : `[N, H, W, K] = [${n}, ${a}, ${b}, ${c}]`;
  const last: LayoutReading = {
    layout: 'channelsLast',
    n,
    k: c,
    h: a,
    w: b,
    note: `read as channels last ${lastShape} (${c} map${c === 1 ? '' : 's'} of ${a} × ${b}) and transposed to [N, K, H, W]; if the file is channels first, choose that layout`,
  };
  if (choice === 'channelsFirst') return first;
  if (choice === 'channelsLast') return last;
  const maps = (count: number) => `${count} map${count === 1 ? '' : 's'}`;
  const both = `${maps(a)} of ${b} × ${c} (channels first) or ${maps(c)} of ${a} × ${b} (channels last)`;
  const ambiguous = {
    refused: `shape ${shapeText(shape)} could be ${both}; choose the layout (or save the maps as [N, K, H, W])`,
  };
  const tf = typical(b, c);
  const tl = typical(a, b);
  if (tf && tl) return ambiguous;
  if (tf) return first;
  if (tl) return last;
  const pf = plausible(b, c);
  const pl = plausible(a, b);
  if (pf && pl) return ambiguous;
  if (pf) return first;
  if (pl) return last;
  return {
    refused: `shape ${shapeText(shape)} does not read as heatmaps either way (${both}); if these are SimCC vectors, load simcc_x and simcc_y together`,
  };
}

/**
 * Transposes [N, H, W, K] data to [N, K, H, W] (a new array). Values keep their order within
 * each map row-major.
 */
export function channelsLastToFirst(data: Float32Array, n: number, h: number, w: number, k: number): Float32Array {
  const out = new Float32Array(data.length);
  const size = h * w;
  for (let s = 0; s < n; s++) {
    const base = s * size * k;
    for (let i = 0; i < size; i++) {
      const from = base + i * k;
      for (let m = 0; m < k; m++) out[base + m * size + i] = data[from + m] as number;
    }
  }
  return out;
}
