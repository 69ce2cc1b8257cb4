/**
 * Figure 10.4: the border rules. A keypoint the reader drags to the map's edge, the cell argmax
 * finds, the zone where the chosen rule refines each axis, and each rule's decoded point.
 */
import { BORDER_SETTING, buildBorderRules } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch10 } from '../../state/ch10.ts';
import { borderAnnouncement, borderView, describeBorderKeypoint } from './border-view.ts';
import { CH10_BORDER, type PublishedBorder } from './published.ts';

const { w, h } = BORDER_SETTING;
const build: PublishedBorder = (s) => buildBorderRules({ keypoint: { x: s.bx, y: s.by } });

export default defineSpec({
  name: 'border-rules',
  params: pick(ch10, 'bx', 'by', 'rule'),
  build,
  view: borderView,
  maps: {
    border: {
      draw: (d) => ({ values: d.map, w: d.w, h: d.h, domain: [0, 1] }),
      describe: (c, value) => `cell ${c.x}, ${c.y}: ${fmt(value, 3)}`,
    },
  },
  handles: [
    {
      role: 'handle',
      surface: 'border-surface',
      bounds: { minX: -0.45, maxX: w - 0.55, minY: -0.45, maxY: h - 0.55 },
      get: (s) => ({ x: s.bx, y: s.by }),
      set: (p) => ({ bx: Number(p.x.toFixed(2)), by: Number(p.y.toFixed(2)) }),
      describe: describeBorderKeypoint,
      fineStep: 0.05,
      coarseStep: 0.5,
    },
  ],
  announce: borderAnnouncement,
  // Exercise 10.4 checks with the figure's own builder.
  publishes: { key: CH10_BORDER, value: () => build },
});
