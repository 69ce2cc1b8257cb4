import { describe, expect, it } from 'vitest';
import { ch4, darkStepsInput, STEPPER_KEYPOINT } from '../../../src/components/state/ch4.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { DARK_STEPS } from '../../../src/lib/index.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch4', ch4);

describe('ch4', () => {
  it("numbers the stepper's steps 1 to the library's count", () => {
    expect(ch4.step.control).toMatchObject({ min: 1, max: DARK_STEPS.length, step: 1 });
  });
});

describe('darkStepsInput(state)', () => {
  it("gives the library the stepper's keypoint and the state's settings, the kernel as a number", () => {
    const s = {
      ...defaultsOf(ch4),
      noise: 0.1,
      peak: 0.3,
      sigma: 1.5,
      kernel: '7' as const,
      target: 'biased' as const,
      seed: 42,
    };
    expect(darkStepsInput(s)).toEqual({
      keypoint: STEPPER_KEYPOINT,
      sigma: 1.5,
      target: 'biased',
      noise: 0.1,
      secondPeak: 0.3,
      kernel: 7,
      seed: 42,
    });
  });
});
