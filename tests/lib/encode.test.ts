import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argmaxMap, biasedCentre, encodeBiased, encodeUnbiased } from '../../src/lib/index.ts';

describe('encodeBiased(keypoint, w, h, σ)', () => {
  it('puts a peak of exactly 1 on trunc(μ + 0.5) and nothing beyond 3σ', () => {
    const t = encodeBiased({ x: 10.4, y: 7.6 }, 24, 32, 2);
    expect(t.data[8 * 24 + 10]).toBe(1);
    expect(t.data[8 * 24 + 16]).toBeGreaterThan(0); // |dx| = 6 = 3σ
    expect(t.data[8 * 24 + 17]).toBe(0); // |dx| = 7 > 3σ
    expect(t.weight).toBe(1);
  });

  it('truncates toward zero, so -0.7 encodes at 0 (trunc(-0.2)), not at -1', () => {
    expect(biasedCentre({ x: -0.7, y: -1.6 })).toEqual({ x: 0, y: -1 });
  });

  it('gives weight 0 and an empty map when the 3σ window is off the map', () => {
    const t = encodeBiased({ x: -20, y: 5 }, 24, 32, 2);
    expect(t.weight).toBe(0);
    expect(t.data.every((v) => v === 0)).toBe(true);
  });
});

describe('encodeUnbiased(keypoint, w, h, σ)', () => {
  it('has a peak below 1 off the integer grid and exactly 1 on it', () => {
    expect(Math.max(...encodeUnbiased({ x: 10.3, y: 7 }, 24, 32, 2).data)).toBeLessThan(1);
    expect(Math.max(...encodeUnbiased({ x: 10, y: 7 }, 24, 32, 2).data)).toBe(1);
  });

  it('is symmetric: the value at μ + d equals the value at μ - d (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 16 }),
        fc.integer({ min: 8, max: 24 }),
        fc.integer({ min: 1, max: 4 }),
        (cx, cy, d) => {
          const t = encodeUnbiased({ x: cx, y: cy }, 24, 32, 1.7);
          return (
            t.data[cy * 24 + cx + d] === t.data[cy * 24 + cx - d] &&
            t.data[(cy + d) * 24 + cx] === t.data[(cy - d) * 24 + cx]
          );
        },
      ),
    );
  });
});

describe('argmax of a target', () => {
  it('is within 0.5 px per axis of the keypoint on any unbiased target (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 47, noNaN: true }),
        fc.double({ min: 0, max: 63, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (x, y, sigma) => {
          const p = argmaxMap(encodeUnbiased({ x, y }, 48, 64, sigma));
          return Math.abs(p.x - x) <= 0.5 && Math.abs(p.y - y) <= 0.5;
        },
      ),
      { numRuns: 500 },
    );
  });
});
