/**
 * Figure 7.3: DEKR's adaptive convolution: the 3 × 3 sampling grid moved by an affine matrix
 * (scale, rotation, shear) and a translation t the reader drags.
 */
import { buildAdaptiveConv } from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { ADAPTIVE_GRID, ch7 } from '../../state/ch7.ts';
import { adaptiveAnnouncement, adaptiveView } from './adaptive-view.ts';

const { w, h, pixel } = ADAPTIVE_GRID;

export default defineSpec({
  name: 'adaptive-conv',
  params: pick(ch7, 'scale', 'rotation', 'shear', 'tx', 'ty'),
  build: (s) => buildAdaptiveConv({ ...s, translation: [s.ty, s.tx], pixel, w, h }),
  view: adaptiveView,
  handles: [
    {
      role: 'handle',
      surface: 'surface',
      bounds: { minX: pixel.x - 3.5, maxX: pixel.x + 3.5, minY: pixel.y - 3.5, maxY: pixel.y + 3.5 },
      get: (s) => ({ x: pixel.x + s.tx, y: pixel.y + s.ty }),
      set: (p) => ({ tx: Number((p.x - pixel.x).toFixed(3)), ty: Number((p.y - pixel.y).toFixed(3)) }),
      describe: (p) => `t = (${fmt(p.y - pixel.y, 1)}, ${fmt(p.x - pixel.x, 1)}) pixels, as (dy, dx)`,
    },
  ],
  announce: adaptiveAnnouncement,
});
