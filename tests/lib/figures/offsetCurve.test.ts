import { describe, expect, it } from 'vitest';
import { buildOffsetCurve } from '../../../src/lib/index.ts';

describe('buildOffsetCurve({ keypoint, sigma, target })', () => {
  const d = buildOffsetCurve({ keypoint: { x: 100, y: 100 }, sigma: 2, target: 'unbiased', steps: 16 });

  it('sweeps each decoder across the keypoint’s cell, offsets in input px within ±λ/2', () => {
    expect(d.series).toHaveLength(16 * 3);
    for (const s of d.series) expect(Math.abs(s.offset)).toBeLessThanOrEqual(2);
    // y = 100 is a cell centre: argmax's error is |offset| alone.
    for (const s of d.series.filter((r) => r.decoder === 'argmax')) expect(s.error).toBeCloseTo(Math.abs(s.offset), 9);
  });

  it('puts the reader’s keypoint at its offset within the cell, with each decoder’s error', () => {
    const e = buildOffsetCurve({ keypoint: { x: 101.3, y: 100 }, sigma: 2, target: 'unbiased' });
    expect(e.current.offset).toBeCloseTo(1.3, 9);
    expect(e.current.errors.argmax).toBeCloseTo(1.3, 9);
    expect(e.current.errors.dark!).toBeLessThan(0.05);
  });

  it('lifts every curve by the row offset on a biased target', () => {
    const e = buildOffsetCurve({ keypoint: { x: 100, y: 101.5 }, sigma: 2, target: 'biased', steps: 8 });
    expect(e.rowOffset).toBeCloseTo(1.5, 9);
    for (const s of e.series) expect(s.error).toBeGreaterThanOrEqual(1.5 - 1e-9);
  });
});
