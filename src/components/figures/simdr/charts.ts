/** Chapter 6's charts, drawn by Observable Plot. */
import * as Plot from '@observablehq/plot';
import { plotChart, seriesMark, type SeriesStyle } from '../../ui/plot.ts';
import type { KlRow, QuantisationRow, SimdrLabelKind } from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';
import { LABEL_NAMES } from '../../state/ch6.ts';

export const CHART_HEIGHT = 240;

/** How each label type is drawn: a colour class and a dash. */
export const LABEL_STYLE: Record<SimdrLabelKind, SeriesStyle> = {
  onehot: { className: 'decoder-argmax', dash: 'none' },
  smooth: { className: 'decoder-quarter', dash: '6 3' },
  gauss: { className: 'decoder-dark', dash: '2 2' },
};

/** KL against each label type as the prediction shifts, with the current shift marked. */
export function klChart(
  rows: KlRow[],
  shift: number,
  { width, document }: { width: number; document?: Document },
): Element {
  const kinds = Object.keys(LABEL_STYLE) as SimdrLabelKind[];
  const nearest = (kind: SimdrLabelKind) =>
    rows
      .filter((r) => r.label === kind)
      .reduce((a, b) => (Math.abs(b.shift - shift) < Math.abs(a.shift - shift) ? b : a));
  return plotChart(
    { width, document },
    {
      height: CHART_HEIGHT,
      ariaLabel: 'KL divergence against the prediction’s shift, for each label type',
      ariaDescription: `At a shift of ${fmt(shift)} px: ${kinds.map((k) => `${LABEL_NAMES[k]} ${fmt(nearest(k).kl)}`).join(', ')}.`,
      x: { label: 'Prediction shifted from the truth (input px) →' },
      y: { label: '↑ KL(label ‖ prediction)', grid: true, zero: true },
      marks: [
        ...kinds.map((kind) =>
          Plot.line(
            rows.filter((r) => r.label === kind),
            { x: 'shift', y: 'kl', ...seriesMark(LABEL_STYLE[kind]) },
          ),
        ),
        Plot.ruleX([shift], { className: 'current-rule', ariaHidden: 'true' }),
      ],
    },
  );
}

/** Per-axis quantisation error by representation, with each bound. */
export function quantisationChart(
  rows: QuantisationRow[],
  { width, document }: { width: number; document?: Document },
): Element {
  const data = rows.map((r) => ({ name: r.representation, bound: r.bound, ...r.perAxis }));
  return plotChart(
    { width, document },
    {
      height: CHART_HEIGHT,
      marginLeft: 110,
      ariaLabel: 'Per-axis quantisation error by representation',
      ariaDescription: rows
        .map((r) => `${r.representation}: mean ${fmt(r.perAxis.mean, 3)} px, bound ${fmt(r.bound, 3)}`)
        .join('; '),
      y: { domain: data.map((d) => d.name), label: null },
      x: { label: 'Per-axis error (input px) →', grid: true, domain: [0, 2.1] },
      marks: [
        Plot.ruleY(data, { y: 'name', x1: 'p5', x2: 'p95', className: 'decoder-quarter', ariaHidden: 'true' }),
        Plot.barX(data, {
          y: 'name',
          x1: 'p25',
          x2: 'p75',
          fill: 'currentColor',
          fillOpacity: 0.35,
          className: 'decoder-quarter',
          ariaHidden: 'true',
        }),
        Plot.tickX(data, {
          y: 'name',
          x: 'median',
          strokeWidth: 2.5,
          className: 'decoder-quarter',
          ariaHidden: 'true',
        }),
        Plot.tickX(data, { y: 'name', x: 'bound', strokeDasharray: '3 2', className: 'bound', ariaHidden: 'true' }),
      ],
    },
  );
}
