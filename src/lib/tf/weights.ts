/**
 * Chapter 8's weight files: a JSON manifest (the configuration, each weight's name, shape and
 * offset) beside one little-endian float32 `.bin`. Loading checks every shape and length.
 */
import * as tf from '@tensorflow/tfjs-core';
import { weightShapes, type PoseModel, type PoseModelConfig } from './model.ts';

/** The manifest of a weight file. */
export interface WeightManifest {
  format: 'subpixel-pose-model/1';
  config: PoseModelConfig;
  weights: { name: string; shape: number[]; offset: number }[];
  /** How the model was trained and how well it does, for the chapter to show. */
  training?: Record<string, unknown>;
}

/** The model's weights as a manifest and one float32 array. */
export async function serializeModel(
  model: PoseModel,
  training?: Record<string, unknown>,
): Promise<{ manifest: WeightManifest; data: Float32Array }> {
  const shapes = weightShapes(model.config);
  const total = shapes.reduce((n, [, s]) => n + s.reduce((a, b) => a * b, 1), 0);
  const data = new Float32Array(total);
  let offset = 0;
  const weights: WeightManifest['weights'] = [];
  for (const [name, shape] of shapes) {
    const values = (await model.weights[name]!.data()) as Float32Array;
    data.set(values, offset);
    weights.push({ name, shape, offset });
    offset += values.length;
  }
  return {
    manifest: { format: 'subpixel-pose-model/1', config: model.config, weights, ...(training ? { training } : {}) },
    data,
  };
}

/** A model from a manifest and its data; throws when they do not match the configuration. */
export function deserializeModel(manifest: WeightManifest, data: Float32Array): PoseModel {
  if (manifest.format !== 'subpixel-pose-model/1') throw new Error(`unknown weight format ${String(manifest.format)}`);
  const expected = weightShapes(manifest.config);
  const weights: Record<string, tf.Variable> = {};
  for (const [name, shape] of expected) {
    const entry = manifest.weights.find((w) => w.name === name);
    if (!entry || entry.shape.join(',') !== shape.join(',')) {
      throw new Error(
        `weight ${name}: expected shape [${shape.join(', ')}], found [${entry?.shape.join(', ') ?? 'none'}]`,
      );
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (entry.offset < 0 || entry.offset + size > data.length) throw new Error(`weight ${name}: the data is too short`);
    weights[name] = tf.variable(tf.tensor(data.slice(entry.offset, entry.offset + size), shape), true);
  }
  return { config: manifest.config, weights };
}
