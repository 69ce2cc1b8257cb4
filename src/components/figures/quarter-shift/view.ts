/** From the quarter-shift figure's data to what its elements show. */
import type { QuarterShiftData, QuarterStrips } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { cssColor, textColorOn } from '../../ui/colormap.ts';
import { fmt, num } from '../../ui/format.ts';

const pct = (v: number): string => `${Math.round(v * 100)}%`;

export function quarterView(d: QuarterShiftData, strips: QuarterStrips, offset: { u: number; v: number }): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const domain: [number, number] = [0, 1];
  d.window.values.forEach((v, i) => {
    attrs[`cell-${i}`] = { fill: cssColor(v, domain) };
    attrs[`cell-text-${i}`] = { fill: textColorOn(v, domain) };
    text[`cell-text-${i}`] = fmt(v, 2);
  });
  const at = (p: { x: number; y: number }) => `translate(${num(p.x, 4)} ${num(p.y, 4)})`;
  attrs.handle = { transform: at(d.keypoint) };
  attrs['s-box'] = { x: num(d.second.x - 0.5, 3), y: num(d.second.y - 0.5, 3) };
  attrs['pa-mark'] = { transform: at(d.perAxis) };
  attrs['sm-mark'] = { transform: at(d.secondMax) };
  attrs['pa-arrow'] = { x1: num(d.max.x, 3), y1: num(d.max.y, 3), x2: num(d.perAxis.x, 4), y2: num(d.perAxis.y, 4) };
  attrs['sm-arrow'] = {
    x1: num(d.max.x, 3),
    y1: num(d.max.y, 3),
    x2: num(d.secondMax.x, 4),
    y2: num(d.secondMax.y, 4),
  };
  attrs['strip-pos'] = { cx: num(offset.u, 3), cy: num(offset.v, 3) };
  text['err-argmax'] = `${fmt(d.errors.argmax)} px`;
  text['err-pa'] = `${fmt(d.errors.perAxis)} px`;
  text['err-sm'] = `${fmt(d.errors.secondMax)} px`;
  text['second'] = `(${d.second.x}, ${d.second.y})`;
  text['share-pa'] =
    `helps on ${pct(strips.share.perAxis.helps)} of the cell, hurts on ${pct(strips.share.perAxis.hurts)}`;
  text['share-sm'] =
    `helps on ${pct(strips.share.secondMax.helps)} of the cell, hurts on ${pct(strips.share.secondMax.hurts)}`;
  return { attrs, text };
}

export function quarterAnnouncement(d: QuarterShiftData): string {
  return `Keypoint offset ${fmt(d.keypoint.x - d.max.x)}, ${fmt(d.keypoint.y - d.max.y)} cells from the maximum. Second maximum at ${d.second.x}, ${d.second.y}. Errors: argmax ${fmt(d.errors.argmax)}, per-axis shift ${fmt(d.errors.perAxis)}, second-maximum shift ${fmt(d.errors.secondMax)} input pixels.`;
}

export function describeOffset(p: { x: number; y: number }): string {
  return `x ${fmt(p.x, 2)}, y ${fmt(p.y, 2)} heatmap pixels`;
}
