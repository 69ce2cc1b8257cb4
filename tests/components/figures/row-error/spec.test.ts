import { describe, expect, it, vi } from 'vitest';
import spec from '../../../../src/components/figures/row-error/spec.ts';
import { rowErrorChart } from '../../../../src/components/figures/row-error/chart.ts';
import { keypointSchema } from '../../../../src/components/state/keypoint.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildPixelGrid, buildRowError } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

// Counts the sweeps the figure runs: the sawtooth is built inside the chart's draw.
vi.mock('../../../../src/lib/index.ts', async (importOriginal) => {
  const lib = await importOriginal<typeof import('../../../../src/lib/index.ts')>();
  return { ...lib, buildRowError: vi.fn(lib.buildRowError) };
});

const sigma = numberControl(keypointSchema, 'sigma').default;
const drawn = (state: { x: number; y: number }) =>
  renderFigure(spec, { state, document: doc(), width: 480 }).charts.chart;

describe('figure 1.2’s data', () => {
  it('is the keypoint’s own argmax error, as buildPixelGrid finds it', () => {
    const { data } = renderFigure(spec, { state: { x: 60, y: 120.5, target: 'biased' } });
    expect(data).toBe(buildPixelGrid({ keypoint: { x: 60, y: 120.5 }, sigma, target: 'biased' }).error);
  });
});

describe('figure 1.2’s chart', () => {
  it('draws the row’s sawtooth, sampled every half pixel, with the keypoint and its error marked', () => {
    const state = { x: 60.4, y: 120.5 };
    const error = renderFigure(spec, { state }).data;
    const sawtooth = buildRowError({ y: 120.5, sigma, target: 'unbiased', step: 0.5 });
    expect(drawn(state)).toBe(
      rowErrorChart(sawtooth, { width: 480, current: { x: 60.4, error }, document: doc() }).outerHTML,
    );
  });

  it('builds the sawtooth once per row: a move along the row only moves the marker', () => {
    const sweeps = vi.mocked(buildRowError);
    sweeps.mockClear();
    drawn({ x: 10, y: 33 });
    drawn({ x: 150.5, y: 33 });
    expect(sweeps).toHaveBeenCalledTimes(1);
    drawn({ x: 150.5, y: 34 });
    expect(sweeps).toHaveBeenCalledTimes(2);
  });

  it('is a slider over the keypoint’s x, across the whole crop, whose press sets x itself', () => {
    const { slider } = chartOf(spec);
    const x = numberControl(keypointSchema, 'x');
    expect(slider).toMatchObject({ label: 'Keypoint x along its row', key: 'x', min: x.min, max: x.max });
    expect(slider?.fromChart).toBeUndefined();
    expect(slider?.describe({ ...renderFigure(spec).state, x: 60.44 })).toBe('x 60.4 input pixels');
    expect(renderFigure(spec, { state: { x: 60.44 } }).view.attrs.chart).toMatchObject({
      role: 'slider',
      'aria-valuenow': '60.44',
      'aria-valuetext': 'x 60.4 input pixels',
    });
  });
});

describe('figure 1.2’s announcement', () => {
  it('says where on which row the keypoint is and argmax’s error there', () => {
    // Stride 4: (60.4, 120.5) decodes to the centre of cell (15, 30), at (60, 120).
    expect(announcedIn(spec, { x: 60.4, y: 120.5 })).toBe(
      `At x 60.4 on row 120.5, argmax errs by ${fmt(Math.hypot(0.4, 0.5))} pixels.`,
    );
  });
});
