/**
 * One chunk of a command-line decode: whole samples of heatmaps or SimCC vectors, decoded by the
 * same library functions as the Decoder Lab's plan (`decodeLabRange`, `decodeLabSimccRange`,
 * the flip test's `flipTestAverage` and `simccFlipAverage`). Runs on a worker thread
 * (`decode-worker.ts`) or in the main one.
 */
import { flipTestAverage } from '../lib/flip.ts';
import { decodeLabRange, decodeLabSimccRange, type LabRow } from '../lib/lab/decode.ts';
import type { LabStack } from '../lib/lab/input.ts';
import { channelsLastToFirst, type HeatmapLayout } from '../lib/lab/layout.ts';
import { simccFlipAverage } from '../lib/lab/plan.ts';
import { heatmapSettingsOf, simccSettingsOf, type LabDecoderId, type LabRun } from '../lib/lab/run.ts';
import type { LabSimcc } from '../lib/lab/simccInput.ts';

/** What every chunk of one decode shares. */
export interface DecodeJob {
  run: LabRun;
  source: string;
  /** Heatmaps' layout in the file. */
  layout: HeatmapLayout;
  /** The flip test's keypoint order and shift, when it runs. */
  flip?: { indices: number[]; shift: 0 | 1 };
}

/** A chunk: samples [first, first + n) of K keypoints, as the Lab holds them, with the flipped image's. */
export type DecodeTask =
  | ({ kind: 'heatmaps'; first: number; flipped?: Float32Array } & Pick<LabStack, 'n' | 'k' | 'h' | 'w' | 'data'>)
  | ({ kind: 'simcc'; first: number; flipped?: Pick<LabSimcc, 'x' | 'y'> } & Pick<
      LabSimcc,
      'n' | 'k' | 'lengthX' | 'lengthY' | 'x' | 'y'
    >);

/** A chunk's rows (indices over the whole input), and its arrays' buffers given back for the next chunk. */
export interface DecodeTaskResult {
  rows: LabRow<LabDecoderId>[];
  buffers: ArrayBuffer[];
}

/** The buffers a task's arrays live in. */
export function taskBuffers(task: DecodeTask): ArrayBuffer[] {
  const arrays =
    task.kind === 'heatmaps' ? [task.data, task.flipped] : [task.x, task.y, task.flipped?.x, task.flipped?.y];
  return arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}

/** Decodes one chunk. */
export function decodeTask(job: DecodeJob, task: DecodeTask): DecodeTaskResult {
  const { run } = job;
  let rows: LabRow<LabDecoderId>[];
  if (task.kind === 'heatmaps') {
    const { n, k, h, w } = task;
    const firstLayout = (data: Float32Array) =>
      job.layout === 'channelsLast' ? channelsLastToFirst(data, n, h, w, k) : data;
    let data = firstLayout(task.data);
    if (job.flip && task.flipped) {
      const maps = n * k;
      data = flipTestAverage(
        { data, k: maps, h, w },
        { data: firstLayout(task.flipped), k: maps, h, w },
        job.flip.indices,
        job.flip.shift,
      ).data;
    }
    // decodeLabRange counts each map's NaN and infinite cells and skips a map with no finite one.
    rows = decodeLabRange({ n, k, h, w, data, source: job.source }, heatmapSettingsOf(run), 0, n * k);
  } else {
    const { n, k, lengthX, lengthY } = task;
    let { x, y } = task;
    if (job.flip && task.flipped) ({ x, y } = simccFlipAverage({ n, k, x, y }, task.flipped, job.flip.indices));
    rows = decodeLabSimccRange({ n, k, lengthX, lengthY, x, y, source: job.source }, simccSettingsOf(run), 0, n * k);
  }
  const offset = task.first * task.k;
  for (const row of rows) {
    row.index += offset;
    row.n += task.first;
  }
  return { rows, buffers: taskBuffers(task) };
}
