import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dsnt/gradient-spec.ts';
import { ch5, dsntInput } from '../../../../src/components/state/ch5.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildDsntFigure, DSNT_SETTING } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { w, h } = DSNT_SETTING;
const moved = { tx: 10.5, ty: 3 };

describe('figure 5.2’s data', () => {
  it('is buildDsntFigure’s for the state’s bumps and target', () => {
    const { data, state } = renderFigure(spec, { state: moved });
    expect(data).toEqual(buildDsntFigure(dsntInput(state)));
    expect(dsntInput(state).target).toEqual({ x: 10.5, y: 3 });
  });
});

describe('figure 5.2’s maps', () => {
  it('draw the descent direction with each sign coloured up to its own largest value, and argmax’s gradient as zeros', () => {
    const { data, maps } = renderFigure(spec, { state: moved });
    const values = Array.from(data.descent);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(0);
    expect(maps.grad).toEqual({ values: data.descent, w, h, domain: [lo, hi] });
    expect(maps.zero).toMatchObject({ w, h, domain: [-1, 1] });
    expect(Array.from(maps.zero!.values)).toEqual(new Array(w * h).fill(0));
  });
});

describe('figure 5.2’s handle', () => {
  const handle = handleOf(spec, 'target');
  const tx = numberControl(ch5, 'tx');
  const ty = numberControl(ch5, 'ty');

  it('sits on the target on the gradient’s map, and a drag moves the target there, in cells', () => {
    expect(handle.surface).toBe('grad-surface');
    expect(handle.get(renderFigure(spec, { state: moved }).state)).toEqual({ x: 10.5, y: 3 });
    expect(dragTo(spec, 'target', { x: 1.25, y: 14 })).toEqual({ tx: 1.25, ty: 14 });
  });

  it('stops at the map’s edge cells, the parameters’ own range', () => {
    expect(handle.bounds).toEqual({ minX: tx.min, maxX: tx.max, minY: ty.min, maxY: ty.max });
    expect(dragTo(spec, 'target', { x: 20, y: -1 })).toEqual({ tx: w - 1, ty: 0 });
  });

  it('names the point in cells, to a tenth', () => {
    expect(handle.describe({ x: 1.26, y: 14 })).toBe('x 1.3, y 14.0 cells');
  });
});

describe('figure 5.2’s announcement', () => {
  it('says where the target is and the loss the library computes there', () => {
    const { data } = renderFigure(spec, { state: moved });
    expect(announcedIn(spec, moved)).toBe(
      `Target at 10.5, 3.0 cells; Euclidean loss ${fmt(data.loss, 3)} in normalised units.`,
    );
  });
});
