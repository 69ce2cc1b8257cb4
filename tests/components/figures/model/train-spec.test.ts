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

  it('leaves the worker’s commands to its setup: its actions are the gallery’s sample and its keys', () => {
    expect(Object.keys(spec.actions ?? {})).toEqual(['sample', 'only']);
  });

  it('a decoder’s key shows its marks alone and presses the key; pressed again, all', () => {
    const alone = act(spec, 'only', { only: 'all' }, 'dark', INITIAL_TRAIN);
    expect(alone).toEqual({ only: 'dark' });
    expect(act(spec, 'only', { only: 'dark' }, 'dark', INITIAL_TRAIN)).toEqual({ only: 'all' });
    const { view } = renderFigure(spec, { state: alone, fed: INITIAL_TRAIN });
    expect(view.attrs[`${YOURS}key-dark-button`]).toEqual({ 'aria-pressed': 'true' });
  });

  it('presses the selected sample’s button', () => {
    const { view } = renderFigure(spec, { state: act(spec, 'sample', {}, '3', INITIAL_TRAIN), fed: INITIAL_TRAIN });
    expect(view.attrs[`${YOURS}sample-3`]).toEqual({ 'aria-pressed': 'true' });
    expect(view.attrs[`${YOURS}sample-0`]).toEqual({ 'aria-pressed': 'false' });
  });
});
