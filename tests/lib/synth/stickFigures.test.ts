import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, heldOut, SYNTH_K, synthSample } from '../../../src/lib/index.ts';

describe('synthetic stick figures', () => {
  it('keep every keypoint 3 px inside the image, are seeded, and draw the figure brighter than the noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(64, 128), (seed, size) => {
        const a = synthSample(size, createRandom(seed));
        expect(synthSample(size, createRandom(seed))).toEqual(a);
        expect(a.keypoints).toHaveLength(SYNTH_K);
        for (const p of a.keypoints) {
          expect(p.x).toBeGreaterThanOrEqual(3 - 1e-9);
          expect(p.x).toBeLessThanOrEqual(size - 4 + 1e-9);
          expect(p.y).toBeGreaterThanOrEqual(3 - 1e-9);
          expect(p.y).toBeLessThanOrEqual(size - 4 + 1e-9);
        }
        // The nose sits in the filled head: its pixel is near full intensity.
        const nose = a.keypoints[0]!;
        expect(a.image[Math.round(nose.y) * size + Math.round(nose.x)]).toBeGreaterThan(0.6);
      }),
      { numRuns: 40 },
    );
  });

  it('held-out sets are fixed by their seed and differ between seeds', () => {
    expect(heldOut(64, 3).keypoints).toEqual(heldOut(64, 3).keypoints);
    expect(heldOut(64, 3, 1).keypoints).not.toEqual(heldOut(64, 3, 2).keypoints);
  });
});
