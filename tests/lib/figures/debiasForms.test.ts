/** The two debiased soft-argmaxes on the Lab's sample (chapter 5's numbers). */
import { describe, expect, it } from 'vitest';
import { debiasFormsGap, LAB_DEFAULT_BETA, LAB_SAMPLE } from '../../../src/lib/index.ts';

describe('debiasFormsGap(beta)', () => {
  it('decodes every map of the Lab’s sample', () => {
    const gap = debiasFormsGap(1);
    expect(gap.count).toBe(LAB_SAMPLE.n * LAB_SAMPLE.k);
    expect(gap.beta).toBe(1);
    expect(gap.max).toBeGreaterThanOrEqual(gap.mean);
  });

  it('at β = 1 on maps that peak near one, MMPose’s C (a sum, H·W times the mean) corrects far less', () => {
    const gap = debiasFormsGap(1);
    expect(gap.mmposeError).toBeGreaterThan(3 * gap.paperError);
    // The distance between the forms is at least the difference of their errors (triangle inequality).
    expect(gap.mean).toBeGreaterThanOrEqual(gap.mmposeError - gap.paperError - 1e-9);
  });

  it('at the Lab’s β both corrections vanish and the forms agree to a small fraction of a pixel', () => {
    const gap = debiasFormsGap(LAB_DEFAULT_BETA);
    expect(gap.beta).toBe(LAB_DEFAULT_BETA);
    expect(gap.max).toBeLessThan(0.25);
    expect(Math.abs(gap.paperError - gap.mmposeError)).toBeLessThan(0.25);
  });
});
