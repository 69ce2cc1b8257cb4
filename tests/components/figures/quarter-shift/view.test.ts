import { describe, expect, it } from 'vitest';
import { buildQuarterShift, buildQuarterStrips } from '../../../../src/lib/index.ts';
import { quarterView } from '../../../../src/components/figures/quarter-shift/view.ts';

describe('quarterView(data, strips, offset)', () => {
  it('colours and labels the 25 window cells and reports each form', () => {
    const d = buildQuarterShift({ offset: { x: 0.3, y: 0.15 }, sigma: 2, target: 'unbiased' });
    const strips = buildQuarterStrips({ sigma: 2, target: 'unbiased', steps: 10 });
    const v = quarterView(d, strips, { u: 0.3, v: 0.15 });
    expect(Object.keys(v.attrs).filter((k) => k.startsWith('cell-text-'))).toHaveLength(25);
    expect(v.text['cell-text-12']).toBe(d.max.score.toFixed(2));
    expect(v.text['err-pa']).toBe(`${d.errors.perAxis.toFixed(2)} px`);
    expect(v.text['share-pa']).toMatch(/^helps on \d+% of the cell, hurts on \d+%$/);
  });

  it('marks both shifted points with arrows from the maximum, the second maximum’s cell and the place on the strips', () => {
    const d = buildQuarterShift({ offset: { x: -0.2, y: 0.4 }, sigma: 2, target: 'unbiased' });
    const strips = buildQuarterStrips({ sigma: 2, target: 'unbiased', steps: 4 });
    const v = quarterView(d, strips, { u: -0.2, v: 0.4 });
    expect(v.attrs['pa-mark']).toEqual({ transform: `translate(${d.perAxis.x.toFixed(4)} ${d.perAxis.y.toFixed(4)})` });
    expect(v.attrs['sm-arrow']).toMatchObject({ x1: d.max.x.toFixed(3), x2: d.secondMax.x.toFixed(4) });
    expect(v.attrs['s-box']).toEqual({ x: (d.second.x - 0.5).toFixed(3), y: (d.second.y - 0.5).toFixed(3) });
    expect(v.text.second).toBe(`(${d.second.x}, ${d.second.y})`);
    expect(v.attrs['strip-pos']).toEqual({ cx: '-0.200', cy: '0.400' });
    expect(v.text['share-sm']).toBe(
      `helps on ${Math.round(100 * strips.share.secondMax.helps)}% of the cell, hurts on ${Math.round(100 * strips.share.secondMax.hurts)}%`,
    );
  });
});
