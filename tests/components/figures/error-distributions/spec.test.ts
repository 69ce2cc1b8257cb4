import { describe, expect, it } from 'vitest';
import spec, { SAMPLES } from '../../../../src/components/figures/error-distributions/spec.ts';
import { errorDistributionsChart } from '../../../../src/components/figures/error-distributions/chart.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildErrorDistributions, type ErrorDistributions } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

/** The mean Euclidean error of `decoder` at stride 4. */
const at4 = (d: ErrorDistributions, decoder: string) =>
  d.byStride.find((r) => r.stride === 4 && r.decoder === decoder)!.euclidean.mean;

describe('figure 2.3’s data', () => {
  it('is the library’s seeded sweep for the state’s target kind, run once per page for both kinds', () => {
    const biased = renderFigure(spec, { state: { target: 'biased' } });
    expect(biased.data).toEqual(buildErrorDistributions({ target: 'biased', samples: SAMPLES }));
    expect(biased.data).toBe(biased.pre.biased);
    const unbiased = renderFigure(spec);
    expect(unbiased.pre).toBe(biased.pre);
    expect(unbiased.data).toBe(unbiased.pre.unbiased);
    expect(unbiased.data).toMatchObject({ target: 'unbiased', samples: SAMPLES });
  });
});

describe('figure 2.3’s chart', () => {
  it('draws both panels of the state’s sweep, and is redrawn only when the target kind changes', () => {
    const { data, charts } = renderFigure(spec, { state: { target: 'biased' }, document: doc(), width: 720 });
    expect(charts.chart).toBe(errorDistributionsChart(data, { width: 720, document: doc() }).outerHTML);
    expect(chartOf(spec).keys).toEqual(['target']);
  });
});

describe('figure 2.3’s announcement', () => {
  it('says each decoder’s mean error at stride 4 for the state’s target kind', () => {
    const { data } = renderFigure(spec, { state: { target: 'biased' } });
    expect(announcedIn(spec, { target: 'biased' })).toBe(
      `Biased targets, stride 4: mean error argmax ${fmt(at4(data, 'argmax'))} pixels, quarter ${fmt(at4(data, 'quarter'))} pixels, DARK ${fmt(at4(data, 'dark'))} pixels.`,
    );
    expect(announcedIn(spec, { target: 'unbiased' })).toMatch(/^Unbiased targets, stride 4: /);
  });
});
