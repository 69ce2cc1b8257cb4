/**
 * Figure 3.1: both forms of the quarter-pixel shift on a zoomed window of the heatmap, their
 * errors, and the share of the cell where each helps or hurts (two strips the reader can
 * click to move the keypoint there).
 */
import { buildQuarterShift, buildQuarterStrips, QUARTER_SETTING, type QuarterStrips } from '../../../lib/index.ts';
import { symmetricDomain } from '../../ui/colormap.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import type { MapPart } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { ch3, type Ch3State } from '../../state/ch3.ts';
import { describeOffset, quarterAnnouncement, quarterView } from './view.ts';

const { cell } = QUARTER_SETTING;

/** The strips depend on σ and the target only; a drag does not recompute them. */
const stripsOf = memoOn(['sigma', 'target'], (s: Ch3State) => {
  const strips = buildQuarterStrips({ sigma: s.sigma, target: s.target });
  return { strips, domain: symmetricDomain([...strips.perAxisGain, ...strips.secondMaxGain]) };
});

type Data = { shift: ReturnType<typeof buildQuarterShift>; strips: QuarterStrips; domain: [number, number] };

const strip = (label: string, gains: (s: QuarterStrips) => Float64Array): MapPart<Ch3State, Data> => ({
  draw: (d) => ({ values: gains(d.strips), w: d.strips.steps, h: d.strips.steps, domain: d.domain }),
  describe: (c, gain, d) =>
    `${label} at offset ${fmt(d.strips.offsets[c.x] ?? 0)}, ${fmt(d.strips.offsets[c.y] ?? 0)}: ${gain >= 0 ? 'gains' : 'loses'} ${fmt(Math.abs(gain))} px`,
  pick: (c, d) => ({ u: d.strips.offsets[c.x] ?? 0, v: d.strips.offsets[c.y] ?? 0 }),
});

export default defineSpec({
  name: 'quarter-shift',
  params: ch3,
  build: (s): Data => ({
    shift: buildQuarterShift({ offset: { x: s.u, y: s.v }, sigma: s.sigma, target: s.target }),
    ...stripsOf(s),
  }),
  view: (d, s) => quarterView(d.shift, d.strips, s),
  maps: {
    pa: strip('Per-axis', (s) => s.perAxisGain),
    sm: strip('Second-maximum', (s) => s.secondMaxGain),
  },
  handles: [
    {
      role: 'handle',
      surface: 'surface',
      bounds: { minX: cell.x - 0.49, maxX: cell.x + 0.49, minY: cell.y - 0.49, maxY: cell.y + 0.49 },
      get: (s) => ({ x: cell.x + s.u, y: cell.y + s.v }),
      set: (p) => ({ u: Number((p.x - cell.x).toFixed(3)), v: Number((p.y - cell.y).toFixed(3)) }),
      describe: describeOffset,
      fineStep: 0.01,
      coarseStep: 0.1,
    },
  ],
  announce: (d) => quarterAnnouncement(d.shift),
});
