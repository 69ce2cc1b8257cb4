/**
 * `subpixel decode`: every map of a heatmap file (or every vector pair of a SimCC file), of any
 * size, through the chosen decoders, a chunk of samples at a time on worker threads; then, with a
 * ground truth, the Decoder Lab's metrics (`labTruthReport`: PCK, OKS, and COCO AP as MMPose's
 * CocoMetric computes it). The run, the decoding and the metrics are the Lab's own functions, so
 * the two give the same numbers.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flipIndicesFromPairs } from '../lib/flip.ts';
import { keypointNames } from '../lib/keypoints.ts';
import { nonFiniteSummary, type LabRow } from '../lib/lab/decode.ts';
import { labPointArray } from '../lib/lab/export.ts';
import { readGroundTruth } from '../lib/lab/groundTruth.ts';
import { LabInputError } from '../lib/lab/input.ts';
import type { LayoutChoice } from '../lib/lab/layout.ts';
import { heatmapTruthFrame, simccTruthFrame, type TruthFrame } from '../lib/lab/plan.ts';
import { labTruthReport, type LabTruthReport } from '../lib/lab/result.ts';
import type { ReadTruthFile } from '../lib/lab/pairing.ts';
import type { LabDecoderId, LabRun } from '../lib/lab/run.ts';
import { mmposeCrop } from '../lib/mapping.ts';
import { writeNpy } from '../lib/npy.ts';
import type { DecodeJob, DecodeTask } from './decode-task.ts';
import { UserError } from './errors.ts';
import { openFlipped, openSource, type DecodeSource } from './inputs.ts';
import { decodeRun, layoutChoice, type DecodeFlags } from './options.ts';
import { DecodePool } from './pool.ts';
import { progressBar } from './progress.ts';
import { cocoResultsJson } from './results-json.ts';

/** What `decode` was asked. */
export interface DecodeOptions extends DecodeFlags {
  inputs: string[];
  array?: string;
  layout?: string;
  flip?: string;
  gt?: string;
  boxes?: string;
  out?: string;
  workers: number;
  /** Samples per chunk (default: about 8 MiB of maps). */
  chunk?: number;
  /** Show a progress bar (a terminal, not a pipe). */
  progress: boolean;
}

/** What a decode found: the rows, the frame its points map through, and the metrics. */
export interface DecodeOutcome {
  source: DecodeSource;
  run: LabRun;
  decoders: LabDecoderId[];
  rows: LabRow<LabDecoderId>[];
  frame: TruthFrame;
  names: string[];
  report: LabTruthReport;
  /** How things were read or assumed, and problems worth hearing. */
  notes: string[];
  /** Files written. */
  written: string[];
}

const CHUNK_BYTES = 8 * 2 ** 20;

/** Reads the ground-truth files (`--gt`, `--boxes`) the Lab's way, for `expected` points. */
async function readTruth(paths: readonly string[], expected: number): Promise<ReadTruthFile[]> {
  const files: ReadTruthFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new UserError(
        `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
    try {
      files.push({ name: path, file: readGroundTruth(text, path, expected) });
    } catch (error) {
      if (error instanceof LabInputError) throw new UserError(error.message);
      throw error;
    }
  }
  return files;
}

/** Runs a decode (see the module comment). */
export async function decode(options: DecodeOptions): Promise<DecodeOutcome> {
  const layout: LayoutChoice = layoutChoice(options.layout);
  const source = await openSource(options.inputs, options.array, layout);
  const simcc = source.kind === 'simcc';
  const run = decodeRun(options, simcc);
  const decoders: LabDecoderId[] = simcc ? run.simccDecoders : run.decoders;
  const notes: string[] = [];
  const flipped = options.flip ? await openFlipped(options.flip, source, options.array, layout) : undefined;
  let indices: number[] | undefined;
  if (flipped) {
    try {
      indices = flipIndicesFromPairs(run.pairs, source.k);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new UserError(`--pairs: ${error.message}; give the left/right pairs of your ${source.k} keypoints`);
    }
  }
  const { n, k } = source;
  const truthFiles = await readTruth(
    [options.gt, options.boxes].filter((p) => p !== undefined),
    n * k,
  );
  const frame = simcc ? simccTruthFrame(source, run, truthFiles) : heatmapTruthFrame(source, run, truthFiles);
  if (truthFiles.length && !frame.paired.truth)
    throw new UserError(frame.paired.messages.join('; ') || 'the ground truth does not fit the input');
  notes.push(...frame.paired.messages, ...frame.notes);

  const job: DecodeJob = {
    run,
    source: source.source,
    layout: source.kind === 'heatmaps' ? source.layout : 'channelsFirst',
    ...(indices ? { flip: { indices, shift: simcc ? 0 : (run.flip as 0 | 1) } } : {}),
  };
  const sampleBytes =
    source.kind === 'heatmaps' ? k * source.h * source.w * 4 : k * (source.lengthX + source.lengthY) * 4;
  const perChunk = source.rowsPerSample > 1 ? 1 : (options.chunk ?? Math.max(1, Math.floor(CHUNK_BYTES / sampleBytes)));
  const pool = new DecodePool(job, options.workers);
  const bar = progressBar(options.progress, n);
  const chunks: LabRow<LabDecoderId>[][] = [];
  const inFlight = new Set<Promise<void>>();
  // Buffers that decoded chunks give back, read into again (fresh memory costs a page fault per 4 KiB).
  const spare: ArrayBuffer[] = [];
  try {
    for (let first = 0, c = 0; first < n; first += perChunk, c++) {
      const count = Math.min(perChunk, n - first);
      const rows = count * source.rowsPerSample;
      const read = (s: DecodeSource) => Promise.all(s.arrays.map((a) => a.read(rows, spare.pop())));
      const [values, flippedValues] = await Promise.all([read(source), flipped ? read(flipped) : undefined]);
      const task: DecodeTask =
        source.kind === 'heatmaps'
          ? {
              kind: 'heatmaps',
              first,
              n: count,
              k,
              h: source.h,
              w: source.w,
              data: values[0]!,
              ...(flippedValues ? { flipped: flippedValues[0]! } : {}),
            }
          : {
              kind: 'simcc',
              first,
              n: count,
              k,
              lengthX: source.lengthX,
              lengthY: source.lengthY,
              x: values[0]!,
              y: values[1]!,
              ...(flippedValues ? { flipped: { x: flippedValues[0]!, y: flippedValues[1]! } } : {}),
            };
      const done = pool.run(task).then((result) => {
        chunks[c] = result.rows;
        spare.push(...result.buffers);
        bar.increment(count);
      });
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done)).catch(() => {});
      if (inFlight.size >= pool.depth) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    for (const s of [source, flipped]) if (s) for (const a of s.arrays) await a.finish();
  } finally {
    bar.stop();
    await pool.close();
    for (const s of [source, flipped]) if (s) for (const a of s.arrays) a.close();
  }
  const rows = chunks.flat();
  const bad = nonFiniteSummary(rows);
  if (bad) notes.push(bad);
  const names = frame.paired.truth?.names ?? keypointNames(k);
  const report = labTruthReport({
    rows,
    k,
    decoders,
    scale: frame.scale,
    inputW: frame.inputW,
    inputH: frame.inputH,
    names,
    run,
    paired: frame.paired,
  });
  notes.push(...report.messages, ...report.notes);
  const written = options.out ? await writeOutputs(options.out, { source, decoders, rows, frame, run, report }) : [];
  return { source, run, decoders, rows, frame, names, report, notes, written };
}

/** `DIR/<decoder>.npy` for each decoder and, with a COCO ground truth, `DIR/<decoder>.keypoints.json`. */
async function writeOutputs(
  dir: string,
  outcome: Pick<DecodeOutcome, 'source' | 'decoders' | 'rows' | 'frame' | 'run' | 'report'>,
): Promise<string[]> {
  const { source, decoders, rows, frame, run, report } = outcome;
  await mkdir(dir, { recursive: true }).catch((error: Error) => {
    throw new UserError(`--out ${dir}: cannot make the folder (${error.message})`);
  });
  const instances = frame.paired.truth?.instances;
  const image = instances
    ? {
        crops: instances.map((i) => mmposeCrop(i.bbox, frame.inputW, frame.inputH)),
        inputW: frame.inputW,
        inputH: frame.inputH,
        mapping: run.mapping,
      }
    : undefined;
  const written: string[] = [];
  for (const decoder of decoders) {
    const points = labPointArray(rows, decoder, source, frame.scale, image);
    const path = join(dir, `${decoder}.npy`);
    await writeFile(path, writeNpy(points, [source.n, source.k, 3]));
    written.push(path);
    const results = report.metrics?.find((m) => m.decoder === decoder)?.cocoResults;
    if (results) {
      const json = join(dir, `${decoder}.keypoints.json`);
      await writeFile(json, cocoResultsJson(results));
      written.push(json);
    }
  }
  return written;
}
