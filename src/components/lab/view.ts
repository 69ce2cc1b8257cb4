/**
 * From the Lab's results to the texts its tables, map view and messages show. Pure: the
 * numbers are the library's (decoded rows, `summarizeLab`, `labMetrics`), formatted here.
 */
import {
  DECODE_CONVENTION_LABELS,
  DECODER_LABELS,
  HEATMAP_DECODER_IDS,
  SIMCC_DECODER_IDS,
  INPUT_MAPPING_LABELS,
  mostDisagreement,
  SCORE_CONVENTION_INFO,
  SIMCC_DECODER_LABELS,
  summarizeLab,
  TOOLKIT_FUNCTIONS,
  type DecodeConvention,
  type InputMapping,
  type LabRow,
  type NonFiniteReport,
  type Point,
  type ScoreConvention,
  type ToolkitFunction,
} from '../../lib/index.ts';
import type { ViewModel } from '../ui/apply-view.ts';
import { fmt } from '../ui/format.ts';
import type { FlipComparison, InputSummary, LabResult } from './session.ts';
import type { LabDecoderId, LabState } from './state.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows shown in the results table at once; the exports hold every row. */
export const TABLE_LIMIT = 100;
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

/** What was loaded, in one line. */
export function stackLine(
  input: Pick<InputSummary, 'source' | 'n' | 'k' | 'h' | 'w'> & { kind?: InputSummary['kind'] },
): string {
  const what = `${input.source}: ${plural(input.n, 'sample')} × ${plural(input.k, 'keypoint')}`;
  if (input.kind === 'simcc') return `${what}, SimCC vectors of ${input.w} (x) and ${input.h} (y) bins.`;
  return `${what} of ${input.h} × ${input.w} cells (${input.n * input.k} maps).`;
}

/**
 * The one message about NaN and infinite values: the library's summary (how many cells, in how
 * many maps, what was decoded), then where the first ones are.
 */
export function nonFiniteMessage(
  source: string,
  nonFinite: { summary: string; first: NonFiniteReport['first'] },
): string {
  const where = nonFinite.first
    .map((p) => `n ${p.n}, k ${p.k}, x ${p.x}, y ${p.y} (${Number.isNaN(p.value) ? 'NaN' : p.value > 0 ? '+∞' : '−∞'})`)
    .join('; ');
  return `${source}: ${nonFinite.summary}${where ? `. First at ${where}` : ''}.`;
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

/** One decoder's COCO-style accuracy. */
export interface MetricsLine {
  id: LabDecoderId | 'results';
  label: string;
  pck05: string;
  pck10: string;
  oks: string;
  ap: string;
  ap50: string;
  ap75: string;
}

const pct = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : fmt(100 * v, 1));

/** Each decoder's PCK, mean OKS and AP (percent), and the AP of a COCO results list when scored. */
export function metricsLines(result: LabResult): MetricsLine[] {
  const lines: MetricsLine[] = (result.metrics ?? []).map((m) => ({
    id: m.decoder,
    label: labelOf(m.decoder),
    pck05: pct(m.pck05),
    pck10: pct(m.pck10),
    oks: pct(m.meanOks),
    ap: pct(m.ap?.ap),
    ap50: pct(m.ap?.ap50),
    ap75: pct(m.ap?.ap75),
  }));
  if (result.results) {
    const { ap } = result.results.ap;
    lines.push({
      id: 'results',
      label: `Your results (${result.results.source})`,
      pck05: '—',
      pck10: '—',
      oks: '—',
      ap: pct(ap),
      ap50: pct(result.results.ap.ap50),
      ap75: pct(result.results.ap.ap75),
    });
  }
  return lines;
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

/** The toolkit function a decoder follows under a convention. */
export function toolkitFunction(convention: DecodeConvention, decoder: string): ToolkitFunction | undefined {
  return (
    TOOLKIT_FUNCTIONS.find((t) => t.decoder === decoder && t.convention === convention) ??
    TOOLKIT_FUNCTIONS.find((t) => t.decoder === decoder && t.convention === 'both')
  );
}

/** "follows refine_keypoints (mmpose/codecs/utils/refinement.py)": a decoder's line under its checkbox. */
export function followsText(convention: DecodeConvention, decoder: string): string {
  const t = toolkitFunction(convention, decoder);
  if (!t) return '';
  return t.file.startsWith('(') ? `${t.follows}; ${t.note}` : `${t.follows}, ${t.repository} ${t.file}`;
}

/** The sentence under the convention and mapping controls. */
export function conventionText(
  convention: DecodeConvention,
  mapping: InputMapping,
  loaded?: 'heatmaps' | 'simcc',
): string {
  if (loaded === 'simcc') {
    return `SimCC decoders follow MMPose's SimCCLabel under either convention (points are bins / k, input pixels). The mapping, ${INPUT_MAPPING_LABELS[mapping]}, places a COCO file's boxes in the crop.`;
  }
  const how =
    convention === 'mmpose'
      ? "MMPose's codecs: a map whose maximum is ≤ 0 decodes to (−1, −1); the quarter shift is decided per axis; DARK starts from get_heatmap_maximum's point."
      : "HRNet's and DarkPose's code: a map whose maximum is ≤ 0 decodes to (0, 0); the quarter shift moves both axes only away from the border.";
  return `${how} Input pixels: ${INPUT_MAPPING_LABELS[mapping]}.`;
}

/** The status line after a decode. */
export function decodedLine(result: LabResult): string {
  const what = result.kind === 'simcc' ? 'keypoints' : 'maps';
  return `Decoded ${result.rows.length} ${what} with ${plural(result.decoders.length, 'decoder')}.`;
}

/** The selected map's name: sample, keypoint and its name. */
export function mapName(index: number, k: number, names: readonly string[]): string {
  const j = index % k;
  const name = names[j];
  return `sample ${Math.floor(index / k)}, keypoint ${j}${name && name !== `keypoint ${j}` ? ` (${name})` : ''}`;
}

/** The line above the results: what was decoded, against what, under which convention. */
export function loadedLine(result: LabResult, s: Readonly<LabState>): string {
  const input = stackLine(result);
  const truth = result.truth
    ? `Ground truth: ${result.truth.source}${result.truth.kind === 'coco' ? ' (COCO keypoints)' : result.kind === 'heatmaps' ? `, ${s.units} pixels` : ''}.`
    : 'No ground truth: errors, PCK, OKS and AP are not shown.';
  const flip = result.flip ? ` Flip test with ${result.flip.source}, shift ${result.flip.shift}.` : '';
  const frame =
    result.kind === 'heatmaps'
      ? ` ${DECODE_CONVENTION_LABELS[s.convention]} convention, ${s.mapping} mapping, stride ${fmt(s.stride, 2)} (input ${fmt(result.inputW, 0)} × ${fmt(result.inputH, 0)} px).`
      : ` Split ratio ${fmt(s.split, 2)} (input ${fmt(result.inputW, 1)} × ${fmt(result.inputH, 1)} px).`;
  return `${input} ${truth}${flip}${frame}`;
}

/** Which settings apply to what is loaded, and which toolkit function each decoder follows. */
export function settingsView(
  s: Readonly<LabState>,
  loaded: 'heatmaps' | 'simcc' | undefined,
  flipped: boolean,
): ViewModel {
  const text: Record<string, string> = {
    'convention-text': conventionText(s.convention, s.mapping, loaded),
    'flip-text':
      loaded === 'simcc'
        ? 'The flip test applies to heatmaps; SimCC vectors are decoded without it.'
        : flipped
          ? s.flip === 'off'
            ? 'The flipped maps are loaded but not used.'
            : `The flipped image's maps are flipped back (mirrored, left and right swapped by the pairs), shifted ${s.flip} cell${s.flip === '1' ? '' : 's'} right and averaged with the input's, as MMPose's flip_heatmaps (mmpose/models/utils/tta.py) and its heads do.`
          : "Load the flipped image's maps under Inputs to use the flip test.",
  };
  for (const id of [...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS])
    text[`follows-${id}`] = followsText(s.convention, id);
  return {
    attrs: {
      'heatmap-settings': { hidden: loaded === 'simcc' ? '' : null },
      'simcc-settings': { hidden: loaded === 'heatmaps' ? '' : null },
    },
    text,
  };
}
