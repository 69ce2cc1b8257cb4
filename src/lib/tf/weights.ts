/**
 * Chapter 8's weight files: a JSON manifest (the configuration, each weight's name, shape and
 * offset, the storage type) beside one little-endian `.bin` of float32 or float16 values.
 * Loading checks every shape and length. In memory the weights are always float32; float16
 * storage halves the file (the 128 px SimDR model needs it to stay under 500 KB), and the
 * training script measures the held-out error on the weights as stored.
 */
import * as tf from '@tensorflow/tfjs-core';
import { weightShapes, type PoseModel, type PoseModelConfig } from './model.ts';

/** How a `.bin` stores its values. */
export type WeightDtype = 'float32' | 'float16';

/** The manifest of a weight file. */
export interface WeightManifest {
  format: 'subpixel-pose-model/1';
  config: PoseModelConfig;
  weights: { name: string; shape: number[]; offset: number }[];
  /** How the `.bin` stores each value; float32 when absent. */
  dtype?: WeightDtype;
  /** How the model was trained and how well it does, for the chapter to show. */
  training?: Record<string, unknown>;
}

/** The model's weights as a manifest (to be stored as `dtype`) and one float32 array. */
export async function serializeModel(
  model: PoseModel,
  training?: Record<string, unknown>,
  dtype: WeightDtype = 'float32',
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
    manifest: {
      format: 'subpixel-pose-model/1',
      config: model.config,
      weights,
      ...(dtype === 'float32' ? {} : { dtype }),
      ...(training ? { training } : {}),
    },
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
    // The variable keeps its own reference to the data; the tensor it was made from goes.
    weights[name] = tf.tidy(() => tf.variable(tf.tensor(data.slice(entry.offset, entry.offset + size), shape), true));
  }
  return { config: manifest.config, weights };
}

/** The bytes of a `.bin`: `data` stored as `dtype`, little-endian. */
export function encodeWeights(data: Float32Array, dtype: WeightDtype = 'float32'): Uint8Array {
  const bytes = new Uint8Array(data.length * (dtype === 'float16' ? 2 : 4));
  const view = new DataView(bytes.buffer);
  data.forEach((v, i) => (dtype === 'float16' ? view.setFloat16(i * 2, v, true) : view.setFloat32(i * 4, v, true)));
  return bytes;
}

/** A `.bin`'s values as float32; throws when its length does not fit the manifest's type. */
export function decodeWeights(manifest: Pick<WeightManifest, 'dtype'>, bytes: ArrayBuffer): Float32Array {
  const dtype = manifest.dtype ?? 'float32';
  const width = dtype === 'float16' ? 2 : dtype === 'float32' ? 4 : 0;
  if (!width) throw new Error(`unknown weight type ${String(dtype)}`);
  if (bytes.byteLength % width)
    throw new Error(`the weight data (${bytes.byteLength} bytes) is not whole ${dtype} values`);
  const view = new DataView(bytes);
  const data = new Float32Array(bytes.byteLength / width);
  for (let i = 0; i < data.length; i++)
    data[i] = width === 2 ? view.getFloat16(i * 2, true) : view.getFloat32(i * 4, true);
  return data;
}
