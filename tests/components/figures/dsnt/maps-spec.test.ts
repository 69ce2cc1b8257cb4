import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dsnt/maps-spec.ts';
import { ch5, dsntInput } from '../../../../src/components/state/ch5.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildDsntFigure, DSNT_SETTING } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { w, h } = DSNT_SETTING;
const moved = { x1: 3, y1: 12, a2: 4, beta: 2.5 };

describe('figure 5.1’s data', () => {
  it('is buildDsntFigure’s for the state’s bumps, temperature and target', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data).toEqual(buildDsntFigure(dsntInput(state)));
    expect(dsntInput(state).peaks).toEqual([
      { x: 3, y: 12, amplitude: state.a1 },
      { x: state.x2, y: state.y2, amplitude: 4 },
    ]);
  });
});

describe('figure 5.1’s maps', () => {
  it('draw the logits and their softmax on the chapter’s grid, each over its own range', () => {
    const { data, maps } = renderFigure(spec, { state: moved });
    expect(maps.logits).toEqual({ values: data.logits, w, h });
    expect(maps.prob).toEqual({ values: data.p, w, h });
  });
});

describe('figure 5.1’s handles', () => {
  const x1 = numberControl(ch5, 'x1');
  const y1 = numberControl(ch5, 'y1');

  it('sit on the two bumps, and a drag moves its own bump to the point, in cells', () => {
    const { state } = renderFigure(spec, { state: moved });
    expect(handleOf(spec, 'h1').get(state)).toEqual({ x: 3, y: 12 });
    expect(handleOf(spec, 'h2').get(state)).toEqual({ x: state.x2, y: state.y2 });
    expect(dragTo(spec, 'h1', { x: 9.5, y: 2.25 })).toEqual({ x1: 9.5, y1: 2.25 });
    expect(dragTo(spec, 'h2', { x: 9.5, y: 2.25 })).toEqual({ x2: 9.5, y2: 2.25 });
  });

  it('share the logits and stop at the map’s edge cells, the parameters’ own range', () => {
    for (const role of ['h1', 'h2']) {
      expect(handleOf(spec, role).surface).toBe('logits-surface');
      expect(handleOf(spec, role).bounds).toEqual({ minX: x1.min, maxX: x1.max, minY: y1.min, maxY: y1.max });
    }
    expect(x1.max).toBe(w - 1);
    expect(dragTo(spec, 'h1', { x: -3, y: 40 })).toEqual({ x1: 0, y1: h - 1 });
  });

  it('leave the second bump ungrabbable while its height is zero', () => {
    const h2 = handleOf(spec, 'h2');
    expect(h2.active?.(renderFigure(spec, { state: { a2: 0 } }).state)).toBe(false);
    expect(h2.active?.(renderFigure(spec, { state: { a2: 0.5 } }).state)).toBe(true);
    expect(handleOf(spec, 'h1').active).toBeUndefined();
  });

  it('name the point in cells, to a tenth', () => {
    expect(handleOf(spec, 'h1').describe({ x: 9.54, y: 2 })).toBe('x 9.5, y 2.0 cells');
  });
});

describe('figure 5.1’s announcement', () => {
  it('says the expectation, its distance from the first bump and the argmax cell, at the state’s β', () => {
    const { data: d } = renderFigure(spec, { state: moved });
    expect(announcedIn(spec, moved)).toBe(
      `With β 2.5, the expectation is at x ${fmt(d.expectation.x)}, y ${fmt(d.expectation.y)} cells, ${fmt(Math.hypot(d.expectation.x - 3, d.expectation.y - 12))} from the first bump; argmax is cell ${d.argmax.x}, ${d.argmax.y}.`,
    );
  });
});
