/** The output reader (channels last → [K, H, W], the 195-value landmark tensor) and the sigmoid. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_KEYPOINT_NAMES,
  channelsLastToStack,
  readBlazePoseOutputs,
  mapOf,
  probabilityMap,
  readLandmarks,
  sigmoid,
  sigmoidMap,
  sigmoidStack,
  withoutSigmoid,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';

describe('sigmoid', () => {
  it('maps 0 to 1/2 and ln 3 to 3/4 and ln(1/3) to 1/4', () => {
    expectClose([sigmoid(0), sigmoid(Math.log(3)), sigmoid(-Math.log(3))], [0.5, 0.75, 0.25], 1e-15);
  });

  it('is symmetric, σ(−z) = 1 − σ(z), increasing, and stays in [0, 1] for any logit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        (z, dz) => {
          expect(Math.abs(sigmoid(-z) - (1 - sigmoid(z)))).toBeLessThanOrEqual(1e-15);
          expect(sigmoid(z + dz)).toBeGreaterThanOrEqual(sigmoid(z));
          expect(sigmoid(z)).toBeGreaterThanOrEqual(0);
          expect(sigmoid(z)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('sigmoidStack applies it to every value and keeps the shape', () => {
    const logits = { data: Float32Array.from([0, Math.log(3), -Math.log(3), 0]), k: 2, h: 1, w: 2 };
    const p = sigmoidStack(logits);
    expect([p.k, p.h, p.w]).toEqual([2, 1, 2]);
    expectClose(p.data, [0.5, 0.75, 0.25, 0.5], 1e-7);
    expect(logits.data[0]).toBe(0);
  });
});

describe('sigmoidMap and probabilityMap', () => {
  const logits = { data: Float32Array.from([0, Math.log(3), -Math.log(3), 2, -2, 7]), k: 2, h: 1, w: 3 };
  const result = { logits, heatmaps: sigmoidStack(logits), landmarks: [], poseScore: 1 };

  it('sigmoidMap gives the same float32 values as the stack’s sigmoid, in a new array', () => {
    const one = sigmoidMap(mapOf(logits, 1));
    expect([one.w, one.h]).toEqual([3, 1]);
    expect(one.data).toEqual(mapOf(result.heatmaps, 1).data);
    expect(one.data).not.toBe(mapOf(result.heatmaps, 1).data);
  });

  it('probabilityMap reads the sigmoid maps when the result has them, else computes them from the logits', () => {
    expect(probabilityMap(result, 0).data.buffer).toBe(result.heatmaps.data.buffer);
    expect(probabilityMap(withoutSigmoid(result), 0).data).toEqual(mapOf(result.heatmaps, 0).data);
  });
});

describe('channelsLastToStack', () => {
  it('moves value (y, x, c) of an [H, W, K] tensor to map c, row y, column x', () => {
    // H = 2, W = 3, K = 2; value = 100·c + 10·y + x, written channels last.
    const h = 2;
    const w = 3;
    const k = 2;
    const hwc = new Float32Array(h * w * k);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) for (let c = 0; c < k; c++) hwc[(y * w + x) * k + c] = 100 * c + 10 * y + x;
    const stack = channelsLastToStack(hwc, h, w, k);
    expect([stack.k, stack.h, stack.w]).toEqual([2, 2, 3]);
    expect(Array.from(stack.data)).toEqual([0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112]);
  });

  it('is a permutation: every value appears once, for random shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (h, w, k) => {
          const hwc = Float32Array.from({ length: h * w * k }, (_, i) => i);
          const stack = channelsLastToStack(hwc, h, w, k);
          expect([...stack.data].sort((a, b) => a - b)).toEqual([...hwc]);
          // Map c at (y, x) holds the value at index (y·w + x)·k + c.
          const c = k - 1;
          const y = h - 1;
          const x = 0;
          expect(stack.data[(c * h + y) * w + x]).toBe((y * w + x) * k + c);
        },
      ),
    );
  });

  it('refuses a tensor of the wrong size', () => {
    expect(() => channelsLastToStack(new Float32Array(11), 2, 3, 2)).toThrow(RangeError);
  });
});

describe('readLandmarks and readBlazePoseOutputs', () => {
  function rawLandmarks(): Float32Array {
    // Landmark i: x = i, y = 2i, z = −i, visibility logit 0 (→ 1/2), presence logit ln 3 (→ 3/4).
    const values = new Float32Array(195);
    for (let i = 0; i < 39; i++) values.set([i, 2 * i, -i, 0, Math.log(3)], i * 5);
    return values;
  }

  it('reads 39 × (x, y, z, visibility, presence) with the sigmoid on the last two', () => {
    const landmarks = readLandmarks(rawLandmarks());
    expect(landmarks).toHaveLength(39);
    expect(landmarks[7]).toMatchObject({ x: 7, y: 14, z: -7, visibility: 0.5 });
    expectClose(landmarks[38]?.presence ?? NaN, 0.75, 1e-7);
  });

  it('refuses a landmark tensor that is not 195 values', () => {
    expect(() => readLandmarks(new Float32Array(194))).toThrow(/195/);
  });

  it('reads the heatmaps into a [39, 64, 64] stack of logits and its sigmoid', () => {
    const heatmaps = new Float32Array(64 * 64 * 39);
    // One marked value: keypoint 5 at row 10, column 20, logit 2.
    heatmaps[(10 * 64 + 20) * 39 + 5] = 2;
    const result = readBlazePoseOutputs({
      landmarks: rawLandmarks(),
      poseFlag: Float32Array.of(0.9),
      heatmaps,
    });
    expect([result.logits.k, result.logits.h, result.logits.w]).toEqual([39, 64, 64]);
    expect(result.logits.data[(5 * 64 + 10) * 64 + 20]).toBe(2);
    expectClose(result.heatmaps.data[(5 * 64 + 10) * 64 + 20] ?? NaN, 1 / (1 + Math.exp(-2)), 1e-7);
    expect(result.heatmaps.data[0]).toBe(0.5);
    expectClose(result.poseScore, 0.9, 1e-7);
    expect(result.landmarks).toHaveLength(BLAZEPOSE_KEYPOINT_COUNT);
  });

  it('names the 39 keypoints, MediaPipe order', () => {
    expect(BLAZEPOSE_KEYPOINT_NAMES).toHaveLength(39);
    expect(new Set(BLAZEPOSE_KEYPOINT_NAMES).size).toBe(39);
    expect([0, 11, 24, 32, 33, 34].map((i) => BLAZEPOSE_KEYPOINT_NAMES[i])).toEqual([
      'nose',
      'left shoulder',
      'right hip',
      'right foot index',
      'body centre (auxiliary)',
      'body scale point (auxiliary)',
    ]);
  });
});
