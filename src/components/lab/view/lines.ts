/**
 * From the Lab's results to the lines its tables and map view show. Pure: the numbers are the
 * library's (decoded rows, `summarizeLab`, `labMetrics`), formatted here.
 */
import {
  DECODER_LABELS,
  mostDisagreement,
  SCORE_CONVENTION_INFO,
  SIMCC_DECODER_LABELS,
  summarizeLab,
  type FlipComparison,
  type LabDecoderId,
  type LabResult,
  type LabRow,
  type Point,
  type ScoreConvention,
} from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';
import type { LabState } from '../state.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows shown in the results table at once; the exports hold every row. */
export const TABLE_LIMIT = 100;
/** Keypoints drawn in the score chart at most (the exports hold every one). */
export const SCORE_CHART_LIMIT = 4000;
/** Rows flagged as where the decoders disagree most. */
export const FLAGGED = 5;

/** A decoder's name for tables and legends. */
export function labelOf(id: LabDecoderId): string {
  return id in DECODER_LABELS
    ? DECODER_LABELS[id as keyof typeof DECODER_LABELS]
    : SIMCC_DECODER_LABELS[id as keyof typeof SIMCC_DECODER_LABELS];
}

/** Which score a decoder reports: the map's maximum, Megvii's max/255 + 0.5, or SimCC's smaller maximum. */
export function scoreConventionOf(id: LabDecoderId): ScoreConvention {
  if (id === 'megvii') return 'megvii';
  return id.startsWith('simcc') ? 'simccMin' : 'heatmapMax';
}

/** One line of the summary table. */
export interface SummaryLine {
  id: LabDecoderId;
  label: string;
  mean: string;
  median: string;
  p95: string;
  max: string;
  /** The decoder's mean score and which convention it is in. */
  score: string;
  scoreKind: string;
}

/** Each decoder's error statistics, input pixels (dashes without ground truth), and its mean score. */
export function summaryLines(
  rows: readonly LabRow<LabDecoderId>[],
  decoders: readonly LabDecoderId[],
  meanScores: Partial<Record<LabDecoderId, number>> = {},
): SummaryLine[] {
  const s = summarizeLab(rows, decoders);
  return decoders.map((id) => {
    const e = s[id];
    const score = meanScores[id];
    return {
      id,
      label: labelOf(id),
      mean: e ? fmt(e.mean, 3) : '—',
      median: e ? fmt(e.median, 3) : '—',
      p95: e ? fmt(e.p95, 3) : '—',
      max: e ? fmt(e.max, 3) : '—',
      score: score === undefined ? '—' : fmt(score, 3),
      scoreKind: SCORE_CONVENTION_INFO[scoreConventionOf(id)].label,
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
  cells: { id: LabDecoderId; point: string; error: string }[];
}

/**
 * The rows to show, in the chosen order, at most TABLE_LIMIT, the most disagreeing flagged.
 * `unit` names a row: a map (heatmaps) or a keypoint (SimCC).
 */
export function tableLines(
  rows: readonly LabRow<LabDecoderId>[],
  decoders: readonly LabDecoderId[],
  sort: LabState['sort'],
  unit: 'map' | 'keypoint' = 'map',
): { lines: TableLine[]; note: string } {
  const flagged = new Set(mostDisagreement(rows, FLAGGED));
  const meanError = (r: LabRow<LabDecoderId>) => {
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
      ? `Showing ${TABLE_LIMIT} of ${rows.length} ${unit}s; the exports hold all of them.`
      : `${plural(rows.length, unit)}.`;
  return { lines, note };
}

/** One line of the selected map's points. */
export interface MapLine {
  id: LabDecoderId;
  label: string;
  /** In the rows' first frame: heatmap px for maps, bins for SimCC. */
  heatmap: string;
  input: string;
  score: string;
  error: string;
  /** What the decoder fell back to, when it could not do all it normally does. */
  fallback?: string;
}

/**
 * The decoded points of one map, for the map view's markers and its legend table: the row's
 * points times `firstScale` (heatmap px, or bins for SimCC rows, which are input px times k)
 * and times `scale` (input px per point unit, per axis or both).
 */
export function mapLines(
  row: LabRow<LabDecoderId> | undefined,
  decoders: readonly LabDecoderId[],
  scale: number | Point,
  firstScale: number | Point = 1,
): MapLine[] {
  const s = typeof scale === 'number' ? { x: scale, y: scale } : scale;
  const f = typeof firstScale === 'number' ? { x: firstScale, y: firstScale } : firstScale;
  return decoders.map((id) => {
    const p = row?.points[id];
    const e = row?.errors[id];
    return {
      id,
      label: labelOf(id),
      heatmap: p ? `${fmt(p.x * f.x, 3)}, ${fmt(p.y * f.y, 3)}` : '—',
      input: p ? `${fmt(p.x * s.x, 2)}, ${fmt(p.y * s.y, 2)}` : '—',
      score: p ? fmt(p.score, 4) : '—',
      error: e === undefined ? '—' : fmt(e, 3),
      ...(p?.fallback ? { fallback: p.fallback } : {}),
    };
  });
}

/** The mean error of each keypoint (rows, by name) for each decoder (columns), input pixels. */
export function keypointLines(result: LabResult): { name: string; errors: string[] }[] {
  const metrics = result.metrics ?? [];
  return result.names.map((name, j) => ({
    name,
    errors: metrics.map((m) => {
      const e = m.perKeypoint[j];
      return e && e.count ? fmt(e.meanError, 2) : '—';
    }),
  }));
}

/** What each flip-test choice does to each decoder's mean error, input pixels. */
export function flipLines(
  comparison: readonly FlipComparison[],
): { id: LabDecoderId; label: string; cells: string[] }[] {
  const e = (v: number | undefined) => (v === undefined ? '—' : fmt(v, 3));
  return comparison.map((c) => ({
    id: c.decoder,
    label: labelOf(c.decoder),
    cells: [e(c.off), e(c.shift0), e(c.shift1)],
  }));
}
