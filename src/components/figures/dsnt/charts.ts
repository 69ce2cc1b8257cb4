/** Chapter 5's charts, drawn by Observable Plot (build time and browser alike). */
import * as Plot from '@observablehq/plot';
import { plotChart } from '../../ui/plot.ts';
import { fmt } from '../../ui/format.ts';

export const SMALL_CHART_HEIGHT = 220;

/** Both regularisers along the path to the target, each relative to its value at t = 0. */
export function regulariserChart(
  curve: { t: number; varianceLoss: number; js: number }[],
  here: { t: number; varianceLoss: number; js: number },
  { width, document }: { width: number; document?: Document },
): Element {
  const { t } = here;
  const v0 = curve[0]?.varianceLoss || 1;
  const j0 = curve[0]?.js || 1;
  const rows = curve.flatMap((c) => [
    { t: c.t, value: c.varianceLoss / v0, which: 'variance' },
    { t: c.t, value: c.js / j0, which: 'js' },
  ]);
  return plotChart(
    { width, document },
    {
      height: SMALL_CHART_HEIGHT,
      ariaLabel: 'Both regularisers along the path to the target',
      ariaDescription: `Variance and JS regularisers relative to their starting values, as the map moves to the target; at t = ${fmt(t)} they are ${fmt((100 * here.varianceLoss) / v0, 0)}% and ${fmt((100 * here.js) / j0, 0)}% of their start.`,
      x: { domain: [0, 1], label: 'Along the path to the target, t →' },
      y: {
        domain: [0, Math.max(1, ...rows.map((r) => r.value)) * 1.05],
        label: '↑ Loss ÷ its value at t = 0',
        grid: true,
      },
      marks: [
        Plot.line(
          rows.filter((r) => r.which === 'variance'),
          {
            x: 't',
            y: 'value',
            className: 'decoder-quarter',
            strokeDasharray: '6 3',
            strokeWidth: 2,
            ariaHidden: 'true',
          },
        ),
        Plot.line(
          rows.filter((r) => r.which === 'js'),
          { x: 't', y: 'value', className: 'decoder-dark', strokeWidth: 2, ariaHidden: 'true' },
        ),
        Plot.ruleX([t], { className: 'current-rule', ariaHidden: 'true' }),
      ],
    },
  );
}

/** Error of the plain and the debiased soft-argmax against the bump's position. */
export function biasChart(
  rows: { x: number; plain: number; debiased: number }[],
  current: number,
  { width, document }: { width: number; document?: Document },
): Element {
  const long = rows.flatMap((r) => [
    { x: r.x, error: r.plain, which: 'plain' },
    { x: r.x, error: r.debiased, which: 'debiased' },
  ]);
  return plotChart(
    { width, document },
    {
      height: SMALL_CHART_HEIGHT,
      ariaLabel: 'Soft-argmax bias against the bump position',
      ariaDescription: `Error of the plain expectation and of the debiased one, in cells, as one bump moves along the middle row. Largest: plain ${fmt(Math.max(...rows.map((r) => r.plain)))}, debiased ${fmt(Math.max(...rows.map((r) => r.debiased)))} cells.`,
      x: { domain: [0, 15], label: 'Bump position x (cells) →' },
      // Headroom above the largest error, so the curve never meets the chart's top edge.
      y: {
        label: '↑ Error of the expectation (cells)',
        grid: true,
        domain: [0, 1.1 * Math.max(1e-6, ...rows.map((r) => Math.max(r.plain, r.debiased)))],
        nice: true,
      },
      marks: [
        Plot.line(
          long.filter((r) => r.which === 'plain'),
          { x: 'x', y: 'error', className: 'decoder-softargmax', strokeWidth: 2, ariaHidden: 'true' },
        ),
        Plot.line(
          long.filter((r) => r.which === 'debiased'),
          { x: 'x', y: 'error', className: 'decoder-dark', strokeDasharray: '6 3', strokeWidth: 2, ariaHidden: 'true' },
        ),
        Plot.ruleX([current], { className: 'current-rule', ariaHidden: 'true' }),
      ],
    },
  );
}
