/** From the offset-loss data to figure 7.5: two people drawn to scale, and loss against size. */
import * as Plot from '@observablehq/plot';
import { plotChart } from '../../ui/plot.ts';
import { buildOffsetLoss, LOSS_JOINT, type LossPerson, type OffsetLossData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num } from '../../ui/format.ts';
import { figurePath } from './routes-view.ts';
import type { Ch7State } from '../../state/ch7.ts';

export const LOSS_CHART_HEIGHT = 220;
const MARGIN = 12;
/** A drawn head's radius, as a share of the person's height (the joints end at the nose). */
const HEAD = 0.06;

/** The figure's data for a state. */
export function lossData(s: Readonly<Pick<Ch7State, 'small' | 'large' | 'err'>>): OffsetLossData {
  return buildOffsetLoss({ small: s.small, large: s.large, error: s.err });
}

/** The two people side by side at one pixel scale, feet on one line, with the moved wrist. */
export function lossView(d: OffsetLossData, error: number): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const widthOf = (p: LossPerson) => Math.max(...p.joints.map((j) => j.x)) - Math.min(...p.joints.map((j) => j.x));
  const height = d.large.height * (1 + HEAD) + 2 * MARGIN;
  let left = MARGIN;
  const place = (key: 'small' | 'large', p: LossPerson) => {
    const minX = Math.min(...p.joints.map((j) => j.x));
    const dx = left - minX;
    const dy = height - MARGIN - p.height;
    const joints = p.joints.map((j) => ({ x: j.x + dx, y: j.y + dy }));
    const wrist = joints[LOSS_JOINT]!;
    attrs[`${key}-figure`] = { d: figurePath(joints) };
    const nose = joints[0]!;
    attrs[`${key}-head`] = { cx: num(nose.x, 2), cy: num(nose.y, 2), r: num(HEAD * p.height, 2) };
    attrs[`${key}-error`] = { cx: num(wrist.x, 2), cy: num(wrist.y, 2), r: num(Math.max(error, 0.01), 2) };
    attrs[`${key}-pred`] = { d: `M${num(wrist.x, 2)} ${num(wrist.y, 2)}h${num(error, 2)}` };
    left += widthOf(p) + 3 * MARGIN + error;
    text[`${key}-height`] = `${p.height} px`;
    text[`${key}-diagonal`] = `${fmt(p.diagonal, 1)} px`;
    text[`${key}-relative`] = `${fmt(100 * p.relative, 1)} %`;
    text[`${key}-plain`] = fmt(p.plain, 3);
    text[`${key}-loss`] = fmt(p.loss, 4);
  };
  place('small', d.small);
  place('large', d.large);
  attrs.people = { viewBox: `0 0 ${num(left, 1)} ${num(height, 1)}` };
  attrs['ground'] = { d: `M0 ${num(height - MARGIN + 1, 1)}H${num(left, 1)}` };
  text.ratio = `The same wrist error on both: the small person's loss is ${fmt(d.ratio, 1)} times the large one's.`;
  return { attrs, text };
}

export function lossAnnouncement(d: OffsetLossData, error: number): string {
  return `A ${fmt(error, 1)}-pixel wrist error: the ${d.small.height}-pixel person's loss is ${fmt(d.small.loss, 4)}, the ${d.large.height}-pixel person's ${fmt(d.large.loss, 4)}, ${fmt(d.ratio, 1)} times less.`;
}

/** Loss against person height for the state's error, with the two people marked. */
export function lossChart(d: OffsetLossData, { width, document }: { width: number; document?: Document }): Element {
  const dots = [
    { height: d.small.height, loss: d.small.loss, who: 'small', className: 'person-small' },
    { height: d.large.height, loss: d.large.loss, who: 'large', className: 'person-large' },
  ];
  return plotChart(
    { width, document },
    {
      height: LOSS_CHART_HEIGHT,
      marginLeft: 50,
      ariaLabel: 'Size-normalised offset loss against the person’s height, for the same joint error',
      ariaDescription: `The loss falls as one over the height: ${fmt(d.small.loss, 4)} at ${d.small.height} px, ${fmt(d.large.loss, 4)} at ${d.large.height} px.`,
      x: { type: 'log', label: 'Person height (px) →' },
      marginRight: 24,
      // The whole curve, with headroom: the axis stays put as the sliders move, and no part of
      // the curve (people from 16 px) runs off the top.
      y: { label: '↑ Offset loss', grid: true, domain: [0, 1.15 * Math.max(...d.curve.map((c) => c.loss), 1e-9)] },
      marks: [
        Plot.line(d.curve, { x: 'height', y: 'loss', className: 'loss-curve', strokeWidth: 2, ariaHidden: 'true' }),
        ...dots.map((p) =>
          Plot.dot([p], {
            x: 'height',
            y: 'loss',
            r: 5,
            className: p.className,
            fill: 'currentColor',
            ariaHidden: 'true',
          }),
        ),
        ...dots.map((p) =>
          Plot.text([p], {
            x: 'height',
            y: 'loss',
            text: () => `${p.who} ${fmt(p.loss, 4)}`,
            // The curve falls to the right: above and right of the small person's dot it is clear.
            // The large one's dot sits where the curve is nearly flat: its label goes straight
            // above, clear of the curve on either side.
            dx: p.who === 'small' ? 6 : 0,
            dy: p.who === 'small' ? -10 : -12,
            textAnchor: p.who === 'small' ? 'start' : 'middle',
            className: `${p.className} decoder-label`,
            ariaHidden: 'true',
          }),
        ),
      ],
    },
  );
}
