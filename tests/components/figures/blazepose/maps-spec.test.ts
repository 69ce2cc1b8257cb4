import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/blazepose/maps-spec.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { BLAZEPOSE_KEYPOINT_NAMES } from '../../../../src/lib/index.ts';
import { act } from '../spec-parts.ts';

describe('figure 9.2’s joint action', () => {
  it('picks the joint its tile’s data-value gives', () => {
    expect(act(spec, 'joint', { joint: 0 }, '5')).toEqual({ joint: 5 });
    expect(act(spec, 'joint', { joint: 3 }, '0')).toEqual({ joint: 0 });
    expect(act(spec, 'joint', { joint: 3 }, undefined)).toEqual({});
  });

  it('presses the picked tile, makes it the grid’s one tab stop, and names its joint', () => {
    const { view } = renderFigure(spec, { state: act(spec, 'joint', {}, '5') });
    expect(view.attrs['tile-5']).toMatchObject({ 'aria-pressed': 'true', tabindex: '0' });
    expect(view.attrs['tile-0']).toMatchObject({ 'aria-pressed': 'false', tabindex: '-1' });
    const name = BLAZEPOSE_KEYPOINT_NAMES[5]!;
    expect(view.text['big-label']).toMatch(new RegExp(`^${name.charAt(0).toUpperCase()}${name.slice(1)}: `));
  });
});
