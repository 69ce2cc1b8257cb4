/**
 * The Decoder Lab's exports: every map's results as CSV (one row per map) and as JSON (the
 * settings with the convention and mapping, the keypoint names, the source and the rows),
 * points in heatmap and input pixels with each decoder's score. SimCC pairs export the same
 * way ({@link labSimccCsv}, {@link labSimccJson}), points in bins and input pixels.
 */
import { DECODER_LABELS, type HeatmapDecoderId } from '../decoders.ts';
import { keypointNames } from '../keypoints.ts';
import { SIMCC_DECODER_LABELS, type SimccDecoderId } from '../simcc.ts';
import type { LabRow, LabSettings, LabSimccSettings } from './decode.ts';
import { labInputScale } from './decode.ts';
import { inputToImage, type Crop, type InputMapping } from '../mapping.ts';
import type { Point } from '../stack.ts';

const cell = (v: number | undefined, digits = 4): string =>
  v === undefined || !Number.isFinite(v) ? '' : Number(v.toFixed(digits)).toString();

/** A CSV field, quoted when it holds a comma, quote or line break. */
const text = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** What the exports need besides the rows and settings. */
export interface LabExportContext {
  /** Keypoint names by k (default: COCO-17's for 17 keypoints, else `keypoint k`). */
  names?: readonly string[];
  /** Map size, for the UDP mapping's input pixels (default: the stride mapping needs none). */
  heatmapW?: number;
  heatmapH?: number;
  /** Keypoints per sample, for the default names. */
  k?: number;
}

/** Each decoder's point as the JSON exports write it: x, y, score, and its fallback if it took one. */
function pointRecords(points: LabRow<string>['points']) {
  return Object.fromEntries(
    Object.entries(points).flatMap(([id, p]) =>
      p ? [[id, { x: p.x, y: p.y, score: p.score, ...(p.fallback ? { fallback: p.fallback } : {}) }]] : [],
    ),
  );
}

function namesOf(rows: readonly LabRow<string>[], context: LabExportContext): readonly string[] {
  if (context.names) return context.names;
  const k = context.k ?? rows.reduce((m, r) => Math.max(m, r.k + 1), 0);
  return keypointNames(k);
}

/**
 * CSV: n, k, status, truth, spread, then per decoder x and y (heatmap and input px), score and
 * error (input px), then the keypoint's name and the map's count of NaN or infinite cells.
 */
export function labCsv(
  rows: readonly LabRow[],
  settings: LabSettings<HeatmapDecoderId>,
  context: LabExportContext = {},
): string {
  const s = labInputScale(settings, context.heatmapW ?? 1, context.heatmapH ?? 1);
  const names = namesOf(rows, context);
  const header = ['n', 'k', 'status', 'truth_x_hm', 'truth_y_hm', 'spread_in'];
  for (const id of settings.decoders)
    header.push(`${id}_x_hm`, `${id}_y_hm`, `${id}_x_in`, `${id}_y_in`, `${id}_score`, `${id}_error_in`);
  header.push('keypoint', 'bad_cells');
  const lines = [header.join(',')];
  for (const r of rows) {
    const line = [
      String(r.n),
      String(r.k),
      r.skipped ? 'skipped' : 'ok',
      cell(r.truth?.x),
      cell(r.truth?.y),
      cell(r.skipped ? undefined : r.spread),
    ];
    for (const id of settings.decoders) {
      const p = r.points[id];
      line.push(
        cell(p?.x),
        cell(p?.y),
        cell(p && p.x * s.x),
        cell(p && p.y * s.y),
        cell(p?.score, 6),
        cell(r.errors[id]),
      );
    }
    line.push(text(names[r.k] ?? `keypoint ${r.k}`), String(r.badCells ?? 0));
    lines.push(line.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON: the source, the settings (convention, mapping), keypoint names, decoders' names and every row. */
export function labJson(
  rows: readonly LabRow[],
  settings: LabSettings<HeatmapDecoderId>,
  source: string,
  context: LabExportContext = {},
): string {
  const names = namesOf(rows, context);
  return JSON.stringify(
    {
      source,
      settings: { ...settings, convention: settings.convention ?? 'reference', mapping: settings.mapping ?? 'stride' },
      keypoints: names,
      decoders: Object.fromEntries(settings.decoders.map((id) => [id, DECODER_LABELS[id]])),
      units: {
        points: 'heatmap pixels',
        errors: `input pixels (heatmap × ${settings.mapping === 'udp' ? '(w−1)/(W−1)' : 'stride'})`,
        spread: 'input pixels',
        scores: "each decoder's own score (Megvii: max/255 + 0.5; others: the map's maximum)",
      },
      rows: rows.map((r) => ({
        n: r.n,
        k: r.k,
        keypoint: names[r.k] ?? `keypoint ${r.k}`,
        ...(r.skipped ? { skipped: r.skipped } : {}),
        ...(r.badCells ? { badCells: r.badCells } : {}),
        ...(r.truth ? { truth: r.truth } : {}),
        points: pointRecords(r.points),
        errors: r.errors,
        spread: r.spread,
      })),
    },
    null,
    1,
  );
}

/**
 * SimCC rows as CSV: n, k, status, truth and spread (input px), then per decoder x and y in
 * bins (input px × k) and in input pixels, score (`get_simcc_maximum`'s smaller maximum) and
 * error (input px), then the keypoint's name and its count of NaN or infinite bins.
 */
export function labSimccCsv(
  rows: readonly LabRow<SimccDecoderId>[],
  settings: LabSimccSettings,
  context: Pick<LabExportContext, 'names' | 'k'> = {},
): string {
  const names = namesOf(rows, context);
  const k = settings.splitRatio;
  const header = ['n', 'k', 'status', 'truth_x_in', 'truth_y_in', 'spread_in'];
  for (const id of settings.decoders)
    header.push(`${id}_x_bin`, `${id}_y_bin`, `${id}_x_in`, `${id}_y_in`, `${id}_score`, `${id}_error_in`);
  header.push('keypoint', 'bad_bins');
  const lines = [header.join(',')];
  for (const r of rows) {
    const line = [
      String(r.n),
      String(r.k),
      r.skipped ? 'skipped' : 'ok',
      cell(r.truth?.x),
      cell(r.truth?.y),
      cell(r.spread),
    ];
    for (const id of settings.decoders) {
      const p = r.points[id];
      line.push(cell(p && p.x * k), cell(p && p.y * k), cell(p?.x), cell(p?.y), cell(p?.score, 6), cell(r.errors[id]));
    }
    line.push(text(names[r.k] ?? `keypoint ${r.k}`), String(r.badCells ?? 0));
    lines.push(line.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** SimCC rows as JSON: the source, the settings (split ratio, σ, β), keypoint names, decoders' names and every row. */
export function labSimccJson(
  rows: readonly LabRow<SimccDecoderId>[],
  settings: LabSimccSettings,
  source: string,
  context: Pick<LabExportContext, 'names' | 'k'> = {},
): string {
  const names = namesOf(rows, context);
  return JSON.stringify(
    {
      source,
      input: 'simcc',
      settings,
      keypoints: names,
      decoders: Object.fromEntries(settings.decoders.map((id) => [id, SIMCC_DECODER_LABELS[id]])),
      units: {
        points: 'input pixels (bins / split ratio, as SimCCLabel.decode)',
        errors: 'input pixels',
        spread: 'input pixels',
        scores: "get_simcc_maximum's score: the smaller of the x and y vectors' maxima",
      },
      rows: rows.map((r) => ({
        n: r.n,
        k: r.k,
        keypoint: names[r.k] ?? `keypoint ${r.k}`,
        ...(r.badCells ? { badBins: r.badCells } : {}),
        ...(r.truth ? { truth: r.truth } : {}),
        points: pointRecords(r.points),
        errors: r.errors,
        spread: r.spread,
      })),
    },
    null,
    1,
  );
}

/**
 * One decoder's points as an [N, K, 3] array of (x, y, score), as the command line writes it to
 * `<decoder>.npy`: input pixels (`scale` per axis: heatmap pixels × stride, or UDP's ratio), or,
 * given each sample's crop (a COCO ground truth or detected boxes), image pixels, mapped back as
 * MMPose does. A keypoint a decoder could not place is NaN; its score then 0.
 */
export function labPointArray(
  rows: readonly LabRow<string>[],
  decoder: string,
  shape: { n: number; k: number },
  scale: Point,
  image?: { crops: readonly Crop[]; inputW: number; inputH: number; mapping: InputMapping },
): Float32Array {
  const out = new Float32Array(shape.n * shape.k * 3).fill(Number.NaN);
  for (const row of rows) {
    const p = row.points[decoder];
    const at = row.index * 3;
    out[at + 2] = p && Number.isFinite(p.score) ? p.score : 0;
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    let q: Point = { x: p.x * scale.x, y: p.y * scale.y };
    if (image) q = inputToImage(q, image.crops[row.n]!, image.inputW, image.inputH, image.mapping);
    out[at] = q.x;
    out[at + 1] = q.y;
  }
  return out;
}
