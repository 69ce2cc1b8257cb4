import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dark-stepper/spec.ts';
import { darkAnnouncement, STEP_TITLES } from '../../../../src/components/figures/dark-stepper/view.ts';
import { darkStepsInput } from '../../../../src/components/state/ch4.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildDarkSteps, DARK_STEPS } from '../../../../src/lib/index.ts';
import { act } from '../spec-parts.ts';

const LAST = DARK_STEPS.length;

describe('figure 4.1’s actions', () => {
  it('prev and next move one step, and stay at the first and the last', () => {
    expect(act(spec, 'next', { step: 1 })).toEqual({ step: 2 });
    expect(act(spec, 'prev', { step: 5 })).toEqual({ step: 4 });
    expect(act(spec, 'prev', { step: 1 })).toEqual({ step: 1 });
    expect(act(spec, 'next', { step: LAST })).toEqual({ step: LAST });
  });

  it('a step’s button goes to the step its data-value numbers, from 1', () => {
    expect(act(spec, 'step', { step: 2 }, String(LAST))).toEqual({ step: LAST });
    expect(act(spec, 'step', { step: 2 }, 'x')).toEqual({});
  });

  it('reseed draws the next noise, and the first after seed 9999', () => {
    expect(act(spec, 'reseed', { seed: 7 })).toEqual({ seed: 8 });
    expect(act(spec, 'reseed', { seed: 9999 })).toEqual({ seed: 1 });
  });

  it('after next, the figure shows and announces the next step of the same decoding', () => {
    const state = { step: 5, kernel: '5' as const, seed: 3 };
    const { view, data, state: moved } = renderFigure(spec, { state: { ...state, ...act(spec, 'next', state) } });
    expect(view.text['step-title']).toBe(`Step 6 of ${LAST}: ${STEP_TITLES[DARK_STEPS[5]!]}`);
    expect(view.attrs['step-5']).toEqual({ 'aria-current': 'step' });
    expect(view.attrs['step-4']).toEqual({ 'aria-current': 'false' });
    expect(spec.announce!(data, moved)).toBe(darkAnnouncement(buildDarkSteps(darkStepsInput(moved)), 5, 5));
  });
});
