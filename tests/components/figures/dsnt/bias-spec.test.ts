import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dsnt/bias-spec.ts';
import { biasChart } from '../../../../src/components/figures/dsnt/charts.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { softArgmaxBias } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn } from '../spec-parts.ts';

describe('figure 5.4’s data', () => {
  it('is softArgmaxBias’s for the state’s β and bump height', () => {
    const { data } = renderFigure(spec, { state: { beta: 3, a1: 4.5 } });
    expect(data).toEqual(softArgmaxBias({ beta: 3, amplitude: 4.5 }));
  });

  it('is computed once per β and height: moving the bump reuses it', () => {
    const { data } = renderFigure(spec, { state: { x1: 2 } });
    expect(renderFigure(spec, { state: { x1: 11.5 } }).data).toBe(data);
    expect(renderFigure(spec, { state: { x1: 11.5, beta: 3 } }).data).not.toBe(data);
  });
});

describe('figure 5.4’s chart', () => {
  it('draws the curves with the first bump’s x marked', () => {
    const { data, charts } = renderFigure(spec, { state: { beta: 3, x1: 2 }, document: doc(), width: 480 });
    expect(charts.chart).toBe(biasChart(data, 2, { width: 480, document: doc() }).outerHTML);
  });
});

describe('figure 5.4’s announcement', () => {
  it('says the largest error of the plain and the debiased expectation at the state’s β', () => {
    const rows = softArgmaxBias({ beta: 3, amplitude: renderFigure(spec).state.a1 });
    const plain = Math.max(...rows.map((r) => r.plain));
    const debiased = Math.max(...rows.map((r) => r.debiased));
    expect(debiased).toBeLessThan(plain);
    expect(announcedIn(spec, { beta: 3 })).toBe(
      `At β 3.0, the expectation errs by up to ${fmt(plain)} cells near the border; debiased, up to ${fmt(debiased)}.`,
    );
  });
});
