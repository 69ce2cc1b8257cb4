/**
 * The one way the site draws an Observable Plot chart: transparent background, the `plot`
 * class its stylesheet themes (light and dark), the default left margin, and no `<style>`
 * element (the CSP refuses inline styles; global.css styles charts). Works at build time
 * (`frame.document` is a server-side DOM) and in the browser alike.
 */
import * as Plot from '@observablehq/plot';
import type { ChartFrame } from './parts.ts';

export function plotChart(frame: ChartFrame, options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  const chart = Plot.plot({
    ...(frame.document ? { document: frame.document } : {}),
    width: frame.width,
    className: 'plot',
    marginLeft: 40,
    style: { background: 'transparent' },
    ...options,
  });
  chart.querySelector('style')?.remove();
  return chart;
}

/** How a chart draws one series: a colour class (global.css) and a dash pattern. */
export interface SeriesStyle {
  className: string;
  dash: string;
}

/**
 * A series' mark options (a line, a rule): its colour class and dash, 2 px wide, hidden from
 * screen readers (the chart's description says what it shows). Spread into the mark's options.
 */
export function seriesMark({ className, dash }: SeriesStyle) {
  return { className, strokeDasharray: dash, strokeWidth: 2, ariaHidden: 'true' } as const;
}
