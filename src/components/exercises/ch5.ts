/** Chapter 5's exercises, on figure 5.1 (softmax and the expectation). */
import { buildDsntFigure } from '../../lib/index.ts';
import { dsntInput, ch5, type Ch5State } from '../state/ch5.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

/** Distance between soft-argmax and argmax, heatmap cells. */
const gap = (s: Readonly<Ch5State>) => {
  const d = buildDsntFigure(dsntInput(s));
  return Math.hypot(d.expectation.x - d.argmax.x, d.expectation.y - d.argmax.y);
};

export default exerciseSet({
  store: 'ch5',
  schema: ch5,
  exercises: [
    {
      id: 'ex-5-1',
      figure: 'fig-dsnt',
      prompt: 'Pull soft-argmax more than 2 cells away from argmax.',
      hints: [
        'The expectation is a centre of mass: every cell with probability pulls on it.',
        'Raise the second bump’s height (it starts at 0) and keep β low.',
      ],
      check(s) {
        const g = gap(s);
        return { done: g > 2, detail: `soft-argmax is ${fmt(g)} cells from argmax.` };
      },
    },
    {
      id: 'ex-5-2',
      figure: 'fig-dsnt',
      prompt: 'With the second bump at height 3 or more, bring soft-argmax within 0.25 cells of argmax.',
      hints: [
        'β multiplies the logits before the softmax. What does a large β do to the smaller bump’s share?',
        'Raise β toward 8.',
      ],
      check(s) {
        const g = gap(s);
        return {
          done: s.a2 >= 3 && g < 0.25,
          detail:
            s.a2 >= 3
              ? `soft-argmax is ${fmt(g)} cells from argmax at β = ${fmt(s.beta, 1)}.`
              : `The second bump’s height is ${fmt(s.a2, 1)}; the task asks for 3 or more.`,
        };
      },
    },
  ],
});
