/** Figure 2.2: each decoder's error as the keypoint sweeps across its heatmap cell. */
import { buildOffsetCurve, type DecoderId } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { keypointSchema } from '../../state/keypoint.ts';
import { offsetCurveChart } from './chart.ts';

export default defineSpec({
  name: 'offset-curve',
  params: keypointSchema,
  build: (s) => buildOffsetCurve({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
  charts: [
    {
      keys: ['x', 'y', 'sigma', 'target'],
      draw: (_s, frame, data) => offsetCurveChart(data, frame),
      announce: (_s, data) =>
        `Across the cell: ${Object.entries(data.current.errors)
          .map(([id, e]) => `${decoderStyle(id as DecoderId).short} ${fmt(e)} pixels`)
          .join(', ')} at the keypoint.`,
    },
  ],
});
