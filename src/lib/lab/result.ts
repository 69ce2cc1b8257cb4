/**
 * What one Decoder Lab decode gives the page, assembled from a plan (`plan.ts`) and its decoded
 * rows: the rows shown, each decoder's mean score, the non-finite cells' summary, the flip
 * test's comparison of shifts, the metrics against the ground truth (`labMetrics`) and the AP of
 * a COCO results list, with the messages and notes the reader should see.
 */
import { keypointNames } from '../keypoints.ts';
import { CocoEvalError, cocoEvaluate, type CocoEvalStats } from '../cocoeval.ts';
import type { Point } from '../stack.ts';
import { summarize } from '../stats.ts';
import { cocoEvalInput } from './coco.ts';
import { COCO_METRIC_DEFAULTS } from './cocoMetric.ts';
import { nonFiniteSummary, summarizeLab, type LabRow } from './decode.ts';
import type { NonFiniteReport } from './input.ts';
import { labMetrics, labSigmas, type LabDecoderMetrics } from './metrics.ts';
import type { HeatmapDecoderId } from '../decoders.ts';
import type { LabPlan } from './plan.ts';
import type { PairedTruth } from './pairing.ts';
import type { LabDecoderId, LabRun } from './run.ts';

/** Each decoder's mean error with the flip test off, shifted 0 and shifted 1 (input px). */
export interface FlipComparison {
  decoder: HeatmapDecoderId;
  off?: number;
  shift0?: number;
  shift1?: number;
}

/** Everything one decode gives the page. */
export interface LabResult {
  kind: 'heatmaps' | 'simcc';
  source: string;
  n: number;
  k: number;
  /** Heatmap size (heatmaps) or vector lengths (SimCC: w = x bins, h = y bins). */
  w: number;
  h: number;
  /** The input (crop) size in pixels the points map to. */
  inputW: number;
  inputH: number;
  decoders: LabDecoderId[];
  /** One row per map (heatmaps: points in heatmap px) or keypoint (SimCC: input px). */
  rows: LabRow<LabDecoderId>[];
  /** Input pixels per point unit, per axis. */
  scale: Point;
  names: string[];
  /** Each decoder's mean score over its decoded points (its own score convention). */
  meanScores: Partial<Record<LabDecoderId, number>>;
  truth?: { kind: 'points' | 'coco'; source: string; detections?: string };
  /** Per decoder: PCK, OKS, AP and per-keypoint errors (with ground truth). */
  metrics?: LabDecoderMetrics<LabDecoderId>[];
  /** A COCO results list scored against the COCO ground truth: COCOeval's ten numbers. */
  results?: { source: string; stats: CocoEvalStats };
  /** The flip test as decoded, and what each shift does to each decoder's error. */
  flip?: { source: string; shift: 0 | 1; comparison?: FlipComparison[] };
  /** NaN and infinite cells: the library's one summary line and the first places. */
  nonFinite?: { summary: string; first: NonFiniteReport['first'] };
  /** Problems the reader should fix (a ground truth that does not fit, bad flip pairs). */
  messages: string[];
  /** How things were read or assumed, worth saying. */
  notes: string[];
}

/** The reader's keypoint names when there is one per keypoint; a message when the count differs. */
function labNames(typed: readonly string[], k: number, messages: string[]): string[] | undefined {
  if (typed.length === k) return [...typed];
  if (typed.length)
    messages.push(
      `${typed.length} keypoint names typed under Settings, but the input has ${k} keypoints; they are not used`,
    );
  return undefined;
}

/** The page's result of a plan whose variants decoded to `decoded` (one list of rows per variant). */
export function labResult(plan: LabPlan, decoded: readonly LabRow<LabDecoderId>[][]): LabResult {
  const rows = [...(decoded[0] ?? [])];
  const messages = [...plan.messages];
  const notes = [...plan.notes];
  const { truth } = plan.paired;
  const heatmaps = plan.kind === 'heatmaps';
  const { n, k } = heatmaps ? plan.input.stack : plan.simcc;
  const decoders: LabDecoderId[] = heatmaps ? plan.run.decoders : plan.run.simccDecoders;
  const result: LabResult = {
    kind: plan.kind,
    source: heatmaps ? plan.input.stack.source : plan.simcc.source,
    n,
    k,
    w: heatmaps ? plan.input.stack.w : plan.simcc.lengthX,
    h: heatmaps ? plan.input.stack.h : plan.simcc.lengthY,
    inputW: plan.inputW,
    inputH: plan.inputH,
    decoders,
    rows,
    scale: plan.scale,
    names:
      labNames(plan.run.names, k, messages) ??
      truth?.names ??
      (heatmaps ? plan.input.names : undefined) ??
      keypointNames(k),
    meanScores: meanScores(rows, decoders),
    messages,
    notes,
  };
  const bad = nonFiniteSummary(rows);
  if (bad) result.nonFinite = { summary: bad, first: heatmaps ? (plan.variants[0]?.report.first ?? []) : [] };
  if (plan.flip) result.flip = { ...plan.flip };
  if (plan.kind === 'heatmaps' && plan.flip && result.flip) {
    if (truth) {
      const byKey = new Map(plan.variants.map((v, i) => [v.key, summarizeLab(decoded[i] ?? [], plan.run.decoders)]));
      const mean = (key: 'off' | 0 | 1, id: HeatmapDecoderId) => byKey.get(key)?.[id]?.mean;
      result.flip.comparison = plan.run.decoders.map((decoder) => {
        const [off, shift0, shift1] = [mean('off', decoder), mean(0, decoder), mean(1, decoder)];
        return {
          decoder,
          ...(off === undefined ? {} : { off }),
          ...(shift0 === undefined ? {} : { shift0 }),
          ...(shift1 === undefined ? {} : { shift1 }),
        };
      });
    }
  }
  addMetrics(result, plan);
  return result;
}

const fmtSize = (v: number) => String(Number(v.toFixed(1)));

/** What {@link labTruthReport} reads of a decode: its rows and frame, the run and the paired ground truth. */
export interface LabTruthContext {
  rows: readonly LabRow<LabDecoderId>[];
  k: number;
  decoders: readonly LabDecoderId[];
  /** Input pixels per point unit, per axis. */
  scale: Point;
  inputW: number;
  inputH: number;
  names: readonly string[];
  run: LabRun;
  paired: PairedTruth;
}

/** The accuracy part of a result: the metrics, a results list's AP, and what the reader should know of them. */
export type LabTruthReport = Pick<LabResult, 'truth' | 'metrics' | 'results' | 'messages' | 'notes'>;

/**
 * Metrics against the ground truth, and the AP of a COCO results list, with what the reader
 * should know of them: the Lab's and the command line's one protocol.
 */
export function labTruthReport(context: LabTruthContext): LabTruthReport {
  const { k, rows, decoders, scale, paired, run } = context;
  const report: LabTruthReport = { messages: [], notes: [] };
  const { truth, results } = paired;
  const { sigmas, problem } = labSigmas(run.sigmas, k);
  if (problem && (truth || results)) report.messages.push(problem);
  if (truth) {
    report.truth = {
      kind: truth.kind,
      source: truth.source,
      ...(truth.detections ? { detections: truth.detections } : {}),
    };
    const coco =
      truth.kind === 'coco' && truth.coco && truth.instances
        ? {
            coco: truth.coco,
            instances: truth.instances,
            mapping: run.mapping,
            inputW: context.inputW,
            inputH: context.inputH,
          }
        : undefined;
    report.metrics = labMetrics({
      rows,
      k,
      decoders,
      truths: truth.perSample,
      scale,
      names: context.names,
      ...(sigmas ? { sigmas } : {}),
      ...(coco ? { coco } : {}),
    });
    if (truth.kind === 'points') {
      report.notes.push(
        `${truth.source} has no boxes: PCK, OKS and AP take each sample's box as the crop without MMPose's 1.25 padding (${fmtSize(context.inputW / 1.25)} × ${fmtSize(context.inputH / 1.25)} px). A COCO keypoints file gives the real boxes.`,
      );
    }
    if (truth.detections) {
      report.notes.push(
        `Samples on ${truth.detections}'s boxes have no annotation of their own: mean error, PCK and OKS are not measured; AP and AR are CocoMetric's, each pose scored by its box score × the mean of its keypoint scores above ${COCO_METRIC_DEFAULTS.keypointScoreThr}, then OKS-NMS at ${COCO_METRIC_DEFAULTS.nmsThr}.`,
      );
    }
    if (!sigmas && !problem)
      report.notes.push(
        `OKS and AP need a σ per keypoint; the Lab has COCO-17's, and the input has ${k} keypoints: type your dataset's σ (its metainfo's sigmas) under Settings.`,
      );
  }
  if (!results) return report;
  if (truth?.kind !== 'coco' || !truth.coco) {
    report.messages.push(
      `${results.source}: a COCO results list is scored against the COCO keypoints file it was made for; load that too`,
    );
  } else if (!sigmas) {
    report.messages.push(
      `${results.source}: its AP needs a σ per keypoint (COCO-17's, for 17 keypoints, or yours under Settings)`,
    );
  } else {
    try {
      const evaluation = cocoEvaluate(cocoEvalInput(truth.coco, results.list, sigmas));
      report.results = { source: results.source, stats: evaluation.stats };
      for (const note of evaluation.notes) report.notes.push(`${results.source}: ${note}`);
    } catch (error) {
      if (!(error instanceof CocoEvalError)) throw error;
      report.messages.push(`${results.source}: ${error.message}`);
    }
  }
  return report;
}

/** Adds the accuracy part of a plan's result. */
function addMetrics(result: LabResult, plan: LabPlan): void {
  const { messages, notes, ...report } = labTruthReport({ ...result, run: plan.run, paired: plan.paired });
  Object.assign(result, report);
  result.messages.push(...messages);
  result.notes.push(...notes);
}

/** Each decoder's mean score over its finite scores (the library's summary). */
export function meanScores(
  rows: readonly LabRow<LabDecoderId>[],
  decoders: readonly LabDecoderId[],
): Partial<Record<LabDecoderId, number>> {
  const out: Partial<Record<LabDecoderId, number>> = {};
  for (const id of decoders) {
    const scores = rows.flatMap((r) => (r.skipped || !r.points[id] ? [] : [r.points[id].score]));
    const s = summarize(scores);
    if (s.count) out[id] = s.mean;
  }
  return out;
}
