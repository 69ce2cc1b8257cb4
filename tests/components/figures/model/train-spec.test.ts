import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/model/train-spec.ts';
import { INITIAL_TRAIN } from '../../../../src/components/figures/model/progress.ts';
import { YOURS } from '../../../../src/components/figures/model/view.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { act } from '../spec-parts.ts';

describe('figure 8.2’s sample action', () => {
  it('selects the sample its button’s data-value gives in the reader’s gallery', () => {
    expect(act(spec, 'sample', { sample: 0 }, '3', INITIAL_TRAIN)).toEqual({ sample: 3 });
    expect(act(spec, 'sample', { sample: 0 }, 'x', INITIAL_TRAIN)).toEqual({});
  });

  it('leaves the worker’s commands to its setup: the gallery’s sample is its one action', () => {
    expect(Object.keys(spec.actions ?? {})).toEqual(['sample']);
  });

  it('presses the selected sample’s button', () => {
    const { view } = renderFigure(spec, { state: act(spec, 'sample', {}, '3', INITIAL_TRAIN), fed: INITIAL_TRAIN });
    expect(view.attrs[`${YOURS}sample-3`]).toEqual({ 'aria-pressed': 'true' });
    expect(view.attrs[`${YOURS}sample-0`]).toEqual({ 'aria-pressed': 'false' });
  });
});
