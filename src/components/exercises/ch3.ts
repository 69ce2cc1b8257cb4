/** Chapter 3's exercises, on figure 3.1 (the quarter-pixel shift). */
import { buildQuarterShift } from '../../lib/index.ts';
import { ch3, type Ch3State } from '../state/ch3.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

const errors = (s: Readonly<Ch3State>) =>
  buildQuarterShift({ offset: { x: s.u, y: s.v }, sigma: s.sigma, target: s.target }).errors;

export default exerciseSet({
  store: 'ch3',
  schema: ch3,
  exercises: [
    {
      id: 'ex-3-1',
      figure: 'fig-quarter',
      prompt: 'Find a sub-pixel offset where the per-axis quarter shift is worse than plain argmax.',
      hints: [
        'The shift always moves a quarter cell, one pixel of input, toward the higher neighbour. When is a full quarter too much?',
        'Put the keypoint near the cell centre on one axis, a little off it: |u| below 0.1.',
      ],
      check(s) {
        const e = errors(s);
        return {
          done: e.perAxis > e.argmax,
          detail: `argmax ${fmt(e.argmax)} px, per-axis shift ${fmt(e.perAxis)} px.`,
        };
      },
    },
    {
      id: 'ex-3-2',
      figure: 'fig-quarter',
      prompt:
        'Find an offset where argmax errs by more than 1.2 px and the per-axis shift by less than a third of that.',
      hints: [
        'The shift helps most where the keypoint really is about a quarter cell from the centre.',
        'Try u and v both near ±0.25 cells.',
      ],
      check(s) {
        const e = errors(s);
        return {
          done: e.argmax > 1.2 && e.perAxis < e.argmax / 3,
          detail: `argmax ${fmt(e.argmax)} px, per-axis shift ${fmt(e.perAxis)} px.`,
        };
      },
    },
  ],
});
