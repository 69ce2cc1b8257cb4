/** From the Lab's results to the texts its tables, map view and messages show. */
import {
  DECODER_LABELS,
  mostDisagreement,
  summarizeLab,
  type DecoderId,
  type LabRow,
  type LabStack,
  type NonFiniteReport,
} from '../../lib/index.ts';
import { fmt } from '../ui/format.ts';
import type { LabState } from './state.ts';

/** Rows shown in the results table at once; the exports hold every row. */
export const TABLE_LIMIT = 100;
/** Rows flagged as where the decoders disagree most. */
export const FLAGGED = 5;

/** One line of the summary table. */
export interface SummaryLine {
  id: DecoderId;
  label: string;
  mean: string;
  median: string;
  p95: string;
  max: string;
}

/** Each decoder's error statistics, input pixels; dashes without ground truth. */
export function summaryLines(rows: readonly LabRow[], decoders: readonly DecoderId[]): SummaryLine[] {
  const s = summarizeLab(rows, decoders);
  return decoders.map((id) => {
    const e = s[id];
    return {
      id,
      label: DECODER_LABELS[id],
      mean: e ? fmt(e.mean, 3) : '—',
      median: e ? fmt(e.median, 3) : '—',
      p95: e ? fmt(e.p95, 3) : '—',
      max: e ? fmt(e.max, 3) : '—',
    };
  });
}

/** One line of the results table. */
export interface TableLine {
  index: number;
  map: string;
  spread: string;
  flagged: boolean;
  skipped?: string;
  cells: { id: DecoderId; point: string; error: string }[];
}

/** The rows to show, in the chosen order, at most TABLE_LIMIT, the most disagreeing flagged. */
export function tableLines(
  rows: readonly LabRow[],
  decoders: readonly DecoderId[],
  sort: LabState['sort'],
): { lines: TableLine[]; note: string } {
  const flagged = new Set(mostDisagreement(rows, FLAGGED));
  const meanError = (r: LabRow) => {
    const e = decoders.map((id) => r.errors[id]).filter((v): v is number => v !== undefined);
    return e.length ? e.reduce((a, b) => a + b, 0) / e.length : -1;
  };
  const ordered = [...rows];
  if (sort === 'spread') ordered.sort((a, b) => b.spread - a.spread || a.index - b.index);
  if (sort === 'error') ordered.sort((a, b) => meanError(b) - meanError(a) || a.index - b.index);
  const lines = ordered.slice(0, TABLE_LIMIT).map((r) => ({
    index: r.index,
    map: `${r.n}, ${r.k}`,
    spread: r.skipped ? '—' : fmt(r.spread, 3),
    flagged: flagged.has(r.index),
    ...(r.skipped ? { skipped: r.skipped } : {}),
    cells: decoders.map((id) => {
      const p = r.points[id];
      const e = r.errors[id];
      return { id, point: p ? `${fmt(p.x, 3)}, ${fmt(p.y, 3)}` : '—', error: e === undefined ? '' : fmt(e, 3) };
    }),
  }));
  const note =
    rows.length > TABLE_LIMIT
      ? `Showing ${TABLE_LIMIT} of ${rows.length} maps; the exports hold all of them.`
      : `${rows.length} map${rows.length === 1 ? '' : 's'}.`;
  return { lines, note };
}

/** What was loaded, in one line. */
export function stackLine(stack: LabStack): string {
  return `${stack.source}: ${stack.n} sample${stack.n === 1 ? '' : 's'} × ${stack.k} keypoint${stack.k === 1 ? '' : 's'} of ${stack.h} × ${stack.w} cells (${stack.n * stack.k} maps).`;
}

/** The message for NaN and infinite values, or undefined when there are none. */
export function nonFiniteMessage(stack: LabStack, report: NonFiniteReport): string | undefined {
  if (!report.count) return undefined;
  const bad = report.badMaps.filter(Boolean).length;
  const where = report.first
    .map((p) => `n ${p.n}, k ${p.k}, x ${p.x}, y ${p.y} (${Number.isNaN(p.value) ? 'NaN' : p.value > 0 ? '+∞' : '−∞'})`)
    .join('; ');
  const total = stack.n * stack.k;
  return `${stack.source}: ${report.count} value${report.count === 1 ? ' is' : 's are'} NaN or infinite, in ${bad} map${bad === 1 ? '' : 's'}, first at ${where}. Those maps are not decoded; the other ${total - bad} are.`;
}

/** The decoded points of one map, for the map view's markers and its legend table. */
export function mapLines(
  row: LabRow | undefined,
  decoders: readonly DecoderId[],
  stride: number,
): { id: DecoderId; label: string; heatmap: string; input: string; error: string }[] {
  return decoders.map((id) => {
    const p = row?.points[id];
    const e = row?.errors[id];
    return {
      id,
      label: DECODER_LABELS[id],
      heatmap: p ? `${fmt(p.x, 3)}, ${fmt(p.y, 3)}` : '—',
      input: p ? `${fmt(p.x * stride, 2)}, ${fmt(p.y * stride, 2)}` : '—',
      error: e === undefined ? '—' : fmt(e, 3),
    };
  });
}
