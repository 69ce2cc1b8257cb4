/**
 * Figure 6.3: KL between each label type and a prediction the reader shifts and widens, at
 * figure 6.1's keypoint and split ratio.
 */
import { buildKlCurves } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { numberControl, pick } from '../../ui/params.ts';
import { ch6, LABEL_NAMES, type Ch6State } from '../../state/ch6.ts';
import { klChart } from './charts.ts';

const CURVE_KEYS = ['x', 'k', 'sigma', 'eps', 'width'] as const;
/** The curves are sampled at every shift the slider reaches, so the marker always sits on a sample. */
const SHIFT = numberControl(ch6, 'shift');
const SAMPLES = { maxShift: SHIFT.max, steps: Math.round((SHIFT.max - SHIFT.min) / SHIFT.step) + 1 };
/** The curves do not depend on the shift, which only moves the marker. */
const curvesOf = memoOn(CURVE_KEYS, (s: Pick<Ch6State, (typeof CURVE_KEYS)[number]>) =>
  buildKlCurves({ x: s.x, k: Number(s.k), sigma: s.sigma, epsilon: s.eps, width: s.width, ...SAMPLES }),
);

export default defineSpec({
  name: 'kl-curves',
  params: pick(ch6, ...CURVE_KEYS, 'shift'),
  build: curvesOf,
  charts: [
    {
      keys: [...CURVE_KEYS, 'shift'],
      draw: (s, frame, rows) => klChart(rows, s.shift, frame),
      announce: (s, rows) => {
        const at = (label: keyof typeof LABEL_NAMES) =>
          rows
            .filter((r) => r.label === label)
            .reduce((a, b) => (Math.abs(b.shift - s.shift) < Math.abs(a.shift - s.shift) ? b : a)).kl;
        return `Shift ${fmt(s.shift)} pixels: KL ${fmt(at('onehot'))} for one-hot, ${fmt(at('smooth'))} smoothed, ${fmt(at('gauss'))} Gaussian.`;
      },
    },
  ],
});
