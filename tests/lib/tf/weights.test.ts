import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPoseModel,
  decodeWeights,
  deserializeModel,
  disposeModel,
  encodeWeights,
  serializeModel,
} from '../../../src/lib/tf/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const finite32 = fc.float32Array({ noNaN: true, noDefaultInfinity: true, maxLength: 64 });

describe('weight files', () => {
  it('store float32 exactly, little-endian', () => {
    fc.assert(
      fc.property(finite32, (data) => {
        const bytes = encodeWeights(data);
        expect(bytes.length).toBe(data.length * 4);
        expect(decodeWeights({}, bytes.slice().buffer)).toEqual(data);
      }),
    );
    const one = encodeWeights(Float32Array.of(1));
    expect([...one]).toEqual([0, 0, 0x80, 0x3f]);
  });

  it('store float16 in half the bytes, each value rounded to 11 significant bits', () => {
    fc.assert(
      fc.property(fc.float32Array({ min: -60000, max: 60000, noNaN: true, maxLength: 64 }), (data) => {
        const bytes = encodeWeights(data, 'float16');
        expect(bytes.length).toBe(data.length * 2);
        const back = decodeWeights({ dtype: 'float16' }, bytes.slice().buffer);
        data.forEach((v, i) => {
          // Relative error ≤ 2⁻¹¹ for normal halves; absolute ≤ 2⁻²⁵ (half the smallest subnormal step) below.
          expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(Math.max(Math.abs(v) * 2 ** -11, 2 ** -25));
        });
      }),
    );
    expect([...encodeWeights(Float32Array.of(1), 'float16')]).toEqual([0, 0x3c]);
  });

  it('refuse data that is not whole values of the stated type, and unknown types', () => {
    expect(() => decodeWeights({}, new ArrayBuffer(6))).toThrow(/not whole float32 values/);
    expect(() => decodeWeights({ dtype: 'float16' }, new ArrayBuffer(3))).toThrow(/not whole float16 values/);
    expect(() => decodeWeights({ dtype: 'int8' as 'float16' }, new ArrayBuffer(4))).toThrow(/unknown weight type int8/);
  });

  it('round-trip a model through a manifest and its bytes, in either type', async () => {
    const model = createPoseModel({ head: 'simdr', size: 128, k: 11, split: 2 }, 4);
    for (const dtype of ['float32', 'float16'] as const) {
      const { manifest, data } = await serializeModel(model, { note: 'test' }, dtype);
      expect(manifest.dtype).toBe(dtype === 'float16' ? 'float16' : undefined);
      expect(manifest.training).toEqual({ note: 'test' });
      const copy = deserializeModel(manifest, decodeWeights(manifest, encodeWeights(data, dtype).slice().buffer));
      for (const [name, weight] of Object.entries(model.weights)) {
        const a = (await weight.data()) as Float32Array;
        const b = (await copy.weights[name]!.data()) as Float32Array;
        expect(b.length, name).toBe(a.length);
        const worst = a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!) / Math.max(Math.abs(v), 2 ** -14)), 0);
        expect(worst, name).toBeLessThanOrEqual(dtype === 'float32' ? 0 : 2 ** -11);
      }
      disposeModel(copy);
    }
    disposeModel(model);
  });

  it('leave no tensor behind once a loaded model is disposed', async () => {
    const model = createPoseModel({ head: 'dsnt', size: 64, k: 11, split: 2 }, 6);
    const { manifest, data } = await serializeModel(model);
    disposeModel(model);
    const before = tf.memory().numTensors;
    const copy = deserializeModel(manifest, data);
    expect(tf.memory().numTensors).toBe(before + Object.keys(copy.weights).length);
    disposeModel(copy);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse a manifest whose shapes or lengths do not match its configuration', async () => {
    const model = createPoseModel({ head: 'heatmap', size: 64, k: 11, split: 2 }, 5);
    const { manifest, data } = await serializeModel(model);
    disposeModel(model);
    expect(() => deserializeModel(manifest, data.subarray(0, data.length - 1))).toThrow(/too short/);
    const wrong = { ...manifest, config: { ...manifest.config, k: 12 } };
    expect(() => deserializeModel(wrong, data)).toThrow(/expected shape/);
    expect(() => deserializeModel({ ...manifest, format: 'other' as 'subpixel-pose-model/1' }, data)).toThrow(
      /unknown weight format/,
    );
  });
});
