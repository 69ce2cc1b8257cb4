/**
 * Chapter 9's exercises, on BlazePose's real heatmaps: they read what the model session published
 * once the model ran in the reader's browser (each joint's peak; argmax's column at every shift).
 */
import { CH9_ARGMAX, CH9_PEAKS } from '../figures/blazepose/published.ts';
import { ch9 } from '../state/ch9.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet } from './types.ts';

export default exerciseSet({
  store: 'ch9',
  schema: ch9,
  exercises: [
    {
      id: 'ex-9-1',
      figure: 'fig-shift',
      prompt:
        'In the shift test, read a shift at which the argmax of the chosen joint has just jumped to the next cell: the shift before it gave another column.',
      hints: [
        'Let the shift test finish, then move the slider a quarter of a pixel at a time and watch the argmax’s stairs in the chart.',
        'A stride of 4 means a whole-cell jump about every 4 input pixels; the model’s own wobble moves the jumps a little.',
      ],
      check(s, published) {
        const data = published(CH9_ARGMAX);
        const columns = data?.columns[s.joint];
        if (!data || !columns)
          return {
            done: false,
            detail: 'The shift test has not run yet: run the model in figure 9.3 and let it finish.',
          };
        const i = data.shifts.indexOf(s.shift);
        if (i < 0) return { done: false, detail: `The sweep has no crop at ${fmt(s.shift, 2)} px: use the slider.` };
        if (i === 0) return { done: false, detail: 'At 0 px there is no shift before to compare with.' };
        const here = columns[i] as number;
        const before = columns[i - 1] as number;
        return {
          done: here !== before,
          detail: `At ${fmt(s.shift, 2)} px the argmax is in column ${here}; at ${fmt(data.shifts[i - 1] as number, 2)} px it was in column ${before}.`,
        };
      },
    },
    {
      id: 'ex-9-2',
      figure: 'fig-maps',
      prompt:
        'Find a joint the model does not see, one whose heatmap peaks below MediaPipe’s 0.5, and show its map as logits.',
      hints: [
        'The small multiples give each map’s peak; names in italics belong to joints the model does not see.',
        'Off the photo, behind the body: the feet of a half-length portrait are good places to look.',
      ],
      check(s, published) {
        const data = published(CH9_PEAKS);
        const peak = data?.peaks[s.joint];
        if (peak === undefined) return { done: false, detail: 'The model has not run yet: run it in figure 9.2.' };
        const low = peak < 0.5;
        return {
          done: low && s.scale === 'logit',
          detail: `The ${data?.names[s.joint] ?? 'joint'}’s heatmap peaks at ${fmt(peak, 2)}${low ? '' : ' (the model sees it)'}${low && s.scale !== 'logit' ? '; now show it as logits' : ''}.`,
        };
      },
    },
  ],
});
