import { describe, expect, it } from 'vitest';
import { histogram, quantileSorted, summarize } from '../../src/lib/index.ts';

describe('summarize(values)', () => {
  it('gives mean, median and quartiles with linear interpolation, as NumPy', () => {
    const s = summarize([4, 1, 3, 2, 5]);
    expect(s).toMatchObject({ count: 5, mean: 3, min: 1, median: 3, p25: 2, p75: 4, max: 5 });
    expect(s.p5).toBeCloseTo(1.2, 12);
    expect(quantileSorted([0, 10], 0.35)).toBeCloseTo(3.5, 12);
  });

  it('ignores non-finite values and returns NaN for none', () => {
    expect(summarize([1, Number.NaN, 3]).mean).toBe(2);
    expect(summarize([]).mean).toBeNaN();
  });
});

describe('histogram(values, bins, lo, hi)', () => {
  it('counts into equal bins, clamps the ends, and fractions sum to 1', () => {
    const h = histogram([0, 0.1, 0.5, 0.99, 1, 7], 2, 0, 1);
    expect(h.map((b) => b.count)).toEqual([2, 4]);
    expect(h.reduce((s, b) => s + b.fraction, 0)).toBeCloseTo(1, 12);
    expect(h[1]).toMatchObject({ x0: 0.5, x1: 1 });
  });
});
