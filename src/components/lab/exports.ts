/**
 * The Lab's downloads: every map's (or SimCC keypoint's) results as CSV and JSON, written by the
 * library (`labCsv`, `labJson`, `labSimccCsv`, `labSimccJson`) with the keypoint names, scores
 * and the convention they were decoded under, offered through the framework's `download`.
 */
import { labCsv, labJson, labSimccCsv, labSimccJson, type LabRow, type SimccDecoderId } from '../../lib/index.ts';
import { download } from '../ui/export-figure.ts';
import type { LabResult, LabRun } from './session.ts';

/** The CSV or JSON text of a decode, and its file name. */
export function exportText(
  format: 'csv' | 'json',
  result: LabResult,
  run: LabRun,
): { name: string; type: string; text: string } {
  const name = `subpixel-lab.${format}`;
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  const context = { names: result.names, k: result.k };
  if (result.kind === 'simcc') {
    const rows = result.rows as LabRow<SimccDecoderId>[];
    const settings = { decoders: run.simccDecoders, splitRatio: run.splitRatio, sigma: run.sigma, beta: run.beta };
    return {
      name,
      type,
      text:
        format === 'csv' ? labSimccCsv(rows, settings, context) : labSimccJson(rows, settings, result.source, context),
    };
  }
  const rows = result.rows as LabRow[];
  const settings = {
    decoders: run.decoders,
    kernel: run.kernel,
    beta: run.beta,
    stride: run.stride,
    convention: run.convention,
    mapping: run.mapping,
  };
  const heatmap = { ...context, heatmapW: result.w, heatmapH: result.h };
  return {
    name,
    type,
    text: format === 'csv' ? labCsv(rows, settings, heatmap) : labJson(rows, settings, result.source, heatmap),
  };
}

/** Wires the export buttons to the latest decode. */
export function bindExports(
  root: HTMLElement,
  latest: () => { result: LabResult; run: LabRun } | undefined,
): () => void {
  const onClick = (event: Event): void => {
    const format = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    const decoded = latest();
    if ((format !== 'csv' && format !== 'json') || !decoded) return;
    const { name, type, text } = exportText(format, decoded.result, decoded.run);
    download(new Blob([text], { type }), name);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
