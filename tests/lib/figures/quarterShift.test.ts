import { describe, expect, it } from 'vitest';
import { buildDecoderTable, buildQuarterShift, buildQuarterStrips } from '../../../src/lib/index.ts';

describe('buildQuarterShift({ offset, sigma, target })', () => {
  it('finds m, s and both shifted points; on a horizontal second maximum the two forms agree', () => {
    const d = buildQuarterShift({ offset: { x: 0.3, y: 0 }, sigma: 2, target: 'unbiased' });
    expect([d.max.x, d.max.y]).toEqual([24, 32]);
    expect([d.second.x, d.second.y]).toEqual([25, 32]);
    expect([d.perAxis.x, d.perAxis.y]).toEqual([24.25, 32]);
    expect([d.secondMax.x, d.secondMax.y]).toEqual([24.25, 32]);
    expect(d.errors.argmax).toBeCloseTo(1.2, 9);
    expect(d.errors.perAxis).toBeCloseTo(0.2, 9);
  });

  it('differs where both axes lean: the per-axis form moves 0.25 on each axis', () => {
    const d = buildQuarterShift({ offset: { x: 0.3, y: 0.2 }, sigma: 2, target: 'unbiased' });
    expect([d.perAxis.x, d.perAxis.y]).toEqual([24.25, 32.25]);
    expect(Math.hypot(d.secondMax.x - 24, d.secondMax.y - 32)).toBeCloseTo(0.25, 12);
    expect(d.window.size).toBe(5);
    expect(d.window.values[12]).toBe(d.max.score);
  });
});

describe('buildQuarterStrips({ sigma, target })', () => {
  const strips = buildQuarterStrips({ sigma: 2, target: 'unbiased', steps: 20 });

  it('covers the cell at sub-cell centres', () => {
    expect(strips.offsets).toHaveLength(20);
    expect(strips.offsets[0]).toBeCloseTo(-0.475, 12);
    expect(strips.perAxisGain).toHaveLength(400);
  });

  it('helps more than it hurts on unbiased targets, but hurts near the cell centre', () => {
    expect(strips.share.perAxis.helps).toBeGreaterThan(strips.share.perAxis.hurts);
    // Offset (0.025, 0.025): argmax is nearly exact, a quarter step overshoots.
    const i = 10 * 20 + 10;
    expect(strips.perAxisGain[i]!).toBeLessThan(0);
    // Near a corner both forms help.
    expect(strips.perAxisGain[0]!).toBeGreaterThan(0);
  });

  it('cannot help on biased targets, which are symmetric about the cell centre', () => {
    const biased = buildQuarterStrips({ sigma: 2, target: 'biased', steps: 10 });
    expect(biased.share.perAxis.helps).toBe(0);
  });
});

describe('buildDecoderTable()', () => {
  const t = buildDecoderTable({ samples: 600 });

  it('ranks DARK < quarter < argmax on unbiased targets', () => {
    const mean = (id: string) => t.rows[id]!.unbiased.mean;
    expect(mean('dark')).toBeLessThan(mean('quarter'));
    expect(mean('quarter')).toBeLessThan(mean('argmax'));
  });

  it('shows no decoder recovering a biased target: each errs by at least the encoding’s own rounding', () => {
    for (const id of t.decoders) expect(t.rows[id]!.biased.mean).toBeGreaterThan(1.2);
    // The biased target is symmetric about its cell: the per-axis shift sees ties and does
    // nothing, while the second-maximum form follows a tied neighbour and does worse.
    expect(t.rows.quarter!.biased.mean).toBe(t.rows.argmax!.biased.mean);
    expect(t.rows.quarter2!.biased.mean).toBeGreaterThan(t.rows.argmax!.biased.mean);
  });
});
