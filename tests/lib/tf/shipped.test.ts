import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { GALLERY, GALLERY_SEED, SIZES } from '../../../src/components/state/ch8.ts';
import type { GallerySample } from '../../../src/lib/index.ts';
import {
  DARK_KERNEL_TF,
  decodeWeights,
  deserializeModel,
  disposeModel,
  heldOut,
  HEADS,
  HELD_OUT,
  measureModel,
  predictGallery,
  TRAINING,
  type ModelMeasurement,
  type ShippedMeasurements,
  type WeightManifest,
} from '../../../src/lib/tf/index.ts';
import { expectClose } from '../approx.ts';

/** The held-out mean error (input px) each shipped model must reach, by input size. */
const SHIPPED_BOUNDS: Record<number, Record<string, number>> = {
  64: { argmax: 5, quarter: 4.75, dark: 4.75, dsnt: 2.5, simdr: 3 },
  128: { argmax: 4, quarter: 3.5, dark: 3.5, dsnt: 3.5, simdr: 5.5 },
};

/** What chapter 8's prose reads (written by `npm run measure:models`). */
const recorded = JSON.parse(readFileSync('src/data/shipped-models.json', 'utf8')) as ShippedMeasurements;

/** Every number of a measurement, flattened to "path: value" pairs, so a mismatch names its field. */
function flatten(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('src/data/shipped-models.json', () => {
  it('records the held-out set, the training settings and the DARK kernel the code uses', () => {
    expect(recorded.heldOut).toEqual(HELD_OUT);
    expect(recorded.training).toEqual(TRAINING);
    expect(recorded.darkKernel).toBe(DARK_KERNEL_TF);
    expect(recorded.models.map((m) => `${m.head}-${m.size}`).sort()).toEqual(
      SIZES.flatMap((size) => HEADS.map((head) => `${head}-${size}`)).sort(),
    );
  });
});

describe('the shipped models (public/models)', () => {
  for (const size of SIZES) {
    for (const head of HEADS) {
      it(`${head} at ${size} px: loads, is under 500 KB, reaches its held-out error, and matches the prose's measurements`, async () => {
        const manifest = JSON.parse(readFileSync(`public/models/${head}-${size}.json`, 'utf8')) as WeightManifest;
        const bytes = new Uint8Array(readFileSync(`public/models/${head}-${size}.bin`));
        expect(bytes.length).toBeLessThan(500 * 1024);
        expect(manifest.config.size).toBe(size);
        const fresh = await measureModel(manifest, bytes);
        const trained = (manifest.training as { heldOut: { meanError: Record<string, number> } }).heldOut.meanError;
        for (const [method, error] of Object.entries(fresh.errors)) {
          // The training script's own measurement is reproduced, and meets the bound.
          expect(error.mean, method).toBeCloseTo(trained[method]!, 3);
          expect(error.mean, method).toBeLessThan(SHIPPED_BOUNDS[size]![method]!);
        }
        // The file the prose reads holds this very measurement.
        const entry = recorded.models.find((m) => m.head === head && m.size === size) as ModelMeasurement;
        const expected = new Map(flatten(entry));
        for (const [path, value] of flatten(fresh)) {
          if (typeof value === 'number') expect(expected.get(path), path).toBeCloseTo(value, 6);
          else expect(expected.get(path), path).toEqual(value);
        }
        expect(flatten(fresh).map(([p]) => p)).toEqual([...expected.keys()]);
      });
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
    });
  }
});
