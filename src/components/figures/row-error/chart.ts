/**
 * The row-error chart, drawn by Observable Plot: the same function renders the build-time
 * SVG (with a server-side document) and every update in the browser. Colours come from the
 * site's CSS through class names, so the chart follows light and dark mode.
 */
import * as Plot from '@observablehq/plot';
import { plotChart } from '../../ui/plot.ts';
import type { RowErrorData } from '../../../lib/index.ts';
import { fmt } from '../../ui/format.ts';

export interface RowErrorChartOptions {
  width: number;
  /** The reader's keypoint: its x and its current error. */
  current: { x: number; error: number };
  document?: Document;
}

export const CHART_HEIGHT = 220;

export function rowErrorChart(
  data: RowErrorData,
  { width, current, document }: RowErrorChartOptions,
): SVGSVGElement | HTMLElement {
  const top = Math.max(data.diagonal, ...data.samples.map((s) => s.error)) * 1.1;
  const right = (data.samples.at(-1)?.x ?? 0) + 1;
  // The chart's label and description speak for it; its marks are hidden from assistive tech.
  return plotChart(
    { width, document },
    {
      height: CHART_HEIGHT,
      marginRight: 36,
      ariaLabel: 'Argmax error along the keypoint’s row',
      ariaDescription: `Error of argmax in input pixels as the keypoint moves along the row; one tooth per heatmap cell, between 0 and ${fmt(data.diagonal)} px. The keypoint is at x ${fmt(current.x, 1)} with an error of ${fmt(current.error)} px.`,
      x: { domain: [0, right], label: 'Keypoint x on the crop (input px) →' },
      y: { domain: [0, top], label: '↑ Argmax error (input px)', grid: true, ticks: 5 },
      marks: [
        Plot.ruleY([data.halfStride, data.diagonal], {
          className: 'bound',
          strokeDasharray: '4 3',
          ariaHidden: 'true',
        }),
        Plot.text(
          [
            { x: right, y: data.halfStride, label: 'λ/2' },
            { x: right, y: data.diagonal, label: 'λ/√2' },
          ],
          { x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 4, className: 'bound-label', ariaHidden: 'true' },
        ),
        Plot.line(data.samples, { x: 'x', y: 'error', className: 'error-line', strokeWidth: 1.5, ariaHidden: 'true' }),
        Plot.ruleX([current.x], { className: 'current-rule', ariaHidden: 'true' }),
        Plot.dot([current], { x: 'x', y: 'error', r: 5, className: 'current-dot', ariaHidden: 'true' }),
      ],
    },
  );
}
