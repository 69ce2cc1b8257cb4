import { describe, expect, it } from 'vitest';
import spec, { SAMPLES } from '../../../../src/components/figures/resolution/spec.ts';
import { resolutionChart } from '../../../../src/components/figures/resolution/chart.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildResolutionSweep, RESOLUTIONS, type ResolutionSweep } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

/** DARK's gain over argmax at one input resolution, in pixels of the 256×192 frame. */
const gain = (d: ResolutionSweep, input: string) => {
  const mean = (id: string) => d.rows.find((r) => r.input === input && r.decoder === id)!.error.mean;
  return mean('argmax') - mean('dark');
};

describe('figure 4.2’s data', () => {
  it('is the library’s seeded sweep for the state’s target kind, run once per page for both kinds', () => {
    const biased = renderFigure(spec, { state: { sweep: 'biased' } });
    expect(biased.data).toEqual(buildResolutionSweep({ target: 'biased', samples: SAMPLES }));
    expect(biased.data).toBe(biased.pre.biased);
    const unbiased = renderFigure(spec);
    expect(unbiased.pre).toBe(biased.pre);
    expect(unbiased.data).toBe(unbiased.pre.unbiased);
    expect(unbiased.data).toMatchObject({ target: 'unbiased', samples: SAMPLES });
  });
});

describe('figure 4.2’s chart', () => {
  it('draws the state’s sweep, and is redrawn only when the sweep’s target kind changes', () => {
    const { data, charts } = renderFigure(spec, { state: { sweep: 'biased' }, document: doc(), width: 600 });
    expect(charts.chart).toBe(resolutionChart(data, { width: 600, document: doc() }).outerHTML);
    expect(chartOf(spec).keys).toEqual(['sweep']);
  });
});

describe('figure 4.2’s announcement', () => {
  it('says DARK’s gain over argmax at each resolution, largest input first', () => {
    const { data } = renderFigure(spec, { state: { sweep: 'biased' } });
    const [full, half, quarter] = RESOLUTIONS.map((r) => r.input);
    expect(announcedIn(spec, { sweep: 'biased' })).toBe(
      `Biased targets: DARK gains ${fmt(gain(data, full!))}, ${fmt(gain(data, half!))} and ${fmt(gain(data, quarter!))} pixels over argmax at 256×192, 128×96 and 64×48.`,
    );
    expect(announcedIn(spec, { sweep: 'unbiased' })).toMatch(/^Unbiased targets: DARK gains /);
  });
});
