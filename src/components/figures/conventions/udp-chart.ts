/** Figure 10.1's chart, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import type { MismatchProfilePoint } from '../../../lib/index.ts';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart, seriesMark } from '../../ui/plot.ts';

/** The chart's height, px (chapter 10's charts are all this high). */
export const UDP_CHART_HEIGHT = 210;

/** How each mismatch of figure 10.1 is drawn: a colour class, a dash and a label. */
export const MISMATCH_STYLE = {
  strideToUdp: { className: 'decoder-quarter', dash: 'none', label: 'Trained stride, decoded UDP' },
  udpToStride: { className: 'decoder-quarter2', dash: '6 3', label: 'Trained UDP, decoded stride' },
} as const;

/** Figure 10.1: each mismatch's x error along a row of the crop, the keypoint's x marked. */
export function mismatchChart(profile: MismatchProfilePoint[], x: number, { width, document }: ChartFrame): Element {
  const series = (['strideToUdp', 'udpToStride'] as const).map((key) =>
    Plot.line(profile, { x: 'x', y: key, ...seriesMark(MISMATCH_STYLE[key]) }),
  );
  const last = profile[profile.length - 1];
  const at = profile.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
  return plotChart(
    { width, document },
    {
      height: UDP_CHART_HEIGHT,
      ariaLabel: 'The x error of each mismatch along a row of the crop',
      ariaDescription: `Zero at the left edge, growing linearly to ${fmt(last?.strideToUdp ?? 0)} px (trained stride, decoded UDP) and ${fmt(last?.udpToStride ?? 0)} px (trained UDP, decoded stride) at the right edge; at x = ${fmt(at.x, 0)} they are ${fmt(at.strideToUdp)} and ${fmt(at.udpToStride)} px.`,
      x: { label: 'Keypoint x, input px →' },
      y: { label: '↑ x error, px', grid: true },
      marks: [
        Plot.ruleY([0], { className: 'bound', ariaHidden: 'true' }),
        ...series,
        Plot.ruleX([x], { className: 'current-rule', ariaHidden: 'true' }),
      ],
    },
  );
}
