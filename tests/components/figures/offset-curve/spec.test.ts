import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/offset-curve/spec.ts';
import { offsetCurveChart } from '../../../../src/components/figures/offset-curve/chart.ts';
import { keypointSchema } from '../../../../src/components/state/keypoint.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildOffsetCurve } from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

const { slider } = chartOf(spec);
const stateAt = (x: number) => renderFigure(spec, { state: { x } });

describe('figure 2.2’s data', () => {
  it('is buildOffsetCurve’s for the state’s keypoint, σ and target', () => {
    const { data } = renderFigure(spec, { state: { x: 101.3, y: 100, sigma: 1.5, target: 'biased' } });
    expect(data).toEqual(buildOffsetCurve({ keypoint: { x: 101.3, y: 100 }, sigma: 1.5, target: 'biased' }));
  });
});

describe('figure 2.2’s chart', () => {
  it('draws the figure’s curves', () => {
    const { data, charts } = renderFigure(spec, { state: { x: 101.3 }, document: doc(), width: 480 });
    expect(charts.chart).toBe(offsetCurveChart(data, { width: 480, document: doc() }).outerHTML);
  });

  it('is a slider over the keypoint’s x, across the whole crop, that names x in input pixels', () => {
    const x = numberControl(keypointSchema, 'x');
    expect(slider).toMatchObject({ label: 'Keypoint x within its cell', key: 'x', min: x.min, max: x.max });
    expect(slider?.describe(stateAt(101.34).state)).toBe('x 101.3 input pixels');
  });

  it('a press at an offset moves the keypoint to that offset from its cell’s centre, on its row', () => {
    // Stride 4: x 101.3 is 1.3 px right of the centre of cell 25, at 100.
    const { state, data } = stateAt(101.3);
    const patch = slider?.fromChart?.(-1.5, state, data);
    expect(patch?.x).toBeCloseTo(25 * 4 - 1.5, 9);
    expect(patch).not.toHaveProperty('y');
    expect(stateAt(patch!.x!).data.current.offset).toBeCloseTo(-1.5, 9);
  });

  it('near the crop’s edge, a press moves the keypoint into the cell the curves sweep, two cells inside the map', () => {
    // x 2 is in cell 0 (heatmap x 0.5); the sweep runs across cell 2, centred at x 8.
    const { state, data } = stateAt(2);
    expect(data.current.offset).toBeCloseTo((0.5 - 2) * 4, 9);
    const patch = slider?.fromChart?.(1, state, data);
    expect(patch?.x).toBeCloseTo(2 * 4 + 1, 9);
    expect(stateAt(patch!.x!).data.current.offset).toBeCloseTo(1, 9);
  });
});

describe('figure 2.2’s announcement', () => {
  it('says each decoder’s error at the keypoint, as the library measures it', () => {
    const { errors } = stateAt(101.3).data.current;
    expect(announcedIn(spec, { x: 101.3 })).toBe(
      `Across the cell: argmax ${fmt(errors.argmax!)} pixels, quarter ${fmt(errors.quarter!)} pixels, DARK ${fmt(errors.dark!)} pixels at the keypoint.`,
    );
  });
});
