import { describe, expect, it } from 'vitest';
import { buildRowError } from '../../../src/lib/index.ts';

describe('buildRowError({ y, sigma, target })', () => {
  it('traces one sawtooth tooth per heatmap cell, zero at each cell centre', () => {
    const d = buildRowError({ y: 100, sigma: 2, target: 'unbiased', step: 0.5 });
    expect(d.samples).toHaveLength(384);
    // y = 100 is a cell centre (25 × 4): the error is |x - 4·round(x/4)|.
    for (const s of d.samples.filter((p) => p.x < 188)) {
      expect(s.error).toBeCloseTo(Math.abs(s.x - 4 * Math.round(s.x / 4)), 9);
    }
    expect(d.samples.filter((s) => s.error === 0)).toHaveLength(48);
  });

  it('lifts the floor of the sawtooth by the row offset: at y = 102 it never drops below 2 px', () => {
    const d = buildRowError({ y: 101.9, sigma: 2, target: 'unbiased', step: 1 });
    expect(Math.min(...d.samples.map((s) => s.error))).toBeCloseTo(1.9, 9);
    expect(d.diagonal).toBeCloseTo(2 * Math.SQRT2, 12);
  });
});
