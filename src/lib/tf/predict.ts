/**
 * Chapter 8's predictions: a model's outputs for a batch, decoded by src/lib's decoders (the
 * chapters' code) into input pixels, and the mean error of each decoder.
 */
import * as tf from '@tensorflow/tfjs-core';
import { decodeAll } from '../decoders.ts';
import { dsntDecode } from '../dsnt.ts';
import { simdrDecode } from '../simdr.ts';
import { meanErrors } from '../stats.ts';
import type { Point } from '../stack.ts';
import { outputMaps, simdrLogits, type Head, type PoseModel } from './model.ts';
import { gallerySample, type GallerySample, type SampleOutputs } from '../figures/modelGallery.ts';
import { createRandom } from '../random.ts';
import { HELD_OUT, makeBatch, type Batch } from '../synth/batch.ts';
import { METHODS } from './names.ts';
import { imagesTensor } from './train.ts';

export { METHODS, METHOD_NAMES, type Method } from './names.ts';

/** DARK's kernel for the σ = 1.5 heatmaps. */
export const DARK_KERNEL_TF = 7;

/** A batch's raw outputs, on the CPU: the K maps (per sample, per keypoint, h×w) and SimDR's logits. */
export interface Outputs {
  b: number;
  k: number;
  h: number;
  w: number;
  /** [B, K, h, w], map by map. */
  maps: Float32Array;
  /** [B, K, bins] for x and y (SimDR only). */
  simdr?: { x: Float32Array; y: Float32Array; bins: number };
}

/** Runs the model on a batch and copies its outputs to the CPU (asynchronously, as WebGPU needs). */
export async function predictOutputs(model: PoseModel, batch: Batch): Promise<Outputs> {
  const { maps, x, y } = tf.tidy(() => {
    const out = outputMaps(model, imagesTensor(batch));
    const perMap = tf.transpose(out, [0, 3, 1, 2]);
    if (model.config.head !== 'simdr') return { maps: perMap };
    const l = simdrLogits(model, out);
    return { maps: perMap, x: l.x, y: l.y };
  });
  const [b, k, h, w] = maps.shape as [number, number, number, number];
  const result: Outputs = { b, k, h, w, maps: (await maps.data()) as Float32Array };
  if (x && y) {
    result.simdr = {
      x: (await x.data()) as Float32Array,
      y: (await y.data()) as Float32Array,
      bins: x.shape[2] as number,
    };
  }
  tf.dispose([maps, x, y].filter((t) => t !== undefined) as tf.Tensor[]);
  return result;
}

/** One map of the outputs (sample b, keypoint j). */
export function outputMap(o: Outputs, b: number, j: number): Float32Array {
  const size = o.h * o.w;
  return o.maps.subarray((b * o.k + j) * size, (b * o.k + j + 1) * size);
}

/** Sample `b`'s outputs (views into `o`, not copies). */
export function sampleOutputs(o: Outputs, b: number): SampleOutputs {
  const size = o.k * o.h * o.w;
  const row = o.simdr ? o.k * o.simdr.bins : 0;
  return {
    k: o.k,
    h: o.h,
    w: o.w,
    maps: o.maps.subarray(b * size, (b + 1) * size),
    ...(o.simdr
      ? {
          simdr: {
            x: o.simdr.x.subarray(b * row, (b + 1) * row),
            y: o.simdr.y.subarray(b * row, (b + 1) * row),
            bins: o.simdr.bins,
          },
        }
      : {}),
  };
}

/** Each method's points for every sample and keypoint, input pixels (x_in = 4 · x_hm). */
export function decodeOutputs(head: Head, o: Outputs, split: number): Record<string, Point[][]> {
  const result: Record<string, Point[][]> = Object.fromEntries(METHODS[head].map((m) => [m, [] as Point[][]]));
  for (let b = 0; b < o.b; b++) {
    for (const m of METHODS[head]) result[m]!.push([]);
    for (let j = 0; j < o.k; j++) {
      const map = { data: outputMap(o, b, j), w: o.w, h: o.h };
      if (head === 'heatmap') {
        const points = decodeAll(['argmax', 'quarter', 'dark'], map, { kernel: DARK_KERNEL_TF });
        for (const m of METHODS.heatmap) result[m]![b]!.push({ x: 4 * points[m]!.x, y: 4 * points[m]!.y });
      } else if (head === 'dsnt') {
        const { point } = dsntDecode(map.data, o.w, o.h, 1);
        result.dsnt![b]!.push({ x: 4 * point.x, y: 4 * point.y });
      } else if (o.simdr) {
        const row = (a: Float32Array) => a.subarray((b * o.k + j) * o.simdr!.bins, (b * o.k + j + 1) * o.simdr!.bins);
        result.simdr![b]!.push({ x: simdrDecode(row(o.simdr.x), split), y: simdrDecode(row(o.simdr.y), split) });
      }
    }
  }
  return result;
}

/** Evaluates a model on a batch: each method's mean error, input pixels. */
export async function evaluateModel(model: PoseModel, batch: Batch): Promise<Record<string, number>> {
  const o = await predictOutputs(model, batch);
  return meanErrors(decodeOutputs(model.config.head, o, model.config.split), batch.keypoints);
}

/**
 * The gallery of figures 8.1 and 8.2: the model's outputs for each sample of `batch` drawn as
 * one picture, with each decoder's points and errors (src/lib/figures/modelGallery.ts).
 */
export async function predictGallery(model: PoseModel, batch: Batch): Promise<GallerySample[]> {
  const { head, split } = model.config;
  const o = await predictOutputs(model, batch);
  const decoded = decodeOutputs(head, o, split);
  return batch.keypoints.map((truth, b) =>
    gallerySample(
      head,
      sampleOutputs(o, b),
      Object.fromEntries(Object.entries(decoded).map(([m, points]) => [m, points[b] as Point[]])),
      truth,
    ),
  );
}

/** A model's evaluation run a slice at a time (so that each slice is short). */
export interface SlicedEvaluation {
  /** Samples measured so far, of `n`. */
  readonly done: number;
  readonly n: number;
  /** Predicts and decodes the next `count` samples (fewer at the end). */
  next(count: number): Promise<void>;
  /** Each method's mean error over the `n` samples, input pixels; throws before they are all measured. */
  errors(): Record<string, number>;
}

/**
 * `evaluateModel(model, heldOut(size, n, seed))` a slice of samples at a time: the samples are
 * drawn from the same seeded stream as they are needed, so the result is the same whatever
 * the slices, and no slice holds more images than it measures.
 */
export function evaluateInSlices(model: PoseModel, n: number, seed: number = HELD_OUT.seed): SlicedEvaluation {
  const random = createRandom(seed);
  const decoded: Record<string, Point[][]> = {};
  const truth: Point[][] = [];
  const { head, size, split } = model.config;
  return {
    get done() {
      return truth.length;
    },
    n,
    async next(count) {
      const take = Math.min(count, n - truth.length);
      if (take <= 0) return;
      const batch = makeBatch(random, size, take);
      const points = decodeOutputs(head, await predictOutputs(model, batch), split);
      for (const [m, ps] of Object.entries(points)) (decoded[m] ??= []).push(...ps);
      truth.push(...batch.keypoints);
    },
    errors() {
      if (truth.length < n) throw new Error(`evaluateInSlices: ${truth.length} of ${n} samples measured`);
      return meanErrors(decoded, truth);
    },
  };
}
