/**
 * Figure 5.3: the variance and JS regularisers as numbers and maps, falling as the map is
 * moved toward the target Gaussian (t runs along the path).
 */
import {
  DSNT_SETTING,
  jsDivergenceMap,
  regulariserAt,
  regulariserCurve,
  targetGaussian,
  toNormalized,
} from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { ch5, dsntInput, type Ch5State } from '../../state/ch5.ts';
import { regulariserChart } from './charts.ts';
import { dsntRegulariserView } from './view.ts';

const { w, h } = DSNT_SETTING;

/** Everything but t: the path, its start and the target Gaussian depend on it. */
const PATH_KEYS = ['x1', 'y1', 'a1', 'x2', 'y2', 'a2', 'beta', 'tx', 'ty', 'sigmaT'] as const;
const pathOf = memoOn(PATH_KEYS, (s: Ch5State) => {
  const input = dsntInput(s);
  return {
    input,
    start: regulariserAt(input, 0),
    curve: regulariserCurve(input),
    q: targetGaussian({ x: toNormalized(s.tx, w), y: toNormalized(s.ty, h) }, w, h, s.sigmaT),
  };
});

export default defineSpec({
  name: 'dsnt-regularisers',
  params: ch5,
  build: (s) => {
    const path = pathOf(s);
    const here = regulariserAt(path.input, s.t);
    return { ...path, here, js: jsDivergenceMap(here.p, path.q) };
  },
  view: (d, s) => dsntRegulariserView(d.here, d.start, s),
  maps: {
    pt: { draw: (d) => ({ values: d.here.p, w, h }) },
    js: { draw: (d) => ({ values: d.js, w, h }) },
  },
  charts: [
    {
      keys: [...PATH_KEYS, 't'],
      draw: (_s, frame, d) => regulariserChart(d.curve, d.here, frame),
      // The regularisers at t itself, as the stats beside the chart give them.
      announce: (s, d) =>
        `At t ${fmt(s.t)}, the variance regulariser is ${fmt(d.here.varianceLoss, 3)} and the JS divergence ${fmt(d.here.js, 4)}.`,
    },
  ],
});
