import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/blazepose/photo-spec.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { ASTRONAUT_DEFAULT_CROP, ASTRONAUT_SIZE, fractionFromCrop } from '../../../../src/lib/index.ts';
import { act } from '../spec-parts.ts';

describe('figure 9.1’s reset-crop action', () => {
  it('puts the crop back where it starts on the bundled photo', () => {
    const start = fractionFromCrop(ASTRONAUT_DEFAULT_CROP, ASTRONAUT_SIZE.width, ASTRONAUT_SIZE.height);
    expect(act(spec, 'reset-crop', { cx: 0.3, cy: 0.7, side: 0.4 })).toEqual(start);
  });

  it('draws the crop it resets to as the page draws the default one', () => {
    const moved = { cx: 0.3, cy: 0.7, side: 0.4 };
    const reset = renderFigure(spec, { state: { ...moved, ...act(spec, 'reset-crop', moved) } }).view;
    expect(reset.attrs['crop-rect']).toEqual(renderFigure(spec).view.attrs['crop-rect']);
    expect(reset.attrs['crop-rect']).not.toEqual(renderFigure(spec, { state: moved }).view.attrs['crop-rect']);
  });
});
