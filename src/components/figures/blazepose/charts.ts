/** Chapter 9's charts, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import type { GapFigureData, ShiftFigureData } from '../../../lib/index.ts';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart } from '../../ui/plot.ts';
import { MARK_DASH, MARK_IDS, MARK_SHORT, type MarkId } from './marks.ts';

export const SHIFT_CHART_HEIGHT = 320;

/** Curves whose answers come in steps (whole or quarter cells): drawn as stairs. */
const STEPPED = new Set<MarkId>(['argmax', 'quarter', 'quarter2']);

/** Each decoder's x − x at 0 px against the shift, with the ideal line and the shift being read. */
export function shiftChart(d: ShiftFigureData, shift: number, frame: ChartFrame): Element {
  const lines = MARK_IDS.flatMap((id) => {
    const rows = d.rows.filter((r) => r.id === id);
    return rows.length
      ? [
          Plot.line(rows, {
            x: 'shift',
            y: 'dx',
            className: `decoder-${id}`,
            strokeWidth: id === 'dark' || id === 'argmax' ? 2.5 : 1.6,
            strokeDasharray: MARK_DASH[id],
            curve: STEPPED.has(id) ? 'step-after' : 'linear',
            ariaHidden: 'true',
          }),
        ]
      : [];
  });
  const here = d.rows.filter((r) => d.at && r.shift === d.at.shift);
  const dx = d.rows.map((r) => r.dx);
  return plotChart(frame, {
    height: SHIFT_CHART_HEIGHT,
    ariaLabel: 'The shift test: each decoder’s answer against the shift of the crop',
    ariaDescription: shiftDescription(d, shift),
    x: { domain: [0, 8], label: 'Shift of the crop’s content (input pixels) →' },
    y: {
      domain: [Math.min(-0.25, ...dx), Math.max(2.25, ...dx)],
      label: '↑ x − x at 0 px (heatmap cells)',
      grid: true,
    },
    marks: [
      Plot.line(d.ideal, {
        x: 'shift',
        y: 'dx',
        className: 'bound',
        strokeWidth: 1.2,
        strokeDasharray: '3 3',
        ariaHidden: 'true',
      }),
      ...lines,
      Plot.ruleX([shift], { className: 'current-rule', ariaHidden: 'true' }),
      ...MARK_IDS.map((id) =>
        Plot.dot(
          here.filter((r) => r.id === id),
          { x: 'shift', y: 'dx', r: 3, fill: 'currentColor', className: `decoder-${id}`, ariaHidden: 'true' },
        ),
      ),
    ],
  });
}

function shiftDescription(d: ShiftFigureData, shift: number): string {
  if (!d.summary) return 'No crops have run yet; the chart shows the ideal line only.';
  const parts = (['argmax', 'dark', 'regressed'] as const).map((id) => {
    const s = id === 'regressed' ? d.summary?.regressed : d.summary?.series[id];
    return s ? `${MARK_SHORT[id]} slope ${fmt(s.slope, 3)}, ${s.distinct} values` : '';
  });
  return `${d.decoded.length} crops so far. ${parts.filter(Boolean).join('; ')} (ideal slope 0.25). Shift read: ${fmt(shift, 2)} px.`;
}

/** Rows of the gap chart: height per joint shown. */
const GAP_ROW = 15;

/** The gap chart's height for a number of joints. */
export function gapChartHeight(joints: number): number {
  return Math.max(160, GAP_ROW * joints + 60);
}

/** Distance from each decoder's point to the regressed landmark, per joint (a dot per decoder). */
export function gapChart(d: GapFigureData, joint: string | null, frame: ChartFrame): Element {
  const max = Math.max(4, ...d.rows.map((r) => r.distance));
  const unseen = d.rows.filter((r) => !r.seen);
  const seen = d.rows.filter((r) => r.seen);
  return plotChart(frame, {
    height: gapChartHeight(d.joints.length),
    marginLeft: 118,
    ariaLabel: 'Distance from each decoder’s point to the regressed landmark, per joint',
    ariaDescription: d.worst
      ? `${d.joints.length} joints shown; the largest distance is ${fmt(d.worst.distance, 1)} input pixels, ${MARK_SHORT[d.worst.id]} at the ${d.worst.name}.`
      : 'No joint to show yet.',
    x: { domain: [0, max * 1.05], label: 'Distance from the regressed landmark (input pixels) →', grid: true },
    y: { domain: d.joints.length ? d.joints : ['—'], label: null, tickSize: 0 },
    marks: [
      ...(joint && d.joints.includes(joint)
        ? [
            Plot.barX([joint], {
              x1: 0,
              x2: max * 1.05,
              y: (j: string) => j,
              className: 'joint-band',
              ariaHidden: 'true',
            }),
          ]
        : []),
      ...MARK_IDS.flatMap((id) => [
        Plot.dot(
          seen.filter((r) => r.id === id),
          { x: 'distance', y: 'name', r: 3.2, fill: 'currentColor', className: `decoder-${id}`, ariaHidden: 'true' },
        ),
        Plot.dot(
          unseen.filter((r) => r.id === id),
          {
            x: 'distance',
            y: 'name',
            r: 3.2,
            fill: 'none',
            stroke: 'currentColor',
            className: `decoder-${id}`,
            ariaHidden: 'true',
          },
        ),
      ]),
    ],
  });
}
