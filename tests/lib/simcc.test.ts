import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refineSimccDark, simccDecode, simccExpectation, simccMaximum, type VectorStack } from '../../src/lib/index.ts';

const stack = (rows: number[][]): VectorStack => ({
  data: Float32Array.from(rows.flat()),
  count: rows.length,
  length: rows[0]!.length,
});

const gaussian = (n: number, mu: number, sigma: number, a = 1): number[] =>
  Array.from({ length: n }, (_, b) => a * Math.exp(-((b - mu) ** 2) / (2 * sigma * sigma)));

describe('simccMaximum(vx, vy): get_simcc_maximum', () => {
  it('gives each vector’s first argmax bin and the smaller maximum as the score', () => {
    const vx = stack([
      [0, 3, 1, 3],
      [0.5, 0.2, 0.1, 0],
    ]);
    const vy = stack([
      [2, 0, 0, 5, 1],
      [0, 0, 0.9, 0, 0],
    ]);
    expect(simccMaximum(vx, vy)).toEqual([
      { x: 1, y: 3, score: 3 },
      { x: 0, y: 2, score: 0.5 },
    ]);
  });

  it('puts a keypoint at (-1, -1) when the smaller maximum is ≤ 0, keeping the score', () => {
    const vx = stack([
      [-1, -2],
      [0, 0],
    ]);
    const vy = stack([
      [0.9, 0.1],
      [0.3, 0.7],
    ]);
    expect(simccMaximum(vx, vy)).toEqual([
      { x: -1, y: -1, score: -1 },
      { x: -1, y: -1, score: 0 },
    ]);
  });

  it('skips NaN bins, and refuses stacks of different counts', () => {
    const p = simccMaximum(stack([[Number.NaN, 1, 2]]), stack([[1, Number.NaN]]));
    expect(p).toEqual([{ x: 2, y: 0, score: 1 }]);
    expect(() => simccMaximum(stack([[1], [2]]), stack([[1]]))).toThrow(/must match/);
  });
});

describe('simccDecode: bins divided by the split ratio, as SimCCLabel.decode', () => {
  it('divides argmax bins by k, and MMPose’s (-1, -1) too (giving -1/k)', () => {
    const vx = stack([
      [0, 0, 0, 1],
      [-1, -1, -1, -1],
    ]);
    const vy = stack([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
    const p = simccDecode('simccArgmax', vx, vy, { splitRatio: 2 });
    expect(p.map((q) => [q.x, q.y])).toEqual([
      [1.5, 0.5],
      [-0.5, -0.5],
    ]);
  });

  it('the expectation of a symmetric vector is its centre, at any β', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 20, noNaN: true }), (beta) => {
        const row = gaussian(21, 10, 3);
        const [p] = simccExpectation(stack([row]), stack([row]), beta);
        return Math.abs(p!.x - 10) < 1e-9 && Math.abs(p!.y - 10) < 1e-9;
      }),
    );
  });

  it('the expectation is pulled toward the middle when β is small (softmax background), not when large', () => {
    const row = gaussian(64, 8.3, 2);
    const low = simccExpectation(stack([row]), stack([row]), 1)[0]!.x;
    const high = simccExpectation(stack([row]), stack([row]), 60)[0]!.x;
    expect(low).toBeGreaterThan(20);
    // A large β sharpens the softmax onto the bins nearest the peak: within half a bin.
    expect(Math.abs(high - 8.3)).toBeLessThan(0.5);
  });
});

describe('refineSimccDark: refine_simcc_dark on one vector', () => {
  it('recovers the centre of a sub-bin Gaussian (log-quadratic: the Newton step is exact)', () => {
    for (const mu of [20.3, 33.72, 47.5]) {
      const row = gaussian(96, mu, 4);
      const bin = Math.round(mu - 0.0001);
      const { bin: refined, fallback } = refineSimccDark(row, bin, 7);
      expect(fallback).toBeUndefined();
      expect(Math.abs(refined - mu)).toBeLessThan(2e-3);
    }
  });

  it('leaves the bin -1 of a maximum ≤ 0 as it is', () => {
    expect(refineSimccDark(gaussian(20, 5, 2), -1, 7)).toEqual({ bin: -1 });
  });

  it('keeps the argmax and says so when a NaN lies in its neighbourhood', () => {
    const row = gaussian(40, 20.3, 3);
    row[21] = Number.NaN;
    const out = refineSimccDark(row, 20, 3);
    expect(out.bin).toBe(20);
    expect(out.fallback).toMatch(/SimCC-DARK/);
  });

  it('simccDecode("simccDark") takes its kernels from σ and returns input pixels', () => {
    const vx = stack([gaussian(96, 40.6, 2)]);
    const vy = stack([gaussian(128, 70.2, 2)]);
    const [p] = simccDecode('simccDark', vx, vy, { splitRatio: 2, sigma: 2 });
    expect(Math.abs(p!.x - 20.3)).toBeLessThan(2e-3);
    expect(Math.abs(p!.y - 35.1)).toBeLessThan(2e-3);
  });
});
