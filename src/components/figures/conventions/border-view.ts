/** From figure 10.4's data (`buildBorderRules`) to what its elements show: no maths here. */
import {
  BORDER_RULE_INFO,
  FIGURE_BORDER_RULES,
  type BorderRulesData,
  type CellRect,
  type FigureBorderRule,
} from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, fmtPoint, num } from '../../ui/format.ts';

/** Each rule's colour class and mark. */
export const RULE_STYLE: Record<FigureBorderRule, { className: string; mark: string; symbol: string; short: string }> =
  {
    hrnetQuarter: { short: 'HRNet', className: 'decoder-quarter', mark: 'M0 -0.3L0.3 0L0 0.3L-0.3 0Z', symbol: '◆' },
    mmposeQuarter: { short: 'MMPose', className: 'decoder-quarter2', mark: 'M0 -0.3L0.27 0.2L-0.27 0.2Z', symbol: '▲' },
    dark: { short: 'DARK', className: 'decoder-dark', mark: 'M-0.22 -0.22H0.22V0.22H-0.22Z', symbol: '■' },
    darkUdp: {
      short: 'DARK-UDP',
      className: 'decoder-softargmax',
      mark: 'M0 -0.25A0.25 0.25 0 1 1 0 0.25A0.25 0.25 0 1 1 0 -0.25Z',
      symbol: '●',
    },
  };

/** A zone's outline, `inset` cells inside its cells' edges (so that two equal zones both show). */
const rectAttrs = (r: CellRect | null, inset: number): Record<string, string> =>
  r
    ? {
        x: num(r.x0 - 0.5 + inset, 2),
        y: num(r.y0 - 0.5 + inset, 2),
        width: num(r.x1 - r.x0 + 1 - 2 * inset, 2),
        height: num(r.y1 - r.y0 + 1 - 2 * inset, 2),
        visibility: 'visible',
      }
    : { visibility: 'hidden' };

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function borderView(d: BorderRulesData, s: { rule: FigureBorderRule }): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const at = (p: { x: number; y: number }) => `translate(${num(p.x, 3)} ${num(p.y, 3)})`;
  attrs.handle = { transform: at(d.keypoint) };
  attrs['argmax-cell'] = { x: num(d.argmax.x - 0.5, 2), y: num(d.argmax.y - 0.5, 2) };
  const zone = d.zones[s.rule];
  attrs['zone-x'] = rectAttrs(zone.x, 0.05);
  attrs['zone-y'] = rectAttrs(zone.y, 0.2);
  for (const rule of FIGURE_BORDER_RULES) {
    attrs[`mark-${rule}`] = { transform: at(d.points[rule]) };
    attrs[`row-${rule}`] = { 'data-selected': String(rule === s.rule) };
    attrs[`refines-x-${rule}`] = { 'data-refines': String(d.refines[rule].x) };
    attrs[`refines-y-${rule}`] = { 'data-refines': String(d.refines[rule].y) };
    text[`refines-x-${rule}`] = yesNo(d.refines[rule].x);
    text[`refines-y-${rule}`] = yesNo(d.refines[rule].y);
    text[`point-${rule}`] = `(${fmt(d.points[rule].x)}, ${fmt(d.points[rule].y)})`;
    text[`error-${rule}`] = fmt(d.errors[rule]);
  }
  text['stat-keypoint'] = `(${fmt(d.keypoint.x)}, ${fmt(d.keypoint.y)})`;
  text['stat-argmax'] = `(${d.argmax.x}, ${d.argmax.y}), error ${fmt(d.argmaxError)} cells`;
  text['zone-rule'] = `${BORDER_RULE_INFO[s.rule].label}: ${BORDER_RULE_INFO[s.rule].rule}`;
  return { attrs, text };
}

export function borderAnnouncement(d: BorderRulesData): string {
  const parts = FIGURE_BORDER_RULES.map((rule) => {
    const r = d.refines[rule];
    const what = r.x && r.y ? 'refines both axes' : r.x ? 'refines x only' : r.y ? 'refines y only' : 'does not refine';
    return `${BORDER_RULE_INFO[rule].label} ${what}, error ${fmt(d.errors[rule])} cells`;
  });
  return `Maximum in cell ${d.argmax.x}, ${d.argmax.y}. ${parts.join('; ')}.`;
}

export function describeBorderKeypoint(p: { x: number; y: number }): string {
  return `${fmtPoint(p, 2)} cells on the map`;
}
