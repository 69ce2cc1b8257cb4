/**
 * From the Lab's results to its accuracy tables: PCK, mean OKS and AP per decoder, and COCOeval's
 * ten numbers per decoder and for a results file. Pure: the numbers are the library's
 * (`labMetrics`, `cocoMetric`, `cocoEvaluate`), formatted here.
 */
import { COCO_EVAL_STAT_NAMES, type CocoEvalStats, type LabDecoderId, type LabResult } from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';
import { labelOf } from './lines.ts';

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
    ap: pct(m.coco?.ap ?? m.ap?.ap),
    ap50: pct(m.coco?.ap50 ?? m.ap?.ap50),
    ap75: pct(m.coco?.ap75 ?? m.ap?.ap75),
  }));
  if (result.results) {
    const { stats } = result.results;
    lines.push({
      id: 'results',
      label: `Your results (${result.results.source})`,
      pck05: '—',
      pck10: '—',
      oks: '—',
      ap: stat(stats.ap),
      ap50: stat(stats.ap50),
      ap75: stat(stats.ap75),
    });
  }
  return lines;
}

/** A COCOeval statistic in percent; −1 (nobody counts in that range) as a dash. */
const stat = (v: number) => (v < 0 ? '—' : pct(v));

/** One decoder's (or the results file's) ten COCOeval numbers, in `summarize()`'s order. */
export interface CocoLine {
  id: LabDecoderId | 'results';
  label: string;
  cells: string[];
}

/** COCOeval's ten numbers per decoder (with a COCO file) and for a results file, in percent. */
export function cocoLines(result: LabResult): CocoLine[] {
  const cells = (s: CocoEvalStats) => COCO_EVAL_STAT_NAMES.map((name) => stat(s[name]));
  const lines: CocoLine[] = (result.metrics ?? []).flatMap((m) =>
    m.coco ? [{ id: m.decoder, label: labelOf(m.decoder), cells: cells(m.coco) }] : [],
  );
  if (result.results) {
    lines.push({ id: 'results', label: `Your results (${result.results.source})`, cells: cells(result.results.stats) });
  }
  return lines;
}
