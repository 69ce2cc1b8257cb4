import { describe, expect, it } from 'vitest';
import {
  histogram,
  numpySum,
  meanErrors,
  meanWithError,
  quantileSorted,
  sampleMeanErrors,
  summarize,
} from '../../src/lib/index.ts';

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

describe('meanWithError(values)', () => {
  it('gives the mean, the n − 1 standard deviation and sd/√n, skipping non-finite values', () => {
    // 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, sd √(5/3).
    const e = meanWithError([1, 2, Number.NaN, 3, 4]);
    expect(e.count).toBe(4);
    expect(e.mean).toBe(2.5);
    expect(e.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(e.sem).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
    expect(Number.isNaN(meanWithError([7]).sd)).toBe(true);
  });
});

describe('sampleMeanErrors(decoded, truth)', () => {
  it('averages each sample’s keypoint distances; their mean is meanErrors’ when samples have equal K', () => {
    const truth = [
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
      ],
    ];
    const decoded = {
      a: [
        [
          { x: 3, y: 4 },
          { x: 10, y: 1 },
        ],
        [
          { x: 0, y: 2 },
          { x: 0, y: 0 },
        ],
      ],
    };
    const per = sampleMeanErrors(decoded, truth);
    expect(Array.from(per.a!)).toEqual([(5 + 1) / 2, (2 + 0) / 2]);
    expect((per.a![0]! + per.a![1]!) / 2).toBeCloseTo(meanErrors(decoded, truth).a!, 14);
  });
});

describe('numpySum(values)', () => {
  it('sums in NumPy’s pairwise order: eight partial sums added in pairs, then the rest', () => {
    expect(numpySum([])).toBe(0);
    expect(numpySum([1, 2, 3])).toBe(6);
    expect(numpySum(Array.from({ length: 17 }, (_, i) => i))).toBe(136);
    // 0.1 added 10 times: in order it is 0.9999999999999999; NumPy's pairs give 1.
    const tenth = new Array<number>(10).fill(0.1);
    expect(tenth.reduce((s, v) => s + v, 0)).toBe(0.9999999999999999);
    expect(numpySum(tenth)).toBe(0.1 + 0.1 + (0.1 + 0.1) + (0.1 + 0.1 + (0.1 + 0.1)) + 0.1 + 0.1);
  });
});
