/** Chapter 2's exercises, on figures 2.1 and 2.2 (targets and the error across a cell). */
import { buildOffsetCurve } from '../../lib/index.ts';
import { keypointSchema, type KeypointState } from '../state/keypoint.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

const darkError = (s: Readonly<KeypointState>) =>
  buildOffsetCurve({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }).current.errors.dark ?? NaN;

export default exerciseSet({
  store: 'ch2',
  schema: keypointSchema,
  exercises: [
    {
      id: 'ex-2-1',
      figure: 'fig-offset',
      prompt:
        'On the biased target the figures open on, make DARK’s error at the keypoint smaller than 0.5 input pixels.',
      hints: [
        'A biased target is drawn around the nearest cell centre, so its blob has the same shape wherever the keypoint is in the cell: DARK can only read back that centre.',
        'Move the keypoint onto the centre of its cell: x and y near multiples of 4 input pixels (arrow keys; Shift for 0.1 px).',
      ],
      check(s) {
        const e = darkError(s);
        return {
          done: s.target === 'biased' && e < 0.5,
          detail:
            s.target === 'biased'
              ? `DARK’s error is ${fmt(e)} px; the task asks for less than 0.50 px.`
              : 'The target is unbiased; the task is about the biased one.',
        };
      },
    },
    {
      id: 'ex-2-2',
      figure: 'fig-hero',
      prompt:
        'Switch to the unbiased target and find a target σ at which DARK’s error at the keypoint exceeds 0.05 px.',
      hints: [
        'DARK fits a quadratic to the log of the blob. What if most of the Gaussian falls inside a single cell?',
        'Lower σ to 0.5 heatmap px, then move the keypoint by tenths of a pixel (Shift with the arrow keys) away from the cell centre.',
      ],
      check(s) {
        const e = darkError(s);
        return {
          done: s.target === 'unbiased' && e > 0.05,
          detail:
            s.target === 'unbiased'
              ? `DARK’s error is ${fmt(e)} px at σ = ${fmt(s.sigma, 1)}; the task asks for more than 0.05 px.`
              : 'The target is biased; the task is about the unbiased one.',
        };
      },
    },
  ],
});
