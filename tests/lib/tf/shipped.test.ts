import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIZES } from '../../../src/components/state/ch8.ts';
import {
  decodeWeights,
  deserializeModel,
  disposeModel,
  evaluateModel,
  heldOut,
  HEADS,
  type WeightManifest,
} from '../../../src/lib/tf/index.ts';

/** The held-out mean error (input px) each shipped model must reach, by input size: chapter 8 states these. */
const SHIPPED_BOUNDS: Record<number, Record<string, number>> = {
  64: { argmax: 5, quarter: 4.75, dark: 4.75, dsnt: 2.5, simdr: 3 },
  128: { argmax: 4, quarter: 3.5, dark: 3.5, dsnt: 3.5, simdr: 5.5 },
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the shipped models (public/models)', () => {
  for (const size of SIZES) {
    for (const head of HEADS) {
      it(`${head} at ${size} px: loads, is under 500 KB, and reaches its stated held-out error`, async () => {
        const manifest = JSON.parse(readFileSync(`public/models/${head}-${size}.json`, 'utf8')) as WeightManifest;
        const bytes = readFileSync(`public/models/${head}-${size}.bin`);
        expect(bytes.length).toBeLessThan(500 * 1024);
        expect(manifest.config.size).toBe(size);
        const model = deserializeModel(manifest, decodeWeights(manifest, new Uint8Array(bytes).buffer));
        const errors = await evaluateModel(model, heldOut(size, 256));
        const recorded = (manifest.training as { heldOut: { meanError: Record<string, number> } }).heldOut.meanError;
        for (const [method, error] of Object.entries(errors)) {
          // The training script's own measurement is reproduced, and meets the bound.
          expect(error, method).toBeCloseTo(recorded[method]!, 3);
          expect(error, method).toBeLessThan(SHIPPED_BOUNDS[size]![method]!);
        }
        disposeModel(model);
      }, 120_000);
    }
  }
});
