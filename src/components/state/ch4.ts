/** The URL-mirrored state of the DARK stepper (chapter 4). */
import { DARK_STEPS, type DarkStepsInput, type TargetKind } from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

export const KERNELS = ['3', '5', '7', '9', '11'] as const;

export interface Ch4State {
  /** The step shown, numbered as on screen: 1 (argmax) to 8 (resolution recovery). */
  step: number;
  noise: number;
  peak: number;
  sigma: number;
  kernel: (typeof KERNELS)[number];
  target: TargetKind;
  seed: number;
  /** The target kind of the resolution sweep (figure 4.2). */
  sweep: TargetKind;
}

export const ch4: Schema<Ch4State> = {
  step: numberParam({ default: 1, min: 1, max: DARK_STEPS.length, integer: true }),
  noise: numberParam({ default: 0.06, min: 0, max: 0.3, digits: 2 }),
  peak: numberParam({ default: 0.45, min: 0, max: 1, digits: 2, step: 0.05 }),
  sigma: numberParam({ default: 2, min: 1, max: 3, digits: 1 }),
  kernel: choiceParam(KERNELS, '11'),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
  seed: numberParam({ default: 1, min: 1, max: 9999, integer: true }),
  sweep: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
};

/** The keypoint the stepper decodes, heatmap px on its 32×32 map. */
export const STEPPER_KEYPOINT = { x: 15.3, y: 14.6 };

/** The library's input for a state. */
export function darkStepsInput(
  s: Readonly<Pick<Ch4State, 'noise' | 'peak' | 'sigma' | 'kernel' | 'target' | 'seed'>>,
): DarkStepsInput {
  return {
    keypoint: STEPPER_KEYPOINT,
    sigma: s.sigma,
    target: s.target,
    noise: s.noise,
    secondPeak: s.peak,
    kernel: Number(s.kernel),
    seed: s.seed,
  };
}
