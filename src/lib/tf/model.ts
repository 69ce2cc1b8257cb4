/**
 * Chapter 8's small pose model in TensorFlow.js: one convolutional backbone at stride 4 (an
 * hourglass of five strided and plain 3×3 convolutions, upsampled back to stride 4 with a
 * skip connection so that every output sees the whole figure) and one of three heads:
 *
 * - heatmap: a 1×1 convolution to K maps, trained with MSE against Gaussian targets;
 * - DSNT: the same K maps as logits, softmax and expectation, Euclidean loss plus the JS
 *   regulariser;
 * - SimDR: each keypoint's map flattened and projected by two linear layers (shared by all
 *   keypoints) to k·S x bins and k·S y bins, KL against Gaussian labels. The layers read a
 *   SIMDR_GRID × SIMDR_GRID summary of the map (average-pooled at 128 px), so that the
 *   model stays small at every input size.
 *
 * Tensors are NHWC. Weights are tf.Variables named as in WEIGHT_SHAPES; every function that
 * makes tensors is meant to run inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Head } from './names.ts';

export { HEADS, type Head } from './names.ts';

/** A model's shape. */
export interface PoseModelConfig {
  head: Head;
  /** Input side, pixels (64 or 128). */
  size: number;
  /** Keypoints. */
  k: number;
  /** SimDR's split ratio: bins per input pixel. */
  split: number;
}

/** A model: its configuration and its weights. */
export interface PoseModel {
  config: PoseModelConfig;
  weights: Record<string, tf.Variable>;
}

const WIDTH = 16;
/** The side of the map SimDR's linear layers read: the stride-4 map at 64 px, pooled 2 × 2 at 128 px. */
export const SIMDR_GRID = 16;

/** Every weight's shape for a configuration, in a fixed order. */
export function weightShapes(config: PoseModelConfig): [string, number[]][] {
  const h = config.size / 4;
  const shapes: [string, number[]][] = [
    ['c1', [5, 5, 1, 8]],
    ['b1', [8]],
    ['c2', [3, 3, 8, WIDTH]],
    ['b2', [WIDTH]],
    ['c3', [3, 3, WIDTH, WIDTH]],
    ['b3', [WIDTH]],
    ['c4', [3, 3, WIDTH, WIDTH]],
    ['b4', [WIDTH]],
    ['c5', [3, 3, WIDTH, WIDTH]],
    ['b5', [WIDTH]],
    ['c6', [3, 3, WIDTH, WIDTH]],
    ['b6', [WIDTH]],
    ['head', [1, 1, WIDTH, config.k]],
    ['headBias', [config.k]],
  ];
  if (config.head === 'simdr') {
    const bins = config.size * config.split;
    const cells = Math.min(h, SIMDR_GRID) ** 2;
    shapes.push(['wx', [cells, bins]], ['bx', [bins]], ['wy', [cells, bins]], ['by', [bins]]);
  }
  return shapes;
}

/** A freshly initialised model (He-normal kernels, zero biases), reproducible from `seed`. */
export function createPoseModel(config: PoseModelConfig, seed: number): PoseModel {
  const weights: Record<string, tf.Variable> = {};
  weightShapes(config).forEach(([name, shape], i) => {
    const fanIn = shape.length === 4 ? shape[0]! * shape[1]! * shape[2]! : shape.length === 2 ? shape[0]! : 0;
    const init = fanIn ? tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed * 101 + i) : tf.zeros(shape);
    weights[name] = tf.variable(init, true, `${config.head}-${config.size}-${name}`);
    init.dispose();
  });
  return { config, weights };
}

const conv = (x: tf.Tensor4D, w: tf.Variable, b: tf.Variable, stride: number): tf.Tensor4D =>
  tf.relu(tf.add(tf.conv2d(x, w as tf.Tensor4D, stride, 'same'), b)) as tf.Tensor4D;

/** The K output maps, [B, S/4, S/4, K]: heatmaps for the heatmap head, logits for the others. */
export function outputMaps(model: PoseModel, x: tf.Tensor4D): tf.Tensor4D {
  const w = model.weights;
  const h = model.config.size / 4;
  const c1 = conv(x, w.c1!, w.b1!, 2);
  const c2 = conv(c1, w.c2!, w.b2!, 2);
  const c3 = conv(c2, w.c3!, w.b3!, 2);
  const c4 = conv(c3, w.c4!, w.b4!, 2);
  const c5 = conv(c4, w.c5!, w.b5!, 1);
  const up = tf.add(tf.image.resizeBilinear(c5, [h, h]), c2) as tf.Tensor4D;
  const c6 = conv(up, w.c6!, w.b6!, 1);
  return tf.add(tf.conv2d(c6, w.head as tf.Tensor4D, 1, 'same'), w.headBias!) as tf.Tensor4D;
}

/** SimDR's logits [B, K, bins] for x and y, from the output maps. */
export function simdrLogits(model: PoseModel, maps: tf.Tensor4D): { x: tf.Tensor3D; y: tf.Tensor3D } {
  const pool = Math.max(1, maps.shape[1] / SIMDR_GRID);
  const summary = pool > 1 ? tf.avgPool(maps, pool, pool, 'valid') : maps;
  const [b, h, w, k] = summary.shape;
  const flat = tf.reshape(tf.transpose(summary, [0, 3, 1, 2]), [b * k, h * w]) as tf.Tensor2D;
  const bins = model.config.size * model.config.split;
  const x = tf.reshape(tf.add(tf.matMul(flat, model.weights.wx as tf.Tensor2D), model.weights.bx!), [b, k, bins]);
  const y = tf.reshape(tf.add(tf.matMul(flat, model.weights.wy as tf.Tensor2D), model.weights.by!), [b, k, bins]);
  return { x: x as tf.Tensor3D, y: y as tf.Tensor3D };
}

/** The number of parameters of a model. */
export function parameterCount(config: PoseModelConfig): number {
  return weightShapes(config).reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0);
}

/** Frees a model's weights. */
export function disposeModel(model: PoseModel): void {
  for (const v of Object.values(model.weights)) v.dispose();
}
