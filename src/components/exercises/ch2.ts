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
      prompt: 'Make DARK’s error at the keypoint exceed 1 input pixel.',
      hints: [
        'On unbiased targets DARK reads the exact position back from the blob’s shape. What target forgets that position?',
        'Switch figure 2.1 to the biased target, then move the keypoint toward the corner of its cell.',
      ],
      check(s) {
        const e = darkError(s);
        return {
          done: e > 1,
          detail: `DARK’s error is ${fmt(e)} px on ${s.target} targets; the task asks for more than 1.00 px.`,
        };
      },
    },
    {
      id: 'ex-2-2',
      figure: 'fig-hero',
      prompt: 'Keep the unbiased target and find a target σ at which DARK’s error at the keypoint exceeds 0.05 px.',
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
              : 'The target is biased; the task keeps it unbiased.',
        };
      },
    },
  ],
});
