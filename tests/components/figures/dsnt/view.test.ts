import { describe, expect, it } from 'vitest';
import {
  dsntGradientView,
  dsntMapsAnnouncement,
  dsntMapsView,
  dsntRegulariserView,
} from '../../../../src/components/figures/dsnt/view.ts';
import { ch5, dsntInput, type Ch5State } from '../../../../src/components/state/ch5.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { buildDsntFigure, regulariserAt, type RegulariserPoint } from '../../../../src/lib/index.ts';

const state = (patch: Partial<Ch5State> = {}): Ch5State => ({ ...defaultsOf(ch5), ...patch });

describe('dsntMapsView(data, state)', () => {
  const s = state({ x1: 3.25, y1: 12, x2: 10, y2: 4.5, a2: 4, beta: 2.5 });
  const d = buildDsntFigure(dsntInput(s));

  it('puts the handles on the bumps and the marks at the expectation and the argmax cell', () => {
    const v = dsntMapsView(d, s);
    expect(v.attrs.h1).toEqual({ transform: 'translate(3.250 12.000)' });
    expect(v.attrs.h2).toEqual({ transform: 'translate(10.000 4.500)', visibility: 'visible' });
    expect(v.attrs.expect).toEqual({ cx: d.expectation.x.toFixed(3), cy: d.expectation.y.toFixed(3) });
    expect(v.attrs['argmax-mark']).toEqual({ transform: `translate(${d.argmax.x}.000 ${d.argmax.y}.000)` });
  });

  it('hides the second bump’s handle while its height is zero', () => {
    expect(dsntMapsView(buildDsntFigure(dsntInput({ ...s, a2: 0 })), { ...s, a2: 0 }).attrs.h2?.visibility).toBe(
      'hidden',
    );
  });

  it('reports the expectation in cells and normalised units, and its distance from the first bump', () => {
    const v = dsntMapsView(d, s);
    const miss = Math.hypot(d.expectation.x - 3.25, d.expectation.y - 12);
    expect(v.text).toEqual({
      'stat-expect': `(${fmt(d.expectation.x)}, ${fmt(d.expectation.y)})`,
      'stat-norm': `(${fmt(d.expectationNormalized.x, 3)}, ${fmt(d.expectationNormalized.y, 3)})`,
      'stat-argmax': `(${d.argmax.x}, ${d.argmax.y})`,
      'stat-bump': '(3.25, 12.00)',
      'stat-error': `${fmt(miss)} cells`,
    });
    expect(dsntMapsAnnouncement(d, s)).toContain(`${fmt(miss)} from the first bump`);
  });
});

describe('dsntGradientView(data, state)', () => {
  it('puts the target’s handle on the target and reports the loss and the largest gradient', () => {
    const s = state({ tx: 10.5, ty: 3 });
    const d = buildDsntFigure(dsntInput(s));
    const v = dsntGradientView(d, s);
    expect(v.attrs.target).toEqual({ transform: 'translate(10.500 3.000)' });
    expect(v.attrs['g-expect']).toEqual({ cx: d.expectation.x.toFixed(3), cy: d.expectation.y.toFixed(3) });
    expect(v.text).toEqual({
      'stat-loss': fmt(d.loss, 4),
      'stat-largest': fmt(Math.max(...Array.from(d.gradient, Math.abs)), 4),
      'stat-target': '(10.50, 3.00)',
    });
  });
});

describe('dsntRegulariserView(point, start, state)', () => {
  const s = state({ sigmaT: 2 });

  it('reports both regularisers and what share of their start they are', () => {
    const start = regulariserAt(dsntInput(s), 0);
    const here = regulariserAt(dsntInput(s), 0.5);
    const v = dsntRegulariserView(here, start, s);
    expect(v.attrs['r-target']).toEqual({ cx: s.tx.toFixed(3), cy: s.ty.toFixed(3) });
    expect(v.text['stat-var']).toBe(
      `${fmt(here.varianceLoss, 3)} (${fmt((100 * here.varianceLoss) / start.varianceLoss, 0)}% of start)`,
    );
    expect(v.text['stat-js']).toBe(`${fmt(here.js, 4)} (${fmt((100 * here.js) / start.js, 0)}% of start)`);
  });

  it('reads a start of zero as one, rather than dividing by it', () => {
    const zero: RegulariserPoint = { t: 0, p: new Float64Array(0), varianceLoss: 0, js: 0 };
    const here: RegulariserPoint = { t: 1, p: new Float64Array(0), varianceLoss: 0.25, js: 0.5 };
    expect(dsntRegulariserView(here, zero, s).text).toEqual({
      'stat-var': '0.250 (25% of start)',
      'stat-js': '0.5000 (50% of start)',
    });
  });
});
