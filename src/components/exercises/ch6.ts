/** Chapter 6's exercises, on figure 6.1 (SimDR's two 1-D vectors). */
import { buildSimdrFigure } from '../../lib/index.ts';
import { SPLIT_RATIOS, ch6, type Ch6State } from '../state/ch6.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

const simdr = (s: Readonly<Ch6State>) =>
  buildSimdrFigure({ keypoint: { x: s.x, y: s.y }, k: Number(s.k), label: s.label, sigma: s.sigma, epsilon: s.eps });

export default exerciseSet({
  store: 'ch6',
  schema: ch6,
  exercises: [
    {
      id: 'ex-6-1',
      figure: 'fig-simdr',
      prompt: 'With k = 1, move the keypoint until SimDR’s error exceeds 0.6 input pixels.',
      hints: [
        'At k = 1 there is one bin per input pixel, so each axis rounds to the nearest whole pixel.',
        'Each axis errs by at most 0.5 px; the Euclidean error can reach about 0.71 px. Put x and y both near a half pixel, such as 100.5.',
      ],
      check(s) {
        const d = simdr(s);
        return {
          done: d.k === 1 && d.error > 0.6,
          detail: `SimDR’s error is ${fmt(d.error)} px at k = ${d.k}.`,
        };
      },
    },
    {
      id: 'ex-6-2',
      figure: 'fig-simdr',
      prompt:
        'Pick the smallest split ratio whose per-axis bound 1/(2k) is below 0.2 px, then find a keypoint where SimDR still errs by more than 0.2 px.',
      hints: [
        '1/(2k) < 0.2 means k > 2.5.',
        'At k = 3 each axis errs by at most 1/6 px, but both axes together can reach √2/6 ≈ 0.24 px: put both coordinates half a bin from a bin centre.',
      ],
      check(s) {
        const d = simdr(s);
        const smaller = SPLIT_RATIOS[SPLIT_RATIOS.indexOf(s.k) - 1];
        const smallest = d.bound < 0.2 && (!smaller || simdr({ ...s, k: smaller }).bound >= 0.2);
        return {
          done: smallest && d.error > 0.2,
          detail: `k = ${d.k}, bound ${fmt(d.bound)} px per axis, error ${fmt(d.error)} px.`,
        };
      },
    },
  ],
});
