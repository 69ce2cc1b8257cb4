import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/quarter-shift/spec.ts';
import { ch3 } from '../../../../src/components/state/ch3.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { numberControl } from '../../../../src/components/ui/params.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildQuarterShift, buildQuarterStrips, QUARTER_SETTING } from '../../../../src/lib/index.ts';
import { announcedIn, dragTo, handleOf } from '../spec-parts.ts';

const { cell } = QUARTER_SETTING;
const u = numberControl(ch3, 'u');
const v = numberControl(ch3, 'v');
const largest = (values: ArrayLike<number>) => Math.max(...Array.from(values, Math.abs));

describe('figure 3.1’s data', () => {
  it('is the library’s shift of the state’s offset and its strips for the state’s σ and target', () => {
    const { data } = renderFigure(spec, { state: { u: -0.2, v: 0.4, sigma: 1.2, target: 'biased' } });
    expect(data.shift).toEqual(buildQuarterShift({ offset: { x: -0.2, y: 0.4 }, sigma: 1.2, target: 'biased' }));
    expect(data.strips).toEqual(buildQuarterStrips({ sigma: 1.2, target: 'biased' }));
  });

  it('colours both strips over one domain, symmetric about zero gain', () => {
    const { strips, domain } = renderFigure(spec).data;
    const m = Math.max(largest(strips.perAxisGain), largest(strips.secondMaxGain));
    expect(domain).toEqual([-m, m]);
  });

  it('builds the strips once per σ and target: a drag within the cell reuses them', () => {
    const { strips } = renderFigure(spec, { state: { u: 0.1, v: 0.1 } }).data;
    expect(renderFigure(spec, { state: { u: -0.3, v: 0.45 } }).data.strips).toBe(strips);
    expect(renderFigure(spec, { state: { u: -0.3, sigma: 3 } }).data.strips).not.toBe(strips);
  });
});

describe('figure 3.1’s strips', () => {
  const { data, state, maps } = renderFigure(spec);
  const { steps, offsets } = data.strips;
  const c = { x: 3, y: 15 };
  const i = c.y * steps + c.x;

  it('draw each form’s gain over argmax, a cell per position in the keypoint’s cell', () => {
    expect(maps.pa).toEqual({ values: data.strips.perAxisGain, w: steps, h: steps, domain: data.domain });
    expect(maps.sm).toEqual({ values: data.strips.secondMaxGain, w: steps, h: steps, domain: data.domain });
  });

  it('say what a form gains or loses at a position', () => {
    const at = `offset ${fmt(offsets[c.x]!)}, ${fmt(offsets[c.y]!)}`;
    expect(spec.maps!.pa!.describe!(c, 0.123, data)).toBe(`Per-axis at ${at}: gains 0.12 px`);
    expect(spec.maps!.sm!.describe!(c, -0.5, data)).toBe(`Second-maximum at ${at}: loses 0.50 px`);
  });

  it('move the keypoint where a press points, where the figure shows the gain the strip drew', () => {
    const patch = spec.maps!.pa!.pick!(c, data, state);
    expect(patch).toEqual({ u: offsets[c.x], v: offsets[c.y] });
    const { errors } = renderFigure(spec, { state: patch }).data.shift;
    expect(data.strips.perAxisGain[i]).toBeCloseTo(errors.argmax - errors.perAxis, 9);
    expect(data.strips.secondMaxGain[i]).toBeCloseTo(errors.argmax - errors.secondMax, 9);
    expect(spec.maps!.sm!.pick!(c, data, state)).toEqual(patch);
  });
});

describe('figure 3.1’s handle', () => {
  const handle = handleOf(spec);

  it('sits at the keypoint’s offset from the figure’s cell, in heatmap pixels', () => {
    expect(handle.get({ ...renderFigure(spec).state, u: -0.2, v: 0.4 })).toEqual({ x: cell.x - 0.2, y: cell.y + 0.4 });
  });

  it('a drag sets the offset from the cell’s centre, to a thousandth of a pixel', () => {
    expect(dragTo(spec, 'handle', { x: cell.x + 0.12345, y: cell.y - 0.3 })).toEqual({ u: 0.123, v: -0.3 });
  });

  it('stops short of the cell’s edges, at the parameters’ own range', () => {
    expect(handle.bounds).toEqual({
      minX: cell.x + u.min,
      maxX: cell.x + u.max,
      minY: cell.y + v.min,
      maxY: cell.y + v.max,
    });
    expect(dragTo(spec, 'handle', { x: cell.x + 2, y: cell.y - 0.5 })).toEqual({ u: u.max, v: v.min });
  });

  it('names the point in heatmap pixels, to a hundredth', () => {
    expect(handle.describe({ x: 24.304, y: 31.7 })).toBe('x 24.30, y 31.70 heatmap pixels');
  });
});

describe('figure 3.1’s announcement', () => {
  it('says the offset from the maximum, the second maximum and each form’s error, after a drag', () => {
    const moved = dragTo(spec, 'handle', { x: cell.x - 0.2, y: cell.y + 0.4 });
    const d = buildQuarterShift({ offset: { x: -0.2, y: 0.4 }, sigma: 2, target: 'unbiased' });
    expect(announcedIn(spec, moved)).toBe(
      `Keypoint offset ${fmt(d.keypoint.x - d.max.x)}, ${fmt(d.keypoint.y - d.max.y)} cells from the maximum. Second maximum at ${d.second.x}, ${d.second.y}. Errors: argmax ${fmt(d.errors.argmax)}, per-axis shift ${fmt(d.errors.perAxis)}, second-maximum shift ${fmt(d.errors.secondMax)} input pixels.`,
    );
  });
});
