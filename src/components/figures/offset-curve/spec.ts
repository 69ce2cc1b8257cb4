/** Figure 2.2: each decoder's error as the keypoint sweeps across its heatmap cell. */
import { buildOffsetCurve, type DecoderId } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { CROP_X_SLIDER, keypointSchema } from '../../state/keypoint.ts';
import { offsetCurveChart } from './chart.ts';

export default defineSpec({
  name: 'offset-curve',
  params: keypointSchema,
  build: (s) => buildOffsetCurve({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
  charts: [
    {
      keys: ['x', 'y', 'sigma', 'target'],
      draw: (_s, frame, data) => offsetCurveChart(data, frame),
      // Arrow keys, a press or a drag move the keypoint across its cell (and figure 2.1's with it).
      slider: {
        ...CROP_X_SLIDER,
        label: 'Keypoint x within its cell',
        coarse: 0.5,
        fromChart: (offset, s, data) => ({ x: s.x - data.current.offset + offset }),
      },
      announce: (_s, data) =>
        `Across the cell: ${Object.entries(data.current.errors)
          .map(([id, e]) => `${decoderStyle(id as DecoderId).short} ${fmt(e)} pixels`)
          .join(', ')} at the keypoint.`,
    },
  ],
});
