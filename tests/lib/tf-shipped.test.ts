import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deserializeModel,
  disposeModel,
  evaluateModel,
  heldOut,
  HEADS,
  type WeightManifest,
} from '../../src/lib/tf/index.ts';

/** The held-out mean error (input px, 64 × 64 images) each shipped model must reach: chapter 8 states these. */
const SHIPPED_BOUNDS: Record<string, number> = {
  argmax: 5,
  quarter: 4.75,
  dark: 4.75,
  dsnt: 2.5,
  simdr: 3,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the shipped models (public/models)', () => {
  for (const head of HEADS) {
    it(`${head}: loads, is under 500 KB, and reaches its stated held-out error`, async () => {
      const manifest = JSON.parse(readFileSync(`public/models/${head}-64.json`, 'utf8')) as WeightManifest;
      const bytes = readFileSync(`public/models/${head}-64.bin`);
      expect(bytes.length).toBeLessThan(500 * 1024);
      const model = deserializeModel(manifest, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
      const errors = await evaluateModel(model, heldOut(64, 256));
      const recorded = (manifest.training as { heldOut: { meanError: Record<string, number> } }).heldOut.meanError;
      for (const [method, error] of Object.entries(errors)) {
        // The training script's own measurement is reproduced, and meets the bound.
        expect(error, method).toBeCloseTo(recorded[method]!, 3);
        expect(error, method).toBeLessThan(SHIPPED_BOUNDS[method]!);
      }
      disposeModel(model);
    }, 60_000);
  }
});
