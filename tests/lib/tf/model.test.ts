import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/index.ts';
import {
  createPoseModel,
  decodeOutputs,
  disposeModel,
  HEADS,
  makeBatch,
  outputMaps,
  parameterCount,
  SIMDR_GRID,
  predictOutputs,
  simdrLogits,
  trainStep,
  imagesTensor,
} from '../../../src/lib/tf/index.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the pose model', () => {
  for (const size of [64, 128]) {
    it(`has the output shapes of each head at ${size} px`, () => {
      const batch = makeBatch(createRandom(1), size, 2);
      for (const head of HEADS) {
        const model = createPoseModel({ head, size, k: 11, split: 2 }, 1);
        tf.tidy(() => {
          const maps = outputMaps(model, imagesTensor(batch));
          expect(maps.shape).toEqual([2, size / 4, size / 4, 11]);
          if (head === 'simdr') {
            const l = simdrLogits(model, maps);
            expect(l.x.shape).toEqual([2, 11, size * 2]);
            expect(l.y.shape).toEqual([2, 11, size * 2]);
          }
        });
        disposeModel(model);
      }
    });
  }

  it('keeps SimDR under 500 KB at 128 px by reading a pooled 16 × 16 map (float16 storage)', () => {
    const simdr = (size: number) => parameterCount({ head: 'simdr', size, k: 11, split: 2 });
    const dsnt = parameterCount({ head: 'dsnt', size: 128, k: 11, split: 2 });
    // Only the bins grow with the input: 2 layers × (16² inputs + 1 bias) × 2·S bins.
    expect(simdr(128) - dsnt).toBe(2 * (SIMDR_GRID ** 2 + 1) * 256);
    expect(simdr(128) * 2).toBeLessThan(500 * 1024);
    expect(simdr(64) * 4).toBeLessThan(500 * 1024);
  });

  it('one training step lowers the loss on a fixed batch, for every head', async () => {
    for (const head of HEADS) {
      const model = createPoseModel({ head, size: 64, k: 11, split: 2 }, 2);
      const optimizer = tf.train.adam(3e-3);
      const batch = makeBatch(createRandom(7), 64, 2);
      const first = await trainStep(model, optimizer, batch);
      let last = first;
      for (let i = 0; i < 3; i++) last = await trainStep(model, optimizer, batch);
      expect(last, head).toBeLessThan(first);
      optimizer.dispose();
      disposeModel(model);
    }
  });

  it('does not grow the number of tensors over 5 steps (one a step would show as 5)', async () => {
    const model = createPoseModel({ head: 'dsnt', size: 64, k: 11, split: 2 }, 3);
    const optimizer = tf.train.adam(1e-3);
    const random = createRandom(3);
    await trainStep(model, optimizer, makeBatch(random, 64, 2));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await trainStep(model, optimizer, makeBatch(random, 64, 1));
    expect(tf.memory().numTensors).toBe(before);
    const o = await predictOutputs(model, makeBatch(random, 64, 2));
    expect(tf.memory().numTensors).toBe(before);
    expect(decodeOutputs('dsnt', o, 2).dsnt).toHaveLength(2);
    optimizer.dispose();
    disposeModel(model);
  });
});
