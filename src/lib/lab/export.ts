/**
 * The Decoder Lab's exports: every map's results as CSV (one row per map) and as JSON (the
 * settings, the source and the rows), points in heatmap and input pixels.
 */
import { DECODER_LABELS, type DecoderId } from '../decoders.ts';
import type { LabRow, LabSettings } from './decode.ts';

const cell = (v: number | undefined, digits = 4): string =>
  v === undefined || !Number.isFinite(v) ? '' : Number(v.toFixed(digits)).toString();

/** CSV: n, k, status, truth, then per decoder x and y (heatmap and input px) and error (input px). */
export function labCsv(rows: readonly LabRow[], settings: LabSettings): string {
  const s = settings.stride;
  const header = ['n', 'k', 'status', 'truth_x_hm', 'truth_y_hm', 'spread_in'];
  for (const id of settings.decoders)
    header.push(`${id}_x_hm`, `${id}_y_hm`, `${id}_x_in`, `${id}_y_in`, `${id}_error_in`);
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
      line.push(cell(p?.x), cell(p?.y), cell(p && p.x * s), cell(p && p.y * s), cell(r.errors[id]));
    }
    lines.push(line.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** JSON: the source, the settings, the decoders' names and every row. */
export function labJson(rows: readonly LabRow[], settings: LabSettings, source: string): string {
  return JSON.stringify(
    {
      source,
      settings,
      decoders: Object.fromEntries(settings.decoders.map((id: DecoderId) => [id, DECODER_LABELS[id]])),
      units: { points: 'heatmap pixels', errors: 'input pixels (heatmap × stride)', spread: 'input pixels' },
      rows: rows.map((r) => ({
        n: r.n,
        k: r.k,
        ...(r.skipped ? { skipped: r.skipped } : {}),
        ...(r.truth ? { truth: r.truth } : {}),
        points: Object.fromEntries(Object.entries(r.points).map(([id, p]) => [id, { x: p.x, y: p.y, score: p.score }])),
        errors: r.errors,
        spread: r.spread,
      })),
    },
    null,
    1,
  );
}
