/** Figure 10.3's charts, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import {
  SCORE_CONVENTION_INFO,
  SCORE_CONVENTIONS,
  SCORE_SETTING,
  type ScoreConvention,
  type ScoreConventionData,
  type ScoreFigureData,
} from '../../../lib/index.ts';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart, seriesMark } from '../../ui/plot.ts';

/** The kept-share chart's height, px (chapter 10's charts are all this high; the scatter is 40 px higher). */
export const SCORE_CHART_HEIGHT = 210;

/** How each score convention is drawn (figure 10.3). */
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
      height: SCORE_CHART_HEIGHT + 40,
      // Room for the widest tick, "10,000" (the default 40 px cut its first digit).
      marginLeft: 48,
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
      height: SCORE_CHART_HEIGHT,
      ariaLabel: 'Share of keypoints kept against the threshold, for each score convention',
      ariaDescription: `Near the threshold ${fmt(threshold)}: ${at.join(', ')}.`,
      x: { label: 'Threshold →', domain: [0, last] },
      y: { label: '↑ Keypoints kept, %', grid: true, domain: [0, 100] },
      marks: [
        ...SCORE_CONVENTIONS.map((c) =>
          Plot.line(
            rows.filter((r) => r.convention === c),
            { x: 'threshold', y: 'kept', curve: 'step-after', ...seriesMark(SCORE_STYLE[c]) },
          ),
        ),
        Plot.ruleX([threshold], { className: 'current-rule', strokeWidth: 2, ariaHidden: 'true' }),
      ],
    },
  );
}
