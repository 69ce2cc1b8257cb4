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
