import { describe, expect, it } from 'vitest';
import { buildDarkSteps, DARK_STEPS, type DarkStepsInput } from '../../../../src/lib/index.ts';
import { darkStepperView, stepMap } from '../../../../src/components/figures/dark-stepper/view.ts';

const input: DarkStepsInput = {
  keypoint: { x: 15.3, y: 14.6 },
  sigma: 2,
  target: 'unbiased',
  noise: 0,
  secondPeak: 0,
  kernel: 11,
  seed: 1,
};

describe('darkStepperView(data, step, kernel)', () => {
  const data = buildDarkSteps(input);

  it('titles each step and reports the library’s derivatives', () => {
    const v = darkStepperView(data, 5, 11);
    expect(v.text['step-title']).toBe(`Step 6 of ${DARK_STEPS.length}: Gradient and Hessian`);
    expect(v.text['term-dxx']).toBe(data.trace.step!.dxx.toFixed(4).replace('-', '−'));
    expect(v.attrs.root).toEqual({ 'data-step': 'derivatives' });
    expect(v.attrs['stencil-xp2']).toEqual({
      x: `${(data.trace.argmax.x + 1.5).toFixed(3)}`,
      y: `${(data.trace.argmax.y - 0.5).toFixed(3)}`,
    });
  });

  it('explains the border case instead of a Taylor step', () => {
    const edge = buildDarkSteps({ ...input, keypoint: { x: 1.2, y: 14 } });
    expect(darkStepperView(edge, 6, 11).text['step-text']).toMatch(/skips the Taylor step/);
    expect(darkStepperView(edge, 6, 11).attrs.ellipse).toEqual({ visibility: 'hidden' });
    expect(darkStepperView(edge, 5, 11).text['term-dx']).toBe('—');
  });

  it("keeps DARK's error for the Newton step: before it, the stepper names the step", () => {
    const newton = DARK_STEPS.indexOf('newton');
    expect(darkStepperView(data, 0, 11).text['err-dark']).toBe(`at step ${newton + 1}`);
    expect(darkStepperView(data, newton - 1, 11).text['err-dark']).toBe(`at step ${newton + 1}`);
    expect(darkStepperView(data, newton, 11).text['err-dark']).toMatch(/^\d+\.\d\d px$/);
    // Argmax's answer is step 1's own.
    expect(darkStepperView(data, 0, 11).text['err-argmax']).toMatch(/^\d+\.\d\d px$/);
  });

  it('marks the current step for assistive tech and no other', () => {
    const v = darkStepperView(data, 2, 11);
    expect(DARK_STEPS.map((_, i) => v.attrs[`step-${i}`]?.['aria-current'])).toEqual(
      DARK_STEPS.map((_, i) => (i === 2 ? 'step' : 'false')),
    );
  });
});

describe('stepMap(data, step)', () => {
  const data = buildDarkSteps({ ...input, noise: 0.06, secondPeak: 0.45 });

  it('shows the raw map, the blurred and the rescaled one on the raw map’s colour scale', () => {
    for (const step of ['argmax', 'blur', 'rescale', 'recover'] as const)
      expect(stepMap(data, step).domain[1], step).toBe(data.rawMax);
    expect(stepMap(data, 'argmax').values).toBe(data.map.data);
    expect(stepMap(data, 'blur').values).toBe(data.trace.blurred);
    expect(stepMap(data, 'rescale').values).toBe(data.trace.modulated);
  });

  it('shows the log from the Taylor step on, its scale clipped 6 below its top', () => {
    const shown = stepMap(data, 'newton');
    expect(shown.values).toBe(data.trace.log);
    const top = Math.max(...data.trace.log);
    expect(shown.domain).toEqual([top - 6, top]);
  });
});
