import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argmaxIndex, argmaxMap, decodeArgmax } from '../../src/lib/index.ts';

describe('argmaxMap(map)', () => {
  it('returns the first maximum in row-major order, as NumPy does', () => {
    const data = Float32Array.of(0, 0.5, 0.9, 0.9, 0, 0.9);
    expect(argmaxMap({ data, w: 3, h: 2 })).toEqual({ x: 2, y: 0, score: Math.fround(0.9) });
  });

  it('decodes a map whose maximum is ≤ 0 to (0, 0) and reports the score', () => {
    expect(argmaxMap({ data: Float32Array.of(-3, -1, -2, -5), w: 2, h: 2 })).toEqual({ x: 0, y: 0, score: -1 });
    expect(argmaxMap({ data: new Float32Array(4), w: 2, h: 2 })).toEqual({ x: 0, y: 0, score: 0 });
  });

  it('skips NaN and reports NaN only when every value is NaN', () => {
    expect(argmaxIndex([Number.NaN, 2, Number.NaN, 3])).toBe(3);
    expect(argmaxMap({ data: Float32Array.of(Number.NaN, Number.NaN), w: 2, h: 1 }).score).toBeNaN();
  });

  it('decodeArgmax decodes each map of a stack', () => {
    const data = Float32Array.of(1, 0, 0, 0, 0, 0, 0, 2);
    expect(decodeArgmax({ data, k: 2, h: 2, w: 2 }).map(({ x, y }) => [x, y])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('argmaxIndex on a Float32Array (the two-lane fast loop)', () => {
  const naive = (values: number[]): number => {
    let best = -1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      if (best < 0 || v > (values[best] as number)) best = i;
    }
    return best;
  };

  it('returns the first maximum, like a plain scan, with ties, NaN and infinities (property)', () => {
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 40 }),
        (values) => argmaxIndex(Float32Array.from(values)) === naive(values),
      ),
      { numRuns: 3000 },
    );
  });
});
