/** Chapter 10's charts, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import {
  FLIP_SHIFTS,
  SCORE_CONVENTION_INFO,
  SCORE_CONVENTIONS,
  SCORE_SETTING,
  type FlipProfilePoint,
  type FlipSweepRow,
  type InputMapping,
  type MismatchProfilePoint,
  type ScoreConvention,
  type ScoreConventionData,
  type ScoreFigureData,
} from '../../../lib/index.ts';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart } from '../../ui/plot.ts';

export const CH10_CHART_HEIGHT = 210;

/** How each mismatch, mapping and score convention is drawn: a colour class and a dash. */
export const MISMATCH_STYLE = {
  strideToUdp: { className: 'decoder-quarter', dash: 'none', label: 'Trained stride, decoded UDP' },
  udpToStride: { className: 'decoder-quarter2', dash: '6 3', label: 'Trained UDP, decoded stride' },
} as const;
export const MAPPING_STYLE: Record<InputMapping, { className: string; dash: string; label: string }> = {
  stride: { className: 'decoder-quarter2', dash: 'none', label: 'Stride mapping' },
  udp: { className: 'decoder-quarter', dash: '6 3', label: 'UDP mapping' },
};
export const SCORE_STYLE: Record<ScoreConvention, { className: string; dash: string; label: string }> = {
  heatmapMax: { className: 'decoder-quarter', dash: 'none', label: SCORE_CONVENTION_INFO.heatmapMax.label },
  megvii: { className: 'decoder-softargmax', dash: '6 3', label: SCORE_CONVENTION_INFO.megvii.label },
  simccMin: { className: 'decoder-quarter2', dash: '2 2', label: SCORE_CONVENTION_INFO.simccMin.label },
};

/** Short names of the score conventions, for buttons. */
export const SCORE_SHORT: Record<ScoreConvention, string> = {
  heatmapMax: 'Heatmap maximum',
  megvii: 'Megvii',
  simccMin: 'SimCC',
};

/** Figure 10.1: each mismatch's x error along a row of the crop, the keypoint's x marked. */
export function mismatchChart(profile: MismatchProfilePoint[], x: number, { width, document }: ChartFrame): Element {
  const series = (['strideToUdp', 'udpToStride'] as const).map((key) =>
    Plot.line(profile, {
      x: 'x',
      y: key,
      className: MISMATCH_STYLE[key].className,
      strokeDasharray: MISMATCH_STYLE[key].dash,
      strokeWidth: 2,
      ariaHidden: 'true',
    }),
  );
  const last = profile[profile.length - 1];
  const at = profile.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
  return plotChart(
    { width, document },
    {
      height: CH10_CHART_HEIGHT,
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
      height: CH10_CHART_HEIGHT,
      ariaLabel: 'The row through the keypoint in the original, the flipped-back and the averaged map',
      ariaDescription: `True x ${fmt(marks.truth)} cells; DARK reads ${fmt(marks.original)} on the original, ${fmt(marks.flipped)} on the flipped-back map and ${fmt(marks.averaged)} on the average.`,
      x: { label: 'Heatmap column, cells →' },
      y: { label: '↑ Map value', grid: true, domain: [0, 1.05] },
      marks: [
        ...lines.map((l) =>
          Plot.line(profile, {
            x: 'x',
            y: l.key,
            curve: 'monotone-x',
            className: l.className,
            strokeDasharray: l.dash,
            strokeWidth: 2,
            ariaHidden: 'true',
          }),
        ),
        // Wider than the decoders' rules and under them, so that it shows beside one that meets it.
        Plot.ruleX([marks.truth], { className: 'current-rule', strokeWidth: 6, ariaHidden: 'true' }),
        ...lines.map((l) =>
          Plot.ruleX([marks[l.key]], {
            className: l.className,
            strokeDasharray: l.dash,
            strokeWidth: 2,
            ariaHidden: 'true',
          }),
        ),
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
      height: CH10_CHART_HEIGHT,
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
            {
              x: 'shift',
              y: 'averaged',
              className: MAPPING_STYLE[m].className,
              strokeDasharray: MAPPING_STYLE[m].dash,
              strokeWidth: 2,
              marker: 'circle-stroke',
              ariaHidden: 'true',
            },
          ),
        ),
        Plot.dot(here, { x: 'shift', y: 'averaged', r: 6, className: 'current-dot', ariaHidden: 'true' }),
      ],
    },
  );
}

/** The error axis's ticks: powers of ten, px. */
const ERROR_TICKS = [0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000, 100000];

/** Figure 10.3: each keypoint's error against its score under one convention, the threshold marked. */
export function scoreScatterChart(
  data: ScoreConventionData,
  threshold: number,
  { width, document }: ChartFrame,
): Element {
  const rows = data.points.map((p) => ({ ...p, kept: p.score >= threshold }));
  const kept = rows.filter((r) => r.kept);
  const dropped = rows.filter((r) => !r.kept);
  const [lo, hi] = data.range;
  const pad = 0.05 * (hi - lo || 1);
  const shown = threshold >= lo - pad && threshold <= hi + pad;
  const errors = rows.map((r) => r.error);
  const minError = Math.min(...errors);
  const maxError = Math.max(...errors);
  return plotChart(
    { width, document },
    {
      height: CH10_CHART_HEIGHT + 40,
      ariaLabel: `Error against score, ${SCORE_STYLE[data.convention].label}`,
      ariaDescription: `${rows.length} keypoints; scores from ${fmt(lo, 3)} to ${fmt(hi, 3)}. At the threshold ${fmt(threshold)}, ${kept.length} are kept and ${dropped.length} dropped.`,
      x: { label: `Score (${SCORE_STYLE[data.convention].label}) →`, domain: [lo - pad, hi + pad] },
      y: {
        type: 'log',
        label: '↑ Error, px (log scale)',
        grid: true,
        domain: [minError / 1.5, maxError * 1.5],
        ticks: ERROR_TICKS.filter((t) => t >= minError / 1.5 && t <= maxError * 1.5),
        tickFormat: (t: number) => (t < 1 ? String(t) : fmt(t, 0).replace(/(\d)(?=(\d{3})+$)/g, '$1,')),
      },
      marks: [
        Plot.dot(dropped, { x: 'score', y: 'error', r: 2.5, className: 'score-dropped', ariaHidden: 'true' }),
        Plot.dot(kept, { x: 'score', y: 'error', r: 2.5, className: 'score-kept', ariaHidden: 'true' }),
        ...(shown ? [Plot.ruleX([threshold], { className: 'current-rule', strokeWidth: 2, ariaHidden: 'true' })] : []),
      ],
    },
  );
}

/** Figure 10.3: the share of keypoints kept against the threshold, per convention. */
export function keptShareChart(data: ScoreFigureData, threshold: number, { width, document }: ChartFrame): Element {
  const rows = SCORE_CONVENTIONS.flatMap((c) =>
    data.conventions[c].curve.map((r) => ({ convention: c, threshold: r.threshold, kept: 100 * r.keptShare })),
  );
  const at = SCORE_CONVENTIONS.map((c) => {
    const row = data.conventions[c].curve.reduce((a, b) =>
      Math.abs(b.threshold - threshold) < Math.abs(a.threshold - threshold) ? b : a,
    );
    return `${SCORE_STYLE[c].label} ${fmt(100 * row.keptShare, 0)}%`;
  });
  const last = SCORE_SETTING.thresholds[SCORE_SETTING.thresholds.length - 1] ?? 2;
  return plotChart(
    { width, document },
    {
      height: CH10_CHART_HEIGHT,
      ariaLabel: 'Share of keypoints kept against the threshold, for each score convention',
      ariaDescription: `Near the threshold ${fmt(threshold)}: ${at.join(', ')}.`,
      x: { label: 'Threshold →', domain: [0, last] },
      y: { label: '↑ Keypoints kept, %', grid: true, domain: [0, 100] },
      marks: [
        ...SCORE_CONVENTIONS.map((c) =>
          Plot.line(
            rows.filter((r) => r.convention === c),
            {
              x: 'threshold',
              y: 'kept',
              curve: 'step-after',
              className: SCORE_STYLE[c].className,
              strokeDasharray: SCORE_STYLE[c].dash,
              strokeWidth: 2,
              ariaHidden: 'true',
            },
          ),
        ),
        Plot.ruleX([threshold], { className: 'current-rule', strokeWidth: 2, ariaHidden: 'true' }),
      ],
    },
  );
}
