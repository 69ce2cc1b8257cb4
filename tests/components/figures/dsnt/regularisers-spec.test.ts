import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dsnt/regularisers-spec.ts';
import { regulariserChart } from '../../../../src/components/figures/dsnt/charts.ts';
import { dsntInput } from '../../../../src/components/state/ch5.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import {
  DSNT_SETTING,
  jsDivergenceMap,
  regulariserAt,
  regulariserCurve,
  targetGaussian,
  toNormalized,
} from '../../../../src/lib/index.ts';
import { doc } from '../chart-doc.ts';
import { announcedIn, chartOf } from '../spec-parts.ts';

const { w, h } = DSNT_SETTING;
const moved = { t: 0.5, sigmaT: 2 };

describe('figure 5.3’s data', () => {
  it('is the library’s path to the target and the map at the state’s t, with its JS divergence map', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    const input = dsntInput(state);
    const q = targetGaussian({ x: toNormalized(state.tx, w), y: toNormalized(state.ty, h) }, w, h, 2);
    expect(data.input).toEqual(input);
    expect(data.curve).toEqual(regulariserCurve(input));
    expect(data.start).toEqual(regulariserAt(input, 0));
    expect(data.here).toEqual(regulariserAt(input, 0.5));
    expect(data.q).toEqual(q);
    expect(data.js).toEqual(jsDivergenceMap(data.here.p, q));
  });

  it('walks the path once per setting: moving along it reuses the curve', () => {
    const { curve } = renderFigure(spec, { state: { t: 0.1 } }).data;
    expect(renderFigure(spec, { state: { t: 0.9 } }).data.curve).toBe(curve);
    expect(renderFigure(spec, { state: { t: 0.9, tx: 3 } }).data.curve).not.toBe(curve);
  });
});

describe('figure 5.3’s maps', () => {
  it('draw the map at t and its JS divergence from the target, on the chapter’s grid', () => {
    const { data, maps } = renderFigure(spec, { state: moved });
    expect(maps.pt).toEqual({ values: data.here.p, w, h });
    expect(maps.js).toEqual({ values: data.js, w, h });
  });
});

describe('figure 5.3’s chart', () => {
  it('draws the path’s curve with t marked, redrawn when t or the path’s setting changes', () => {
    const { data, charts } = renderFigure(spec, { state: moved, document: doc(), width: 480 });
    expect(charts.chart).toBe(regulariserChart(data.curve, data.here, { width: 480, document: doc() }).outerHTML);
    expect([...chartOf(spec).keys].sort()).toEqual(Object.keys(renderFigure(spec).state).sort());
  });
});

describe('figure 5.3’s announcement', () => {
  it('says both regularisers at t itself, as the stats beside the chart do (not at the curve’s nearest point)', () => {
    const { state } = renderFigure(spec, { state: { ...moved, t: 0.51 } });
    const at = regulariserAt(dsntInput(state), 0.51);
    expect(at.js).not.toBeCloseTo(regulariserCurve(dsntInput(state))[20]!.js, 4);
    expect(announcedIn(spec, { ...moved, t: 0.51 })).toBe(
      `At t 0.51, the variance regulariser is ${fmt(at.varianceLoss, 3)} and the JS divergence ${fmt(at.js, 4)}.`,
    );
  });
});
