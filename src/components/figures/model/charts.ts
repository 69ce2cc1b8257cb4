/**
 * Figure 8.2's charts, drawn by Observable Plot (build time and browser alike): the loss, the
 * held-out error over the whole run, and the held-out error of the last evaluations zoomed in,
 * where the tenths of a pixel between the decoders show.
 */
import * as Plot from '@observablehq/plot';
import { ticks } from 'd3';
import type { ChartFrame } from '../../ui/parts.ts';
import { fmt } from '../../ui/format.ts';
import { plotChart, seriesMark } from '../../ui/plot.ts';
import { latestErrors, type ErrorPoint, type LossPoint } from './progress.ts';

export const CHART_HEIGHT = 200;

/** Each method's dash, so that the lines differ by more than hue. */
export const METHOD_DASH: Record<string, string> = {
  argmax: 'none',
  quarter: '6 3',
  dark: '1 0',
  dsnt: '8 2 2 2',
  simdr: '2 2',
};

/** The decoder colour class of a method (global.css). */
export function methodClass(method: string): string {
  return method === 'dsnt' ? 'softargmax' : method === 'simdr' ? 'quarter2' : method;
}

/** Evaluations shown zoomed in: the latest, back to half the run (at least the last two). */
const ZOOM_FROM = 0.5;

/** Axis ticks as plain numbers: "0.5", "2", "150" (never "0.000000" or "150m"). */
const plain = (d: number): string => String(Number(d.toPrecision(3)));
/** Mantissas of a log axis's ticks, from sparse to dense. */
const LOG_MANTISSAS = [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 8], [1, 1.5, 2, 3, 4, 5, 6, 8]];

/**
 * Ticks for a log axis over [lo, hi]: the sparsest of 1, 10, 100…; 1, 2, 5, 10…; 1, 2, 3, 4…
 * that gives three to seven of them, else plain linear ticks (a range too narrow for a log axis's).
 */
function logTicks([lo, hi]: [number, number]): number[] {
  for (const mantissas of LOG_MANTISSAS) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of mantissas) {
        const v = Number((m * 10 ** e).toPrecision(3));
        if (v >= lo && v <= hi) out.push(v);
      }
    }
    if (out.length >= 3 && out.length <= 7) return out;
  }
  return ticks(lo, hi, 4);
}

/** A log axis's domain around `values` (positive), or `fallback` when there are none. */
function logDomain(values: readonly number[], fallback: [number, number]): [number, number] {
  const positive = values.filter((v) => v > 0);
  return positive.length ? [Math.min(...positive) / 1.1, Math.max(...positive) * 1.1] : fallback;
}

/** Step ticks: whole steps only. */
const steps = (d: number): string => (Number.isInteger(d) ? String(d) : '');

/** A note in the middle of an empty chart. */
const emptyNote = (text: string) =>
  Plot.text([text], { frameAnchor: 'middle', className: 'chart-empty', ariaHidden: 'true' });

/** One line per method, in the decoders' colours and dashes. */
function errorLines(errors: readonly ErrorPoint[]) {
  return [...new Set(errors.map((e) => e.method))].map((method) =>
    Plot.line(
      errors.filter((e) => e.method === method),
      {
        x: 'step',
        y: 'error',
        marker: 'dot',
        ...seriesMark({ className: `decoder-${methodClass(method)}`, dash: METHOD_DASH[method] ?? 'none' }),
      },
    ),
  );
}

/** The loss against the step, on a log scale. */
export function lossChart(losses: readonly LossPoint[], frame: ChartFrame): Element {
  const first = losses[0];
  const last = losses.at(-1);
  const domain = logDomain(
    losses.map((l) => l.loss),
    [0.5, 20],
  );
  return plotChart(frame, {
    height: CHART_HEIGHT,
    marginLeft: 46,
    ariaLabel: 'Training loss against step',
    ariaDescription:
      first && last
        ? `Loss ${fmt(first.loss, 3)} at step ${first.step}, ${fmt(last.loss, 3)} at step ${last.step}.`
        : 'No training yet.',
    x: { label: 'Step →', tickFormat: steps, ticks: 5, ...(losses.length > 1 ? {} : { domain: [0, 100] }) },
    y: {
      label: '↑ Loss (log scale)',
      type: 'log',
      grid: true,
      tickFormat: plain,
      domain,
      ticks: logTicks(domain),
    },
    marks: last
      ? [Plot.line(losses, { x: 'step', y: 'loss', className: 'loss-curve', ariaHidden: 'true' })]
      : [emptyNote('Train to see the loss')],
  });
}

/** The held-out error of each method against the step, on a log scale: the whole run. */
export function errorChart(errors: readonly ErrorPoint[], frame: ChartFrame): Element {
  const domain = logDomain(
    errors.map((e) => e.error),
    [1, 40],
  );
  return plotChart(frame, {
    height: CHART_HEIGHT,
    marginLeft: 46,
    ariaLabel: 'Held-out mean error against step, input pixels, log scale',
    ariaDescription: errors.length ? `Latest: ${latestErrors(errors)}.` : 'No evaluation yet.',
    x: { label: 'Step →', tickFormat: steps, ticks: 5, ...(errors.length > 3 ? {} : { domain: [0, 100] }) },
    y: {
      label: '↑ Held-out error, px (log scale)',
      type: 'log',
      grid: true,
      tickFormat: plain,
      domain,
      ticks: logTicks(domain),
    },
    marks: errors.length ? errorLines(errors) : [emptyNote('Evaluated every 25 steps')],
  });
}

/** The evaluations the zoomed chart shows: those from half the run on, at least the last two. */
export function zoomedEvaluations(errors: readonly ErrorPoint[]): ErrorPoint[] {
  const stepsSeen = [...new Set(errors.map((e) => e.step))];
  if (stepsSeen.length < 2) return [];
  const last = stepsSeen.at(-1) as number;
  const from = Math.min(stepsSeen.at(-2) as number, ZOOM_FROM * last);
  return errors.filter((e) => e.step >= from);
}

/** The held-out error of the last evaluations, zoomed in on a linear scale. */
export function zoomChart(errors: readonly ErrorPoint[], frame: ChartFrame): Element {
  const shown = zoomedEvaluations(errors);
  const values = shown.map((e) => e.error);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.05, 0.1 * (hi - lo));
  return plotChart(frame, {
    height: CHART_HEIGHT,
    marginLeft: 46,
    ariaLabel: 'Held-out mean error of the latest evaluations, input pixels, zoomed in',
    ariaDescription: shown.length
      ? `From step ${shown[0]?.step} on. Latest: ${latestErrors(errors)}.`
      : 'Shown once there are two evaluations.',
    x: { label: 'Step →', tickFormat: steps, ticks: 4, ...(shown.length ? {} : { domain: [0, 100] }) },
    y: {
      label: '↑ Error, px (latest, zoomed)',
      grid: true,
      tickFormat: plain,
      domain: shown.length ? [Math.max(0, lo - pad), hi + pad] : [0, 1],
    },
    marks: shown.length ? errorLines(shown) : [emptyNote('Zooms in after two evaluations')],
  });
}
