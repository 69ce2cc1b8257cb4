/**
 * Figure 10.1: the input pixel grid and the heatmap grid over the same 32 × 24 crop under the
 * stride mapping and UDP's, a keypoint the reader drags on either, and the error a map carries
 * when it was trained under one mapping and is decoded under the other.
 */
import { buildUdpGrid, INPUT_MAPPINGS, UDP_FIGURE, type InputMapping } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import type { HandlePart } from '../../ui/parts.ts';
import { pick } from '../../ui/params.ts';
import { ch10, type Ch10State } from '../../state/ch10.ts';
import { mismatchChart } from './udp-chart.ts';
import { CH10_UDP, type PublishedUdp } from './published.ts';
import { describeUdpKeypoint, udpAnnouncement, udpView } from './udp-view.ts';

const params = pick(ch10, 'x', 'y', 'stride');
type State = Pick<Ch10State, keyof typeof params>;

const { inputW, inputH } = UDP_FIGURE;

/** The keypoint is the same on both panels: each panel's handle moves it. */
const handle = (m: InputMapping): HandlePart<State> => ({
  role: `${m}-handle`,
  surface: `${m}-surface`,
  bounds: { minX: 0, maxX: inputW - 1, minY: 0, maxY: inputH - 1 },
  get: (s) => ({ x: s.x, y: s.y }),
  set: (p) => ({ x: Number(p.x.toFixed(2)), y: Number(p.y.toFixed(2)) }),
  describe: describeUdpKeypoint,
});

const build: PublishedUdp = (s) => buildUdpGrid({ keypoint: { x: s.x, y: s.y }, stride: Number(s.stride) });

export default defineSpec({
  name: 'udp-grid',
  params,
  build,
  view: udpView,
  handles: INPUT_MAPPINGS.map(handle),
  charts: [{ keys: ['x', 'stride'], draw: (s, frame, d) => mismatchChart(d.profile, s.x, frame) }],
  announce: udpAnnouncement,
  // Exercise 10.1 checks with the figure's own builder.
  publishes: { key: CH10_UDP, value: () => build },
});
