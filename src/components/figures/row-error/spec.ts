/**
 * Figure 1.2: argmax's error along the keypoint's row, the sawtooth of quantisation, with the
 * keypoint marked. The chart is also a slider: arrow keys, a press or a drag move the
 * keypoint along its row.
 */
import { buildPixelGrid, buildRowError } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { CROP_X_SLIDER, keypointSchema, type KeypointState } from '../../state/keypoint.ts';
import { rowErrorChart } from './chart.ts';

// The sawtooth depends on the row only; moving along x just moves the marker.
const sawtooth = memoOn(['y', 'sigma', 'target'], (s: KeypointState) =>
  buildRowError({ y: s.y, sigma: s.sigma, target: s.target, step: 0.5 }),
);

export default defineSpec({
  name: 'row-error',
  params: keypointSchema,
  // The keypoint's own error, for the marker and the announcement.
  build: (s) => buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }).error,
  charts: [
    {
      keys: ['x', 'y', 'sigma', 'target'],
      draw: (s, frame, error) => rowErrorChart(sawtooth(s), { ...frame, current: { x: s.x, error } }),
      announce: (s, error) => `At x ${fmt(s.x, 1)} on row ${fmt(s.y, 1)}, argmax errs by ${fmt(error)} pixels.`,
      slider: { ...CROP_X_SLIDER, label: 'Keypoint x along its row', coarse: 1 },
    },
  ],
});
