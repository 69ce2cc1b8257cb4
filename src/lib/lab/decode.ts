/**
 * The Decoder Lab's decoding: every map of a stack through every chosen decoder, with each
 * point in heatmap and input pixels, how far the decoders disagree, and, given ground truth,
 * each decoder's error. Pure and chunkable (a worker decodes large stacks a range at a time).
 */
import { decodeAll, type DecoderId } from '../decoders.ts';
import type { DecodedPoint, Point } from '../stack.ts';
import { summarize, type Summary } from '../stats.ts';
import type { LabStack } from './input.ts';

/** How the Lab decodes. */
export interface LabSettings {
  decoders: DecoderId[];
  /** DARK's kernel size. */
  kernel: number;
  /** Soft-argmax's β. */
  beta: number;
  /** Input pixels per heatmap pixel, for errors in input pixels (x_in = s · x_hm). */
  stride: number;
}

/** One map's results. */
export interface LabRow {
  /** The map's index, n·K + k. */
  index: number;
  n: number;
  k: number;
  /** Why the map was not decoded (it holds NaN or infinite values), else undefined. */
  skipped?: string;
  /** Each decoder's point, heatmap pixels. */
  points: Partial<Record<DecoderId, DecodedPoint>>;
  /** The largest distance between two decoders' points, input pixels. */
  spread: number;
  /** The ground truth, heatmap pixels, when given. */
  truth?: Point;
  /** Each decoder's distance to the ground truth, input pixels. */
  errors: Partial<Record<DecoderId, number>>;
}

/**
 * Decodes maps [from, to) of the stack. `truth` holds one point per map in heatmap pixels;
 * `skip` marks maps not to decode (those with non-finite values).
 */
export function decodeLabRange(
  stack: LabStack,
  settings: LabSettings,
  from: number,
  to: number,
  truth?: readonly Point[],
  skip?: readonly boolean[],
): LabRow[] {
  const size = stack.h * stack.w;
  const rows: LabRow[] = [];
  for (let index = from; index < Math.min(to, stack.n * stack.k); index++) {
    const n = Math.floor(index / stack.k);
    const k = index % stack.k;
    const t = truth?.[index];
    const row: LabRow = { index, n, k, points: {}, spread: 0, errors: {}, ...(t ? { truth: t } : {}) };
    if (skip?.[index]) {
      row.skipped = 'holds NaN or infinite values';
      rows.push(row);
      continue;
    }
    const map = { data: stack.data.subarray(index * size, (index + 1) * size), h: stack.h, w: stack.w };
    const points = decodeAll(settings.decoders, map, { kernel: settings.kernel, beta: settings.beta });
    const decoded = settings.decoders.map((id) => points[id] as DecodedPoint);
    for (let a = 0; a < decoded.length; a++) {
      for (let b = a + 1; b < decoded.length; b++) {
        const d = Math.hypot(decoded[a]!.x - decoded[b]!.x, decoded[a]!.y - decoded[b]!.y) * settings.stride;
        if (d > row.spread) row.spread = d;
      }
    }
    for (const id of settings.decoders) {
      const p = points[id] as DecodedPoint;
      row.points[id] = p;
      if (t && Number.isFinite(t.x) && Number.isFinite(t.y)) {
        row.errors[id] = Math.hypot(p.x - t.x, p.y - t.y) * settings.stride;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Decodes every map of the stack. */
export function decodeLabStack(
  stack: LabStack,
  settings: LabSettings,
  truth?: readonly Point[],
  skip?: readonly boolean[],
): LabRow[] {
  return decodeLabRange(stack, settings, 0, stack.n * stack.k, truth, skip);
}

/** Each decoder's error summary over the decoded maps with ground truth, input pixels. */
export function summarizeLab(
  rows: readonly LabRow[],
  decoders: readonly DecoderId[],
): Partial<Record<DecoderId, Summary>> {
  const out: Partial<Record<DecoderId, Summary>> = {};
  for (const id of decoders) {
    const errors = rows.map((r) => r.errors[id]).filter((e): e is number => e !== undefined);
    if (errors.length) out[id] = summarize(errors);
  }
  return out;
}

/** The indices of the `count` rows where the decoders disagree most, largest spread first. */
export function mostDisagreement(rows: readonly LabRow[], count: number): number[] {
  return rows
    .filter((r) => !r.skipped)
    .sort((a, b) => b.spread - a.spread || a.index - b.index)
    .slice(0, count)
    .map((r) => r.index);
}
