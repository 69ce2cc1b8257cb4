/** Chapter 1's exercises, on figure 1.1 (the argmax snap). */
import { buildPixelGrid } from '../../lib/index.ts';
import { keypointSchema, type KeypointState } from '../state/keypoint.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

const grid = (s: Readonly<KeypointState>) =>
  buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target });

export default exerciseSet({
  store: 'ch1',
  schema: keypointSchema,
  exercises: [
    {
      id: 'ex-1-1',
      figure: 'fig-grid',
      prompt: 'Move the keypoint until argmax’s error exceeds 2.5 input pixels.',
      hints: [
        'Argmax answers with the centre of a heatmap cell, mapped back by × 4. The error is largest where the keypoint is farthest from every centre.',
        'Cell centres fall on multiples of 4 input pixels. Put x and y both 2 px past a multiple of 4: Shift with the arrow keys moves the keypoint by 0.1 px.',
      ],
      check(s) {
        const { error } = grid(s);
        return {
          done: error > 2.5,
          detail: `argmax’s error is ${fmt(error)} px; the task asks for more than 2.50 px.`,
        };
      },
    },
    {
      id: 'ex-1-2',
      figure: 'fig-grid',
      prompt: 'Place the keypoint where argmax is exact to within 0.1 input pixels.',
      hints: [
        'Where does mapping a cell centre back by × 4 land exactly on the keypoint?',
        'On a cell centre: x and y both multiples of 4, such as (140, 108).',
      ],
      check(s) {
        const { error } = grid(s);
        return {
          done: error < 0.1,
          detail: `argmax’s error is ${fmt(error)} px; the task asks for less than 0.10 px.`,
        };
      },
    },
    {
      id: 'ex-1-3',
      figure: 'fig-grid',
      prompt: 'Find a keypoint where argmax’s error is larger than the worst case λ/√2 that the table shows.',
      hints: [
        'The worst case assumes μ = keypoint / 4 lies on the heatmap’s cells. Does it, everywhere on the crop?',
        'Look at the last input pixels of an axis: x above 190 or y above 254. The last cell’s square ends half a cell before the crop does.',
      ],
      check(s) {
        const { error, errorBound } = grid(s);
        return {
          done: error > errorBound,
          detail: `argmax’s error is ${fmt(error)} px against a worst case of ${fmt(errorBound)} px.`,
        };
      },
    },
  ],
});
