/**
 * A COCO results list scored against its COCO keypoints file with no heatmaps loaded: what a
 * practitioner with MMPose's dumped `*.keypoints.json` wants to check first. The Lab's result
 * then holds no decoded rows, only COCOeval's ten numbers for the list (`cocoEvaluate`), and
 * what the reader should hear of the files.
 */
import { CocoEvalError, cocoEvaluate } from '../cocoeval.ts';
import { keypointNames } from '../keypoints.ts';
import { cocoEvalInput } from './coco.ts';
import { labSigmas } from './metrics.ts';
import type { ReadTruthFile } from './pairing.ts';
import type { LabResult } from './result.ts';

/**
 * The result of scoring a results list alone, or undefined when the files hold no results list
 * (a ground truth alone waits for heatmaps). A list without its ground truth gets a message.
 */
export function labResultsAlone(
  files: readonly ReadTruthFile[],
  typedSigmas: readonly number[] = [],
): LabResult | undefined {
  const messages: string[] = [];
  const notes: string[] = [];
  let coco: Extract<ReadTruthFile, { file: unknown }> | undefined;
  let results: Extract<ReadTruthFile, { file: unknown }> | undefined;
  for (const entry of files) {
    if ('error' in entry) messages.push(entry.error);
    else if (entry.file.kind === 'coco') coco ??= entry;
    else if (entry.file.kind === 'cocoResults') results ??= entry;
    else if (entry.file.kind === 'detections')
      notes.push(
        `${entry.name}: a detector's boxes say where the samples were cropped; load the heatmaps or SimCC vectors made from them.`,
      );
    else notes.push(`${entry.name}: points are compared with decoded heatmaps; load the heatmaps to use them.`);
  }
  if (!results || results.file.kind !== 'cocoResults') return undefined;
  const k = results.file.results[0]?.keypoints.length ?? 0;
  const base: LabResult = {
    kind: 'heatmaps',
    source: results.name,
    n: 0,
    k,
    w: 0,
    h: 0,
    inputW: 0,
    inputH: 0,
    decoders: [],
    rows: [],
    scale: { x: 1, y: 1 },
    names: keypointNames(k),
    meanScores: {},
    messages,
    notes,
  };
  if (!coco || coco.file.kind !== 'coco') {
    messages.push(
      `${results.name}: a COCO results list is scored against the COCO keypoints file it was made for; load that too`,
    );
    return base;
  }
  const { sigmas, problem } = labSigmas(typedSigmas, k);
  if (problem) messages.push(problem);
  if (!sigmas) {
    messages.push(
      `${results.name}: its AP needs a σ per keypoint (COCO-17's, for 17 keypoints, or yours under Settings); it has ${k}`,
    );
    return base;
  }
  try {
    const evaluation = cocoEvaluate(cocoEvalInput(coco.file.coco, results.file.results, sigmas));
    for (const note of evaluation.notes) notes.push(`${results.name}: ${note}`);
    return {
      ...base,
      truth: { kind: 'coco', source: coco.name },
      results: { source: results.name, stats: evaluation.stats },
    };
  } catch (error) {
    if (!(error instanceof CocoEvalError)) throw error;
    messages.push(`${results.name}: ${error.message}`);
    return base;
  }
}
