/** Figure 10.2's charts, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import { FLIP_SHIFTS, type FlipProfilePoint, type FlipSweepRow, type InputMapping } from '../../../lib/index.ts';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart, seriesMark } from '../../ui/plot.ts';

/** The charts' height, px (chapter 10's charts are all this high). */
export const FLIP_CHART_HEIGHT = 210;

/** How each input mapping is drawn (figure 10.2's sweep). */
export const MAPPING_STYLE: Record<InputMapping, { className: string; dash: string; label: string }> = {
  stride: { className: 'decoder-quarter2', dash: 'none', label: 'Stride mapping' },
  udp: { className: 'decoder-quarter', dash: '6 3', label: 'UDP mapping' },
};

/** Figure 10.2: the row through the keypoint in the three maps, and each map's DARK x. */
export function flipProfileChart(
  profile: FlipProfilePoint[],
  marks: { truth: number; original: number; flipped: number; averaged: number },
  { width, document }: ChartFrame,
): Element {
  const lines = [
    { key: 'original', className: 'decoder-softargmax', dash: 'none' },
    { key: 'flipped', className: 'decoder-argmax', dash: '6 3' },
    { key: 'averaged', className: 'decoder-dark', dash: '2 2' },
  ] as const;
  return plotChart(
    { width, document },
    {
      height: FLIP_CHART_HEIGHT,
      ariaLabel: 'The row through the keypoint in the original, the flipped-back and the averaged map',
      ariaDescription: `True x ${fmt(marks.truth)} cells; DARK reads ${fmt(marks.original)} on the original, ${fmt(marks.flipped)} on the flipped-back map and ${fmt(marks.averaged)} on the average.`,
      x: { label: 'Heatmap column, cells →' },
      y: { label: '↑ Map value', grid: true, domain: [0, 1.05] },
      marks: [
        ...lines.map((l) => Plot.line(profile, { x: 'x', y: l.key, curve: 'monotone-x', ...seriesMark(l) })),
        // Wider than the decoders' rules and under them, so that it shows beside one that meets it.
        Plot.ruleX([marks.truth], { className: 'current-rule', strokeWidth: 6, ariaHidden: 'true' }),
        ...lines.map((l) => Plot.ruleX([marks[l.key]], seriesMark(l))),
      ],
    },
  );
}

/** Figure 10.2's sweep: the averaged map's mean x error against the shift, per mapping (DARK). */
export function flipSweepChart(
  rows: FlipSweepRow[],
  current: { mapping: InputMapping; shift: number },
  { width, document }: ChartFrame,
): Element {
  const dark = rows.filter((r) => r.decoder === 'dark');
  const points = dark.map((r) => ({ mapping: r.mapping, shift: r.shift, averaged: r.averaged.mean }));
  const here = points.filter((p) => p.mapping === current.mapping && p.shift === current.shift);
  const text = (['stride', 'udp'] as const)
    .map(
      (m) =>
        `${MAPPING_STYLE[m].label}: ${points
          .filter((p) => p.mapping === m)
          .map((p) => `${fmt(p.averaged)} px at ${p.shift}`)
          .join(', ')}`,
    )
    .join('; ');
  return plotChart(
    { width, document },
    {
      height: FLIP_CHART_HEIGHT,
      ariaLabel: 'Mean x error of the averaged map against the shift, for each mapping',
      ariaDescription: `DARK on the averaged map, mean signed x error over the sweep’s keypoints. ${text}.`,
      x: {
        label: 'Shift of the flipped-back map, cells →',
        ticks: [...FLIP_SHIFTS],
        tickFormat: 'd',
        domain: [-0.2, 2.2],
      },
      // Room for the markers at the ends of the range (they sat on the axes).
      y: { label: '↑ Mean x error, px', grid: true, inset: 8 },
      marks: [
        Plot.ruleY([0], { className: 'bound', ariaHidden: 'true' }),
        ...(['stride', 'udp'] as const).map((m) =>
          Plot.line(
            points.filter((p) => p.mapping === m),
            { x: 'shift', y: 'averaged', marker: 'circle-stroke', ...seriesMark(MAPPING_STYLE[m]) },
          ),
        ),
        Plot.dot(here, { x: 'shift', y: 'averaged', r: 6, className: 'current-dot', ariaHidden: 'true' }),
      ],
    },
  );
}
