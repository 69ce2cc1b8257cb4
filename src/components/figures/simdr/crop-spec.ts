/**
 * Figure 6.1: a keypoint on the crop as two 1-D vectors of k·w and k·h bins, drawn along the
 * crop's edges, and what decoding them gives back.
 */
import { buildSimdrFigure } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmtPoint } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch6 } from '../../state/ch6.ts';
import { cropPointHandle } from '../../state/keypoint.ts';
import { simdrAnnouncement, simdrView } from './view.ts';

export default defineSpec({
  name: 'simdr-crop',
  params: pick(ch6, 'x', 'y', 'k', 'label', 'sigma', 'eps'),
  build: (s) =>
    buildSimdrFigure({ keypoint: { x: s.x, y: s.y }, k: Number(s.k), label: s.label, sigma: s.sigma, epsilon: s.eps }),
  view: (d, s) => simdrView(d, s),
  handles: [cropPointHandle((p) => `${fmtPoint(p, 1)} pixels on the crop`)],
  announce: (d, s) => simdrAnnouncement(d, s),
});
