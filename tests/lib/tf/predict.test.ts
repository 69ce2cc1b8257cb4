import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createPoseModel,
  disposeModel,
  evaluateInSlices,
  evaluateModel,
  HEADS,
  heldOut,
  METHODS,
  predictGallery,
} from '../../../src/lib/tf/index.ts';
import { expectClose } from '../approx.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('evaluateInSlices(model, n, seed)', () => {
  it('measures what evaluateModel measures on the held-out set, a slice at a time', async () => {
    for (const head of HEADS) {
      const model = createPoseModel({ head, size: 64, k: 11, split: 2 }, 3);
      const whole = await evaluateModel(model, heldOut(64, 10));
      const sliced = evaluateInSlices(model, 10);
      expect(() => sliced.errors()).toThrow(/0 of 10/);
      const before = tf.memory().numTensors;
      // Slices of any size, the last one cut short.
      for (const count of [3, 1, 4, 4]) await sliced.next(count);
      expect(sliced.done).toBe(10);
      expect(tf.memory().numTensors).toBe(before);
      expect(sliced.errors()).toEqual(whole);
      disposeModel(model);
    }
  });
});

describe('predictGallery(model, batch)', () => {
  it('draws each sample with its decoders’ points; their errors average to evaluateModel’s', async () => {
    for (const head of HEADS) {
      const model = createPoseModel({ head, size: 64, k: 11, split: 2 }, 4);
      const batch = heldOut(64, 3, 4242);
      const gallery = await predictGallery(model, batch);
      expect(gallery).toHaveLength(3);
      const whole = await evaluateModel(model, batch);
      for (const method of METHODS[head]) {
        // Every sample has 11 keypoints, so the mean of the samples' means is the overall mean.
        const mean = gallery.reduce((s, g) => s + (g.errors[method] as number), 0) / gallery.length;
        expectClose(mean, whole[method] as number, 1e-9, { label: `${head} ${method}` });
        expect(gallery[0]!.points[method]).toHaveLength(11);
      }
      expect([gallery[0]!.w, gallery[0]!.h, gallery[0]!.map.length]).toEqual([16, 16, 256]);
      expect(gallery[0]!.vectors?.bins).toBe(head === 'simdr' ? 128 : undefined);
      disposeModel(model);
    }
  });
});
