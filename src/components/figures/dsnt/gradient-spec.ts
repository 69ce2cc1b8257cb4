/**
 * Figure 5.2: the gradient of the Euclidean loss with respect to every logit, for a target
 * the reader drags, beside argmax's gradient (zero wherever it exists).
 */
import { buildDsntFigure, DSNT_SETTING } from '../../../lib/index.ts';
import { signedDomain } from '../../ui/colormap.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch5, dsntInput } from '../../state/ch5.ts';
import { dsntGradientView } from './view.ts';

const { w, h } = DSNT_SETTING;
/** Argmax has no gradient: a map of zeros. */
const ZERO = new Float64Array(w * h);

export default defineSpec({
  name: 'dsnt-gradient',
  params: pick(ch5, 'x1', 'y1', 'a1', 'x2', 'y2', 'a2', 'beta', 'tx', 'ty', 'sigmaT'),
  build: (s) => buildDsntFigure(dsntInput(s)),
  view: dsntGradientView,
  maps: {
    grad: { draw: (d) => ({ values: d.descent, w, h, domain: signedDomain(d.descent) }) },
    zero: { draw: () => ({ values: ZERO, w, h, domain: [-1, 1] }) },
  },
  handles: [
    {
      role: 'target',
      surface: 'grad-surface',
      bounds: { minX: 0, maxX: w - 1, minY: 0, maxY: h - 1 },
      get: (s) => ({ x: s.tx, y: s.ty }),
      set: (p) => ({ tx: p.x, ty: p.y }),
      describe: (p) => `x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} cells`,
    },
  ],
  announce: (d, s) =>
    `Target at ${fmt(s.tx, 1)}, ${fmt(s.ty, 1)} cells; Euclidean loss ${fmt(d.loss, 3)} in normalised units.`,
});
