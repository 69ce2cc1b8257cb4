/** Chapter 4's exercises, on figure 4.1 (DARK step by step). */
import { buildDarkSteps } from '../../lib/index.ts';
import { ch4, darkStepsInput, KERNELS, type Ch4State } from '../state/ch4.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

const errors = (s: Readonly<Ch4State>) => buildDarkSteps(darkStepsInput(s)).errors;

export default exerciseSet({
  store: 'ch4',
  schema: ch4,
  exercises: [
    {
      id: 'ex-4-1',
      figure: 'fig-dark',
      prompt: 'Make argmax jump to the distracting second peak (an error above 10 px). Can DARK bring it back?',
      hints: [
        'The second peak’s height is relative to the first: at 1 the two are equal, and the noise decides which wins.',
        'Set the second peak to 1, then try noise seeds until the maximum lands on the wrong peak. Step to the Newton step and compare the errors.',
      ],
      check(s) {
        const e = errors(s);
        return {
          done: e.argmax > 10,
          detail: `argmax ${fmt(e.argmax)} px, DARK ${fmt(e.dark)} px: DARK refines around the maximum it is given.`,
        };
      },
    },
    {
      id: 'ex-4-2',
      figure: 'fig-dark',
      prompt:
        'Raise the noise to 0.2 or more, then find the smallest modulation kernel for which DARK’s error is less than half of argmax’s.',
      hints: [
        'The modulation step smooths the map before the logarithm; a larger kernel smooths more, at the price of flattening the peak.',
        'Start at kernel 3 and go up one size at a time, watching the log map step and the errors.',
      ],
      check(s) {
        const e = errors(s);
        const i = KERNELS.indexOf(s.kernel);
        const smaller = i > 0 ? errors({ ...s, kernel: KERNELS[i - 1]! }) : undefined;
        const halves = (x: { dark: number; argmax: number }) => x.dark < x.argmax / 2;
        if (s.noise < 0.2)
          return { done: false, detail: `The noise is ${fmt(s.noise, 2)}; the task asks for 0.20 or more.` };
        return {
          done: halves(e) && !(smaller && halves(smaller)),
          detail:
            `argmax ${fmt(e.argmax)} px; DARK ${fmt(e.dark)} px with kernel ${s.kernel}` +
            (smaller ? `, ${fmt(smaller.dark)} px with kernel ${KERNELS[i - 1]}.` : '.'),
        };
      },
    },
  ],
});
