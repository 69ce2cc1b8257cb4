/**
 * What the command line prints: COCOeval's ten lines, as pycocotools' `summarize()` prints them,
 * and the decode's table (one row per decoder), or the same as one JSON object.
 */
import { COCO_EVAL_STAT_NAMES, type CocoEvalOutput, type CocoEvalStats } from '../lib/cocoeval.ts';
import { DECODER_LABELS, isHeatmapDecoderId } from '../lib/decoders.ts';
import { labMeanError } from '../lib/lab/metrics.ts';
import { meanScores } from '../lib/lab/result.ts';
import type { LabDecoderId } from '../lib/lab/run.ts';
import { SIMCC_DECODER_LABELS, type SimccDecoderId } from '../lib/simcc.ts';
import type { DecodeOutcome } from './decode.ts';

/** `summarize()`'s lines for keypoints: the statistic, its OKS thresholds, area and maxDets. */
const SUMMARY_LINES: Record<keyof CocoEvalStats, [string, string, string]> = {
  ap: ['Average Precision  (AP)', '0.50:0.95', '   all'],
  ap50: ['Average Precision  (AP)', '0.50     ', '   all'],
  ap75: ['Average Precision  (AP)', '0.75     ', '   all'],
  apm: ['Average Precision  (AP)', '0.50:0.95', 'medium'],
  apl: ['Average Precision  (AP)', '0.50:0.95', ' large'],
  ar: ['Average Recall     (AR)', '0.50:0.95', '   all'],
  ar50: ['Average Recall     (AR)', '0.50     ', '   all'],
  ar75: ['Average Recall     (AR)', '0.75     ', '   all'],
  arm: ['Average Recall     (AR)', '0.50:0.95', 'medium'],
  arl: ['Average Recall     (AR)', '0.50:0.95', ' large'],
};

/** The evaluation as pycocotools prints it, then its notes. */
export function evalText(output: CocoEvalOutput, maxDets = 20): string {
  const lines = COCO_EVAL_STAT_NAMES.map((name) => {
    const [what, iou, area] = SUMMARY_LINES[name];
    return ` ${what} @[ IoU=${iou} | area=${area} | maxDets=${String(maxDets).padStart(3)} ] = ${output.stats[name].toFixed(3)}`;
  });
  return [...lines, ...output.notes.map((n) => `note: ${n}`)].join('\n') + '\n';
}

/** The statistics as one JSON object, `ap` … `arl`. */
export const statsJson = (stats: CocoEvalStats): string => `${JSON.stringify(stats, null, 2)}\n`;

const label = (id: LabDecoderId) =>
  isHeatmapDecoderId(id) ? DECODER_LABELS[id] : SIMCC_DECODER_LABELS[id as SimccDecoderId];

/** Each decoder's summary: its accuracy with a ground truth, its mean score always. */
export function decodeSummary(outcome: DecodeOutcome) {
  const { source, frame, run, report } = outcome;
  const scores = meanScores(outcome.rows, outcome.decoders);
  return {
    input: {
      source: source.source,
      kind: source.kind,
      n: source.n,
      k: source.k,
      ...(source.kind === 'heatmaps'
        ? { h: source.h, w: source.w, layout: source.layout }
        : { lengthX: source.lengthX, lengthY: source.lengthY }),
      inputW: frame.inputW,
      inputH: frame.inputH,
    },
    settings: {
      convention: run.convention,
      mapping: run.mapping,
      kernel: run.kernel,
      beta: run.beta,
      stride: run.stride,
      splitRatio: run.splitRatio,
      sigma: run.sigma,
    },
    ...(report.truth ? { truth: report.truth } : {}),
    decoders: outcome.decoders.map((decoder) => {
      const m = report.metrics?.find((x) => x.decoder === decoder);
      return {
        decoder,
        label: label(decoder),
        meanScore: scores[decoder] ?? null,
        ...(m
          ? {
              ...(m.coco ?? (m.ap ? { ap: m.ap.ap, ap50: m.ap.ap50, ap75: m.ap.ap75, ar: m.ap.ar } : {})),
              ...(m.meanOks !== undefined ? { meanOks: m.meanOks } : {}),
              pck05: m.pck05,
              pck10: m.pck10,
              meanError: labMeanError(m),
              perKeypoint: m.perKeypoint,
            }
          : {}),
      };
    }),
    notes: outcome.notes,
    written: outcome.written,
  };
}

const cell = (v: unknown, digits: number) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');

/** The decode's table, decoders down, measures across, then notes and the files written. */
export function decodeText(outcome: DecodeOutcome): string {
  const summary = decodeSummary(outcome);
  const { input } = summary;
  const { source } = outcome;
  const shape =
    source.kind === 'heatmaps'
      ? `maps of ${source.h} × ${source.w}`
      : `vectors of ${source.lengthX} and ${source.lengthY} bins`;
  const head = [
    `${input.source}: ${input.n.toLocaleString('en')} samples × ${input.k} keypoints, ${shape}; input ${input.inputW} × ${input.inputH} px`,
    ...(summary.truth
      ? [
          `ground truth: ${summary.truth.source}${summary.truth.detections ? ` on the boxes of ${summary.truth.detections}` : ''}`,
        ]
      : []),
  ];
  const coco = summary.truth?.kind === 'coco';
  const columns: [string, string, number][] = coco
    ? [
        ['AP', 'ap', 3],
        ['AP .5', 'ap50', 3],
        ['AP .75', 'ap75', 3],
        ['AP (M)', 'apm', 3],
        ['AP (L)', 'apl', 3],
        ['AR', 'ar', 3],
        ['AR .5', 'ar50', 3],
        ['AR .75', 'ar75', 3],
        ['AR (M)', 'arm', 3],
        ['AR (L)', 'arl', 3],
        ['PCK@0.05', 'pck05', 3],
        ['PCK@0.1', 'pck10', 3],
        ['error px', 'meanError', 2],
      ]
    : summary.truth
      ? [
          ['AP', 'ap', 3],
          ['AP .5', 'ap50', 3],
          ['AP .75', 'ap75', 3],
          ['AR', 'ar', 3],
          ['OKS', 'meanOks', 3],
          ['PCK@0.05', 'pck05', 3],
          ['PCK@0.1', 'pck10', 3],
          ['error px', 'meanError', 2],
          ['score', 'meanScore', 3],
        ]
      : [['mean score', 'meanScore', 3]];
  const rows = summary.decoders.map((d) => [
    d.label,
    ...columns.map(([, key, digits]) => cell((d as Record<string, unknown>)[key], digits)),
  ]);
  const header = ['decoder', ...columns.map(([title]) => title)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return (
    [
      ...head,
      '',
      line(header),
      ...rows.map(line),
      '',
      ...summary.notes.map((n) => `note: ${n}`),
      ...summary.written.map((p) => `wrote ${p}`),
    ]
      .join('\n')
      .replace(/\n+$/, '') + '\n'
  );
}
