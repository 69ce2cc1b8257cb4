/** Figure 7.2: DEKR's bottom-up decoding, stage by stage, on a noisy three-person scene. */
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { reseed } from '../../ui/actions.ts';
import { ch7, DECODE_GRID, STAGES, type Ch7State, type Stage } from '../../state/ch7.ts';
import { decodeAnnouncement, decodeData, decodeView, stageMap } from './decode-view.ts';

/** Stepping through the stages recomputes nothing: the decoding depends on noise and seed. */
const decodingOf = memoOn(['cnoise', 'onoise', 'seed'], (s: Pick<Ch7State, 'cnoise' | 'onoise' | 'seed'>) =>
  decodeData(s),
);
const LAST = STAGES.length - 1;
/** The stage `by` stages from `stage`, staying at the first and the last. */
const moved = (stage: Stage, by: number): { stage: Stage } => ({
  stage: STAGES[Math.min(LAST, Math.max(0, STAGES.indexOf(stage) + by))] ?? stage,
});

export default defineSpec({
  name: 'bottom-up-decode',
  params: pick(ch7, 'stage', 'cnoise', 'onoise', 'seed'),
  build: decodingOf,
  view: (d, s) => {
    const view = decodeView(d, s);
    const at = STAGES.indexOf(s.stage);
    return {
      ...view,
      attrs: {
        ...view.attrs,
        root: { 'data-stage': s.stage },
        prev: { disabled: at === 0 ? '' : null },
        next: { disabled: at === LAST ? '' : null },
      },
    };
  },
  maps: {
    heatmap: {
      draw: (d, s) => ({ values: stageMap(d, s.stage).values, w: DECODE_GRID.w, h: DECODE_GRID.h, domain: [0, 1] }),
    },
  },
  announce: decodeAnnouncement,
  actions: {
    prev: (s) => moved(s.stage, -1),
    next: (s) => moved(s.stage, 1),
    reseed: reseed('seed'),
  },
});
