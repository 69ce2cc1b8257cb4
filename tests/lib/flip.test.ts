/**
 * The flip test (issue 16 item 4, issue 18): flipping back, its shift, the average, and the
 * arithmetic of conventions.md — with the stride convention a flipped-back map is off by
 * 1 - 1/λ cells and a shift of one cell leaves the least bias; with UDP no shift is needed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COCO17_FLIP_PAIRS,
  COCO17_KEYPOINTS,
  flipHeatmaps,
  flipIndicesFromPairs,
  flippedBackBias,
  flipTestAverage,
  flipTestBias,
  flipVectors,
  geometryOfStride,
  isFlipPermutation,
  type Geometry,
  type HeatmapStack,
  type InputMapping,
} from '../../src/lib/index.ts';

describe('flip indices', () => {
  it("COCO-17's pairs give MMPose's flip_indices", () => {
    expect(flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17)).toEqual([
      0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15,
    ]);
    expect(isFlipPermutation(flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17))).toBe(true);
    expect(COCO17_KEYPOINTS.length).toBe(17);
  });

  it('refuses pairs outside the keypoints or a keypoint in two pairs', () => {
    expect(() => flipIndicesFromPairs([[1, 17]], 17)).toThrow(/outside 0\.\.16/);
    expect(() =>
      flipIndicesFromPairs(
        [
          [1, 2],
          [2, 3],
        ],
        17,
      ),
    ).toThrow(/two flip pairs/);
  });
});

describe('flipHeatmaps(stack, flipIndices, shift)', () => {
  it('mirrors each row, swaps channels and shifts right keeping the first columns (hand-worked)', () => {
    // Two maps of 1 × 4: map 0 = [1, 2, 3, 4], map 1 = [5, 6, 7, 8]; pairs swap them.
    const stack: HeatmapStack = { data: Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8), k: 2, h: 1, w: 4 };
    expect(Array.from(flipHeatmaps(stack, [1, 0], 0).data)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    // shift 1: column x takes column x-1; column 0 keeps its own value (as MMPose's clone).
    expect(Array.from(flipHeatmaps(stack, [1, 0], 1).data)).toEqual([8, 8, 7, 6, 4, 4, 3, 2]);
    expect(Array.from(flipHeatmaps(stack, [1, 0], 2).data)).toEqual([8, 7, 8, 7, 4, 3, 4, 3]);
  });

  it('flips several samples of K maps, each by the same indices', () => {
    const stack: HeatmapStack = { data: Float32Array.of(1, 2, 3, 4), k: 4, h: 1, w: 1 };
    expect(Array.from(flipHeatmaps(stack, [1, 0], 0).data)).toEqual([2, 1, 4, 3]);
    expect(() => flipHeatmaps({ ...stack, k: 3, data: stack.data.subarray(0, 3) }, [1, 0], 0)).toThrow(/whole number/);
  });

  it('flipping twice without a shift is the identity (property)', () => {
    const indices = flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.float32Array({ minLength: 17 * 36, maxLength: 17 * 36, noNaN: true }),
        (h, w, values) => {
          const stack: HeatmapStack = { data: values.subarray(0, 17 * h * w), k: 17, h, w };
          const twice = flipHeatmaps(flipHeatmaps(stack, indices, 0), indices, 0);
          return twice.data.every((v, i) => Object.is(v, stack.data[i]));
        },
      ),
    );
  });

  it('flipTestAverage is the mean of the original and the flipped-back maps', () => {
    const original: HeatmapStack = { data: Float32Array.of(1, 0, 0), k: 1, h: 1, w: 3 };
    const flipped: HeatmapStack = { data: Float32Array.of(0, 0, 1), k: 1, h: 1, w: 3 };
    expect(Array.from(flipTestAverage(original, flipped, null, 0).data)).toEqual([1, 0, 0]);
    expect(Array.from(flipTestAverage(original, flipped, null, 1).data)).toEqual([1, 0.5, 0]);
  });

  it('flipVectors mirrors and swaps x vectors and only swaps y vectors (MMPose flip_vectors)', () => {
    const x = Float32Array.of(1, 2, 3, 4, 5, 6);
    const y = Float32Array.of(7, 8, 9, 10);
    const out = flipVectors(x, y, 2, [1, 0]);
    expect(Array.from(out.x)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(Array.from(out.y)).toEqual([9, 10, 7, 8]);
  });
});

describe("the flip test's bias (conventions.md's worked arithmetic)", () => {
  // 48 cells across a 192-pixel input: λ = 4.
  const g: Geometry = geometryOfStride(48, 64, 4);

  it('flips back off by 1 - 1/λ = 0.75 cells with the stride convention and 0 with UDP', () => {
    expect(flippedBackBias(g, 'stride')).toBe(-0.75);
    expect(flippedBackBias(g, 'udp')).toBe(0);
    expect(flippedBackBias(geometryOfStride(48, 64, 2), 'stride')).toBe(-0.5);
  });

  const flippedBias = (xIn: number, mapping: InputMapping, shift: number) =>
    flipTestBias({ x: xIn, y: 128 }, g, mapping, shift, { decoder: 'dark', kernel: 11 });

  it('stride: the bias is -0.75 + shift cells, so a shift of one cell is the smallest (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 40, max: 150, noNaN: true }), (xIn) => {
        const biases = [0, 1, 2].map((s) => flippedBias(xIn, 'stride', s).flipped);
        const ok = biases.every((b, s) => Math.abs(b - (-0.75 + s)) < 5e-3);
        const best = biases.map(Math.abs).indexOf(Math.min(...biases.map(Math.abs)));
        return ok && best === 1;
      }),
      { numRuns: 40 },
    );
  });

  it('UDP: the flipped-back map is unbiased without a shift, and any shift adds it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 40, max: 150, noNaN: true }), (xIn) => {
        const biases = [0, 1, 2].map((s) => flippedBias(xIn, 'udp', s).flipped);
        return biases.every((b, s) => Math.abs(b - s) < 5e-3);
      }),
      { numRuns: 40 },
    );
  });

  it('the original map itself is unbiased in both conventions (the bias is the flip’s)', () => {
    for (const mapping of ['stride', 'udp'] as const) {
      expect(Math.abs(flippedBias(97.3, mapping, 0).original)).toBeLessThan(5e-3);
    }
  });

  it('averaged with the original, the one-cell shift leaves 0.125 cells with stride; UDP unshifted leaves 0', () => {
    // Two Gaussians 0.75 (no shift) or 0.25 cells apart average to a peak near their midpoint.
    expect(flippedBias(97.3, 'stride', 0).averaged).toBeCloseTo(-0.375, 1);
    expect(flippedBias(97.3, 'stride', 1).averaged).toBeCloseTo(0.125, 1);
    expect(Math.abs(flippedBias(97.3, 'udp', 0).averaged)).toBeLessThan(5e-3);
  });
});
