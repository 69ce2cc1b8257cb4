/**
 * Figure 5.1: logits with two bumps the reader drags, their softmax at temperature β, and
 * the expectation (DSNT's output) against argmax.
 */
import { buildDsntFigure, DSNT_SETTING } from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import type { HandlePart } from '../../ui/parts.ts';
import { pick } from '../../ui/params.ts';
import { ch5, dsntInput, type Ch5State } from '../../state/ch5.ts';
import { dsntMapsAnnouncement, dsntMapsView } from './view.ts';

const params = pick(ch5, 'x1', 'y1', 'a1', 'x2', 'y2', 'a2', 'beta', 'tx', 'ty', 'sigmaT');
type State = Pick<Ch5State, keyof typeof params>;

const bounds = { minX: 0, maxX: DSNT_SETTING.w - 1, minY: 0, maxY: DSNT_SETTING.h - 1 };
const describe = (p: { x: number; y: number }) => `x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} cells`;
const bump = (role: string, x: 'x1' | 'x2', y: 'y1' | 'y2'): HandlePart<State> => ({
  role,
  surface: 'logits-surface',
  bounds,
  get: (s) => ({ x: s[x], y: s[y] }),
  set: (p) => ({ [x]: p.x, [y]: p.y }),
  describe,
});

export default defineSpec({
  name: 'dsnt-maps',
  params,
  build: (s) => buildDsntFigure(dsntInput(s)),
  view: dsntMapsView,
  maps: {
    logits: { draw: (d) => ({ values: d.logits, w: d.w, h: d.h }) },
    prob: { draw: (d) => ({ values: d.p, w: d.w, h: d.h }) },
  },
  // A hidden second bump (height 0) cannot be grabbed.
  handles: [bump('h1', 'x1', 'y1'), { ...bump('h2', 'x2', 'y2'), active: (s) => s.a2 > 0 }],
  announce: dsntMapsAnnouncement,
});
