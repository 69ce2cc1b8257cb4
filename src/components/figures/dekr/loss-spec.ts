/** Figure 7.5: the size-normalised offset loss for a small and a large person with one wrist error. */
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { ch7 } from '../../state/ch7.ts';
import { lossAnnouncement, lossChart, lossData, lossView } from './loss-view.ts';

export default defineSpec({
  name: 'offset-loss',
  params: pick(ch7, 'small', 'large', 'err'),
  build: lossData,
  view: (d, s) => lossView(d, s.err),
  charts: [{ keys: ['small', 'large', 'err'], draw: (_s, frame, d) => lossChart(d, frame) }],
  announce: (d, s) => lossAnnouncement(d, s.err),
});
