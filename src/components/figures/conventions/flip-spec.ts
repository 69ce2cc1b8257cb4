/**
 * Figure 10.2: the flip test on one keypoint. The image's map, the mirror image's map flipped
 * back and shifted by 0, 1 or 2 cells, and their average, each decoded by argmax, the quarter
 * shift and DARK; the row through the keypoint in the three maps; and a seeded sweep of the
 * averaged map's error against the shift under both mappings (computed at build time).
 */
import {
  buildFlipSweep,
  buildFlipTest,
  FLIP_SETTING,
  heatmapToInput,
  inputToHeatmap,
  type FlipStage,
  type FlipSweepRow,
  type FlipTestData,
} from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import type { MapPart } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch10, flipShiftOf, type Ch10State } from '../../state/ch10.ts';
import { flipProfileChart, flipSweepChart } from './flip-chart.ts';
import { describeFlipKeypoint, flipAnnouncement, flipView } from './flip-view.ts';
import { CH10_FLIP, type PublishedFlip } from './published.ts';

const params = pick(ch10, 'fx', 'fy', 'mapping', 'shift');
type State = Pick<Ch10State, keyof typeof params>;
type Data = FlipTestData & { sweep: FlipSweepRow[] };

const { geometry: g, window: win, keypoint: box } = FLIP_SETTING;
const origin = { x: win.centre.x - win.radius, y: win.centre.y - win.radius };

const panel = (stage: FlipStage): MapPart<State, Data> => ({
  draw: (d) => {
    const w = d.stages[stage].window;
    return { values: w.values, w: w.size, h: w.size, domain: [0, 1] };
  },
  describe: (c, value) => `cell ${c.x + origin.x}, ${c.y + origin.y}: ${fmt(value, 3)}`,
});

// The handle lives in window cells; the state keeps the keypoint in input px, so that it stays
// put on the crop when the reader switches mapping.
const inWindowBounds = (s: Readonly<State>) => {
  const lo = inputToHeatmap({ x: box.minX, y: box.minY }, g, s.mapping);
  const hi = inputToHeatmap({ x: box.maxX, y: box.maxY }, g, s.mapping);
  return { lo, hi };
};

const flipTest: PublishedFlip = (s) =>
  buildFlipTest({ keypoint: { x: s.fx, y: s.fy }, mapping: s.mapping, shift: flipShiftOf(s) });

export default defineSpec<State, Data, FlipSweepRow[], undefined, PublishedFlip>({
  name: 'flip-test',
  params,
  // The seeded sweep is built at build time only: the guard lets the client's bundle leave it out.
  precompute: () => {
    if (!import.meta.env.SSR) throw new Error('flip-test: the sweep is built at build time');
    return buildFlipSweep();
  },
  build: (s, sweep): Data => ({ ...flipTest(s), sweep }),
  view: flipView,
  maps: { original: panel('original'), flipped: panel('flipped'), averaged: panel('averaged') },
  handles: [
    {
      role: 'handle',
      surface: 'original-surface',
      // Wide enough for either mapping; the state's own bounds keep the keypoint in the window's middle.
      bounds: { minX: 2.5, maxX: 7.5, minY: 2.5, maxY: 7.5 },
      get: (s) => {
        const p = inputToHeatmap({ x: s.fx, y: s.fy }, g, s.mapping);
        return { x: p.x - origin.x, y: p.y - origin.y };
      },
      set: (p, s) => {
        const { lo, hi } = inWindowBounds(s);
        const cell = {
          x: Math.min(hi.x, Math.max(lo.x, p.x + origin.x)),
          y: Math.min(hi.y, Math.max(lo.y, p.y + origin.y)),
        };
        const q = heatmapToInput(cell, g, s.mapping);
        return { fx: Number(q.x.toFixed(2)), fy: Number(q.y.toFixed(2)) };
      },
      describe: describeFlipKeypoint,
      fineStep: 0.05,
      coarseStep: 0.25,
    },
  ],
  charts: [
    {
      role: 'profile',
      keys: ['fx', 'fy', 'mapping', 'shift'],
      draw: (_s, frame, d) =>
        flipProfileChart(
          d.profile,
          {
            truth: d.heatmap.x,
            original: d.stages.original.points.dark.x,
            flipped: d.stages.flipped.points.dark.x,
            averaged: d.stages.averaged.points.dark.x,
          },
          frame,
        ),
    },
    {
      role: 'sweep',
      keys: ['mapping', 'shift'],
      draw: (s, frame, d) => flipSweepChart(d.sweep, { mapping: s.mapping, shift: flipShiftOf(s) }, frame),
    },
  ],
  announce: flipAnnouncement,
  // Exercise 10.2 checks with the figure's own builder.
  publishes: { key: CH10_FLIP, value: () => flipTest },
});
