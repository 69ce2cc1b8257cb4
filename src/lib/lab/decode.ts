/**
 * The Decoder Lab's decoding: every map of a stack through every chosen decoder under a
 * convention, with each point in heatmap and input pixels, how far the decoders disagree, and,
 * given ground truth, each decoder's error. Pure and chunkable (a worker decodes large stacks a
 * range at a time). SimCC pairs are decoded the same way by {@link decodeLabSimccRange}.
 *
 * Maps with a few NaN or infinite cells are decoded (what is finite is decoded; see
 * `finite.ts`) and their rows say how many cells were bad; only a map with no finite cell is
 * skipped.
 */
import type { DecodeConvention } from '../conventions.ts';
import { decodeAll, type DecoderId, type HeatmapDecoderId } from '../decoders.ts';
import { countNonFinite } from '../finite.ts';
import { geometryOfStride, mappingScale, type InputMapping } from '../mapping.ts';
import { simccDecode, type SimccDecoderId } from '../simcc.ts';
import type { DecodedPoint, Point } from '../stack.ts';
import { summarize, type Summary } from '../stats.ts';
import type { LabStack } from './input.ts';
import { simccVectors, type LabSimcc } from './simccInput.ts';

/**
 * How the Lab decodes heatmaps. `Id` defaults to the chapters' decoders for the current Lab
 * page; pass `LabSettings<HeatmapDecoderId>` to offer DARK-UDP and Megvii too.
 */
export interface LabSettings<Id extends HeatmapDecoderId = DecoderId> {
  decoders: Id[];
  /** The modulation kernel size of DARK, DARK-UDP and Megvii. */
  kernel: number;
  /** Soft-argmax's β. */
  beta: number;
  /** Input pixels per heatmap pixel: the input is stride × the heatmap's size. */
  stride: number;
  /** Whose numbers: `reference` (default) or `mmpose`. */
  convention?: DecodeConvention;
  /** How heatmap pixels map to input pixels: `stride` (default, x·s) or `udp` (x·(w-1)/(W-1)). */
  mapping?: InputMapping;
}

/** One map's (or one SimCC keypoint's) results. */
export interface LabRow<Id extends string = HeatmapDecoderId> {
  /** The map's index, n·K + k. */
  index: number;
  n: number;
  k: number;
  /** Why the map was not decoded (no finite value, or marked by the caller), else undefined. */
  skipped?: string;
  /** How many of the map's cells are NaN or infinite (absent when none). */
  badCells?: number;
  /**
   * The map's largest finite value (SimCC: the smaller vector maximum) is ≤ 0: nothing to find.
   * MMPose decodes such a map to (−1, −1); decoders disagree there without meaning anything.
   */
  empty?: boolean;
  /** Each decoder's point: heatmap pixels (SimCC rows: input pixels). */
  points: Partial<Record<Id, DecodedPoint>>;
  /** The largest distance between two decoders' points, input pixels. */
  spread: number;
  /** The ground truth, in the points' units, when given. */
  truth?: Point;
  /** Each decoder's distance to the ground truth, input pixels. */
  errors: Partial<Record<Id, number>>;
}

/** Input pixels per heatmap pixel along each axis for maps of `w × h` under the settings. */
export function labInputScale(settings: { stride: number; mapping?: InputMapping }, w: number, h: number): Point {
  return mappingScale(geometryOfStride(w, h, settings.stride), settings.mapping ?? 'stride');
}

/** Spread and errors of one row from its points, in input pixels (`scale` per axis). */
function measure<Id extends string>(row: LabRow<Id>, ids: readonly Id[], scale: Point): void {
  const decoded = ids.map((id) => row.points[id] as DecodedPoint);
  for (let a = 0; a < decoded.length; a++) {
    for (let b = a + 1; b < decoded.length; b++) {
      const d = Math.hypot((decoded[a]!.x - decoded[b]!.x) * scale.x, (decoded[a]!.y - decoded[b]!.y) * scale.y);
      if (d > row.spread) row.spread = d;
    }
  }
  const t = row.truth;
  if (!t || !Number.isFinite(t.x) || !Number.isFinite(t.y)) return;
  for (const id of ids) {
    const p = row.points[id] as DecodedPoint;
    row.errors[id] = Math.hypot((p.x - t.x) * scale.x, (p.y - t.y) * scale.y);
  }
}

/**
 * Decodes maps [from, to) of the stack. `truth` holds one point per map in heatmap pixels;
 * `skip` marks maps not to decode.
 */
export function decodeLabRange(
  stack: LabStack,
  settings: LabSettings<HeatmapDecoderId>,
  from: number,
  to: number,
  truth?: readonly Point[],
  skip?: readonly boolean[],
): LabRow[] {
  const size = stack.h * stack.w;
  const scale = labInputScale(settings, stack.w, stack.h);
  const options = { kernel: settings.kernel, beta: settings.beta, convention: settings.convention ?? 'reference' };
  const rows: LabRow[] = [];
  for (let index = from; index < Math.min(to, stack.n * stack.k); index++) {
    const n = Math.floor(index / stack.k);
    const k = index % stack.k;
    const t = truth?.[index];
    const row: LabRow = { index, n, k, points: {}, spread: 0, errors: {}, ...(t ? { truth: t } : {}) };
    const map = { data: stack.data.subarray(index * size, (index + 1) * size), h: stack.h, w: stack.w };
    const bad = countNonFinite(map.data);
    if (bad) row.badCells = bad;
    if (skip?.[index] || bad === size) {
      row.skipped = bad === size ? 'holds no finite value' : bad ? 'holds NaN or infinite values' : 'not decoded';
      rows.push(row);
      continue;
    }
    const points = decodeAll(settings.decoders, map, options);
    for (const id of settings.decoders) row.points[id] = points[id] as DecodedPoint;
    let max = Number.NEGATIVE_INFINITY;
    const cells = map.data;
    for (let i = 0; i < cells.length; i++) if (cells[i]! > max) max = cells[i]!;
    if (!(max > 0)) row.empty = true;
    measure(row, settings.decoders, scale);
    rows.push(row);
  }
  return rows;
}

/** Decodes every map of the stack. */
export function decodeLabStack(
  stack: LabStack,
  settings: LabSettings<HeatmapDecoderId>,
  truth?: readonly Point[],
  skip?: readonly boolean[],
): LabRow[] {
  return decodeLabRange(stack, settings, 0, stack.n * stack.k, truth, skip);
}

/** How the Lab decodes SimCC pairs. */
export interface LabSimccSettings {
  decoders: SimccDecoderId[];
  /** The split ratio k (bins per input pixel). */
  splitRatio: number;
  /** The label σ in bins, for SimCC-DARK's kernel (MMPose's default 6). */
  sigma: number | readonly [number, number];
  /** The expectation's β. */
  beta: number;
}

/**
 * Decodes keypoints [from, to) of a SimCC pair; points, truth and errors in input pixels
 * (bins / k, as SimCCLabel.decode). `truth` holds one point per keypoint in input pixels.
 */
export function decodeLabSimccRange(
  simcc: LabSimcc,
  settings: LabSimccSettings,
  from: number,
  to: number,
  truth?: readonly Point[],
): LabRow<SimccDecoderId>[] {
  const end = Math.min(to, simcc.n * simcc.k);
  if (end <= from) return [];
  const { vx, vy } = simccVectors(simcc);
  const slice = (v: typeof vx) => ({
    data: v.data.subarray(from * v.length, end * v.length),
    count: end - from,
    length: v.length,
  });
  const sx = slice(vx);
  const sy = slice(vy);
  const options = { splitRatio: settings.splitRatio, sigma: settings.sigma, beta: settings.beta };
  const decoded = Object.fromEntries(settings.decoders.map((id) => [id, simccDecode(id, sx, sy, options)]));
  const rows: LabRow<SimccDecoderId>[] = [];
  for (let index = from; index < end; index++) {
    const t = truth?.[index];
    const row: LabRow<SimccDecoderId> = {
      index,
      n: Math.floor(index / simcc.k),
      k: index % simcc.k,
      points: {},
      spread: 0,
      errors: {},
      ...(t ? { truth: t } : {}),
    };
    const bad =
      countNonFinite(vx.data, index * vx.length, (index + 1) * vx.length) +
      countNonFinite(vy.data, index * vy.length, (index + 1) * vy.length);
    if (bad) row.badCells = bad;
    for (const id of settings.decoders) row.points[id] = decoded[id]![index - from] as DecodedPoint;
    if (settings.decoders.some((id) => !(row.points[id]!.score > 0))) row.empty = true;
    measure(row, settings.decoders, { x: 1, y: 1 });
    rows.push(row);
  }
  return rows;
}

/** Each decoder's error summary over the decoded rows with ground truth, input pixels. */
export function summarizeLab<Id extends string = HeatmapDecoderId>(
  rows: readonly LabRow<Id>[],
  decoders: readonly Id[],
): Partial<Record<Id, Summary>> {
  const out: Partial<Record<Id, Summary>> = {};
  for (const id of decoders) {
    const errors = rows.map((r) => r.errors[id]).filter((e): e is number => e !== undefined);
    if (errors.length) out[id] = summarize(errors);
  }
  return out;
}

/**
 * The indices of the `count` rows where the decoders disagree most, largest spread first; maps
 * not decoded and empty maps (maximum ≤ 0), where disagreement means nothing, are left out.
 */
export function mostDisagreement<Id extends string>(rows: readonly LabRow<Id>[], count: number): number[] {
  return rows
    .filter((r) => !r.skipped && !r.empty)
    .sort((a, b) => b.spread - a.spread || a.index - b.index)
    .slice(0, count)
    .map((r) => r.index);
}

/** The one summary line about non-finite cells for the whole stack, or undefined when none. */
export function nonFiniteSummary(rows: readonly LabRow<string>[]): string | undefined {
  const bad = rows.filter((r) => r.badCells);
  if (!bad.length) return undefined;
  const cells = bad.reduce((sum, r) => sum + (r.badCells ?? 0), 0);
  const skipped = bad.filter((r) => r.skipped).length;
  const decoded = rows.filter((r) => !r.skipped).length;
  const maps = (n: number) => `${n} map${n === 1 ? '' : 's'}`;
  return (
    `${cells.toLocaleString('en')} NaN or infinite cell${cells === 1 ? '' : 's'} in ${maps(bad.length)}: ` +
    `decoded ${maps(decoded)} of ${rows.length} from their finite cells` +
    (skipped ? `; ${maps(skipped)} with no finite value not decoded` : '')
  );
}
