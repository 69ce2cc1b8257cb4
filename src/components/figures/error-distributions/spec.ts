/**
 * Figure 2.3: error distributions against stride and σ, from seeded Monte-Carlo sweeps of the
 * codec library run at build time for both target kinds; the figure shows the chapter's kind.
 */
import { buildErrorDistributions } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { keypointSchema } from '../../state/keypoint.ts';
import { errorDistributionsChart } from './chart.ts';

/** Keypoints per setting. */
export const SAMPLES = 2000;

export default defineSpec({
  name: 'error-distributions',
  params: pick(keypointSchema, 'target'),
  precompute: () => ({
    unbiased: buildErrorDistributions({ target: 'unbiased', samples: SAMPLES }),
    biased: buildErrorDistributions({ target: 'biased', samples: SAMPLES }),
  }),
  build: (s, sweeps) => sweeps[s.target],
  charts: [
    {
      keys: ['target'],
      draw: (_s, frame, d) => errorDistributionsChart(d, frame),
      announce: (_s, d) => {
        const at4 = d.byStride.filter((r) => r.stride === 4);
        return `${d.target === 'biased' ? 'Biased' : 'Unbiased'} targets, stride 4: mean error ${at4.map((r) => `${decoderStyle(r.decoder).short} ${fmt(r.euclidean.mean)} pixels`).join(', ')}.`;
      },
    },
  ],
});
