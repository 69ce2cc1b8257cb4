/**
 * Figure 5.4: soft-argmax's pull toward the centre as one bump moves along the row, at the
 * chapter's β and bump height, with the debiased estimate.
 */
import { softArgmaxBias } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch5, type Ch5State } from '../../state/ch5.ts';
import { biasChart } from './charts.ts';

/** The curve depends on β and the height; moving the bump only moves the marker. */
const biasOf = memoOn(['beta', 'a1'], (s: Pick<Ch5State, 'beta' | 'a1'>) =>
  softArgmaxBias({ beta: s.beta, amplitude: s.a1 }),
);

export default defineSpec({
  name: 'dsnt-bias',
  params: pick(ch5, 'beta', 'a1', 'x1'),
  build: biasOf,
  charts: [
    {
      keys: ['beta', 'a1', 'x1'],
      draw: (s, frame, rows) => biasChart(rows, s.x1, frame),
      announce: (s, rows) =>
        `At β ${fmt(s.beta, 1)}, the expectation errs by up to ${fmt(Math.max(...rows.map((r) => r.plain)))} cells near the border; debiased, up to ${fmt(Math.max(...rows.map((r) => r.debiased)))}.`,
    },
  ],
});
