import { describe, expect, it } from 'vitest';
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
