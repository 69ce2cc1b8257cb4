/**
 * Figure 4.2: DARK's gain against input resolution, from seeded sweeps of the codec library
 * run at build time for both target kinds; the figure shows the kind the state names.
 */
import { buildResolutionSweep } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch4 } from '../../state/ch4.ts';
import { resolutionChart } from './chart.ts';

/** Keypoints per resolution. */
export const SAMPLES = 3000;

export default defineSpec({
  name: 'resolution',
  params: pick(ch4, 'sweep'),
  precompute: () => ({
    unbiased: buildResolutionSweep({ target: 'unbiased', samples: SAMPLES }),
    biased: buildResolutionSweep({ target: 'biased', samples: SAMPLES }),
  }),
  build: (s, sweeps) => sweeps[s.sweep],
  charts: [
    {
      keys: ['sweep'],
      draw: (_s, frame, d) => resolutionChart(d, frame),
      announce: (_s, d) => {
        const gain = (input: string) => {
          const at = (id: string) =>
            d.rows.find((r) => r.input === input && r.decoder === id)?.error.mean ?? Number.NaN;
          return at('argmax') - at('dark');
        };
        return `${d.target === 'biased' ? 'Biased' : 'Unbiased'} targets: DARK gains ${fmt(gain('256×192'))}, ${fmt(gain('128×96'))} and ${fmt(gain('64×48'))} pixels over argmax at 256×192, 128×96 and 64×48.`;
      },
    },
  ],
});
