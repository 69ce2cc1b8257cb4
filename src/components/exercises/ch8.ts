/**
 * Chapter 8's exercises, on figure 8.1's gallery: they read the per-sample errors the figure
 * published once the shipped models ran (GALLERY_ERRORS).
 */
import { GALLERY_ERRORS } from '../figures/model/view.ts';
import { ch8 } from '../state/ch8.ts';
import { fmt } from '../ui/format.ts';
import { exerciseSet, type Verdict } from './types.ts';

const notYet: Verdict = { done: false, detail: 'The shipped models have not finished running yet.' };

export default exerciseSet({
  store: 'ch8',
  schema: ch8,
  exercises: [
    {
      id: 'ex-8-1',
      figure: 'fig-shipped',
      prompt:
        'In the gallery, find a held-out sample on which the heatmap head’s DARK is worse than its quarter shift.',
      hints: [
        'Choose the heatmap head; the text under the gallery gives each decoder’s mean error on the selected sample.',
        'DARK trusts the shape of the peak. On a sample where the network’s heatmap is lopsided or doubled, the quarter shift’s fixed step can do better.',
      ],
      check(s, published) {
        const errors = published(GALLERY_ERRORS);
        const e = errors?.heatmap?.[s.sample];
        if (!e) return notYet;
        const { dark = NaN, quarter = NaN } = e;
        return {
          done: s.head === 'heatmap' && dark > quarter,
          detail: `Sample ${s.sample + 1}: DARK ${fmt(dark)} px, quarter shift ${fmt(quarter)} px${s.head === 'heatmap' ? '' : ' (choose the heatmap head)'}.`,
        };
      },
    },
    {
      id: 'ex-8-2',
      figure: 'fig-shipped',
      prompt: 'Find a held-out sample on which DSNT’s mean error is under 1.2 px, and show its probability map.',
      hints: [
        'Choose the DSNT head in the gallery, then click through the samples.',
        'Small errors come with compact probability maps: look for a sample whose maps are tight blobs.',
      ],
      check(s, published) {
        const errors = published(GALLERY_ERRORS);
        const e = errors?.dsnt?.[s.sample]?.dsnt;
        if (e === undefined) return notYet;
        return {
          done: s.head === 'dsnt' && e < 1.2,
          detail: `Sample ${s.sample + 1}: DSNT ${fmt(e)} px${s.head === 'dsnt' ? '' : ' (choose the DSNT head to show its map)'}.`,
        };
      },
    },
  ],
});
