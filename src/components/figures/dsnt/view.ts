/** From chapter 5's data to what its figures show. */
import type { DsntFigureData, RegulariserPoint } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num, fmtPoint } from '../../ui/format.ts';
import type { Ch5State } from '../../state/ch5.ts';

const at = (x: number, y: number) => `translate(${num(x, 3)} ${num(y, 3)})`;

export function dsntMapsView(d: DsntFigureData, s: Readonly<Ch5State>): ViewModel {
  return {
    attrs: {
      h1: { transform: at(s.x1, s.y1) },
      h2: { transform: at(s.x2, s.y2), visibility: s.a2 > 0 ? 'visible' : 'hidden' },
      expect: { cx: num(d.expectation.x, 3), cy: num(d.expectation.y, 3) },
      'argmax-mark': { transform: at(d.argmax.x, d.argmax.y) },
    },
    text: {
      'stat-expect': `(${fmt(d.expectation.x)}, ${fmt(d.expectation.y)})`,
      'stat-norm': `(${fmt(d.expectationNormalized.x, 3)}, ${fmt(d.expectationNormalized.y, 3)})`,
      'stat-argmax': `(${d.argmax.x}, ${d.argmax.y})`,
      'stat-bump': `(${fmt(s.x1)}, ${fmt(s.y1)})`,
      'stat-error': `${fmt(Math.hypot(d.expectation.x - s.x1, d.expectation.y - s.y1))} cells`,
    },
  };
}

export function dsntMapsAnnouncement(d: DsntFigureData, s: Readonly<Ch5State>): string {
  return `With β ${fmt(s.beta, 1)}, the expectation is at ${fmtPoint(d.expectation)} cells, ${fmt(Math.hypot(d.expectation.x - s.x1, d.expectation.y - s.y1))} from the first bump; argmax is cell ${d.argmax.x}, ${d.argmax.y}.`;
}

export function dsntGradientView(d: DsntFigureData, s: Readonly<Ch5State>): ViewModel {
  let largest = 0;
  for (const g of d.gradient) largest = Math.max(largest, Math.abs(g));
  return {
    attrs: {
      target: { transform: at(s.tx, s.ty) },
      'g-expect': { cx: num(d.expectation.x, 3), cy: num(d.expectation.y, 3) },
    },
    text: {
      'stat-loss': fmt(d.loss, 4),
      'stat-largest': fmt(largest, 4),
      'stat-target': `(${fmt(s.tx)}, ${fmt(s.ty)})`,
    },
  };
}

export function dsntRegulariserView(r: RegulariserPoint, start: RegulariserPoint, s: Readonly<Ch5State>): ViewModel {
  return {
    attrs: { 'r-target': { cx: num(s.tx, 3), cy: num(s.ty, 3) } },
    text: {
      'stat-var': `${fmt(r.varianceLoss, 3)} (${fmt((100 * r.varianceLoss) / (start.varianceLoss || 1), 0)}% of start)`,
      'stat-js': `${fmt(r.js, 4)} (${fmt((100 * r.js) / (start.js || 1), 0)}% of start)`,
    },
  };
}
