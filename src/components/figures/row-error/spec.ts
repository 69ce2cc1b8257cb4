/**
 * Figure 1.2: argmax's error along the keypoint's row, the sawtooth of quantisation, with the
 * keypoint marked. The chart is also a slider: arrow keys move the keypoint along its row.
 */
import { buildPixelGrid, buildRowError, CROP_GEOMETRY } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { keypointSchema, type KeypointState } from '../../state/keypoint.ts';
import { rowErrorChart } from './chart.ts';

// The sawtooth depends on the row only; moving along x just moves the marker.
const sawtooth = memoOn(['y', 'sigma', 'target'], (s: KeypointState) =>
  buildRowError({ y: s.y, sigma: s.sigma, target: s.target, step: 0.5 }),
);
const ARROWS: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

export default defineSpec({
  name: 'row-error',
  params: keypointSchema,
  // The keypoint's own error, for the marker and the announcement.
  build: (s) => buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }).error,
  view: (_error, s) => ({
    attrs: {
      chart: {
        'aria-valuemin': '0',
        'aria-valuemax': String(CROP_GEOMETRY.inputW - 0.1),
        'aria-valuenow': s.x.toFixed(1),
        'aria-valuetext': `x ${fmt(s.x, 1)} input pixels`,
      },
    },
    text: {},
  }),
  charts: [
    {
      keys: ['x', 'y', 'sigma', 'target'],
      draw: (s, frame, error) => rowErrorChart(sawtooth(s), { ...frame, current: { x: s.x, error } }),
      announce: (s, error) => `At x ${fmt(s.x, 1)} on row ${fmt(s.y, 1)}, argmax errs by ${fmt(error)} pixels.`,
    },
  ],
  setup({ part, store, listen }) {
    listen(part('[data-role="chart"]'), 'keydown', (event) => {
      const dir = ARROWS[event.key];
      if (!dir) return;
      event.preventDefault();
      store.set({ x: Number((store.get().x + dir * (event.shiftKey ? 0.1 : 1)).toFixed(1)) });
    });
  },
});
