/**
 * Figure 6.1: a keypoint on the crop as two 1-D vectors of k·w and k·h bins, drawn along the
 * crop's edges, and what decoding them gives back.
 */
import { buildSimdrFigure, CROP_GEOMETRY } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmtPoint } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch6 } from '../../state/ch6.ts';
import { simdrAnnouncement, simdrView } from './view.ts';

const { inputW, inputH } = CROP_GEOMETRY;

export default defineSpec({
  name: 'simdr-crop',
  params: pick(ch6, 'x', 'y', 'k', 'label', 'sigma', 'eps'),
  build: (s) =>
    buildSimdrFigure({ keypoint: { x: s.x, y: s.y }, k: Number(s.k), label: s.label, sigma: s.sigma, epsilon: s.eps }),
  view: (d, s) => simdrView(d, s),
  handles: [
    {
      role: 'handle',
      surface: 'surface',
      bounds: { minX: 0, maxX: inputW - 0.1, minY: 0, maxY: inputH - 0.1 },
      get: (s) => ({ x: s.x, y: s.y }),
      set: (p) => ({ x: p.x, y: p.y }),
      describe: (p) => `${fmtPoint(p, 1)} pixels on the crop`,
    },
  ],
  announce: (d, s) => simdrAnnouncement(d, s),
});
