import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { GALLERY, GALLERY_SEED, SIZES } from '../../../src/components/state/ch8.ts';
import type { GallerySample } from '../../../src/lib/index.ts';
import {
  decodeWeights,
  deserializeModel,
  disposeModel,
  evaluateModel,
  heldOut,
  HEADS,
  predictGallery,
  type WeightManifest,
} from '../../../src/lib/tf/index.ts';
import { expectClose } from '../approx.ts';

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

  for (const head of HEADS) {
    it(`${head} at ${SIZES[0]} px records figure 8.1's gallery as its weights draw it`, async () => {
      const path = `public/models/${head}-${SIZES[0]}`;
      const manifest = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as WeightManifest;
      const model = deserializeModel(
        manifest,
        decodeWeights(manifest, new Uint8Array(readFileSync(`${path}.bin`)).buffer),
      );
      const drawn = await predictGallery(model, heldOut(SIZES[0]!, GALLERY, GALLERY_SEED));
      disposeModel(model);
      const recorded = (manifest.training as { gallery: { seed: number; samples: GallerySample[] } }).gallery;
      expect(recorded.seed).toBe(GALLERY_SEED);
      expect(recorded.samples).toHaveLength(GALLERY);
      drawn.forEach((g, i) => {
        const r = recorded.samples[i]!;
        // Stored to 3 significant digits (pictures, vectors) and 6 (points, errors).
        expectClose(r.map, g.map, 5e-3, { relative: true, label: `sample ${i} map` });
        expect([r.w, r.h]).toEqual([g.w, g.h]);
        for (const [method, points] of Object.entries(g.points)) {
          const stored = r.points[method as keyof typeof r.points]!;
          expectClose(
            stored.flatMap((p) => [p.x, p.y]),
            points.flatMap((p) => [p.x, p.y]),
            1e-4,
            {
              label: `sample ${i} ${method}`,
            },
          );
          expectClose(r.errors[method as keyof typeof r.errors]!, g.errors[method as keyof typeof g.errors]!, 1e-4);
        }
        if (g.vectors) {
          expectClose(r.vectors!.x, g.vectors.x, 5e-3, { label: `sample ${i} x vector` });
          expectClose(r.vectors!.y, g.vectors.y, 5e-3, { label: `sample ${i} y vector` });
        } else expect(r.vectors).toBeUndefined();
      });
    }, 60_000);
  }
});
