/**
 * The Lab's downloads: every map's (or SimCC keypoint's) results as CSV and JSON, written by the
 * library (`labCsv`, `labJson`, `labSimccCsv`, `labSimccJson`) with the keypoint names, scores
 * and the settings they were decoded under.
 */
import {
  heatmapSettingsOf,
  labCsv,
  labJson,
  labSimccCsv,
  labSimccJson,
  simccSettingsOf,
  type LabRow,
  type SimccDecoderId,
} from '../../lib/index.ts';
import type { LabDecoded } from './sources.ts';

/** The CSV or JSON text of a decode, and its file name and type. */
export function exportText(
  format: 'csv' | 'json',
  { result, run }: LabDecoded,
): { name: string; type: string; text: string } {
  const name = `subpixel-lab.${format}`;
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  const context = { names: result.names, k: result.k };
  if (result.kind === 'simcc') {
    const rows = result.rows as LabRow<SimccDecoderId>[];
    const settings = simccSettingsOf(run);
    return {
      name,
      type,
      text:
        format === 'csv' ? labSimccCsv(rows, settings, context) : labSimccJson(rows, settings, result.source, context),
    };
  }
  const rows = result.rows as LabRow[];
  const settings = heatmapSettingsOf(run);
  const heatmap = { ...context, heatmapW: result.w, heatmapH: result.h };
  return {
    name,
    type,
    text: format === 'csv' ? labCsv(rows, settings, heatmap) : labJson(rows, settings, result.source, heatmap),
  };
}
