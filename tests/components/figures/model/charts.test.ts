/**
 * Figure 8.2's charts on a server-side document: the loss and the held-out error on log axes with
 * plain ticks, the zoom on the latest evaluations, and what a screen reader gets of each.
 */
import { describe, expect, it } from 'vitest';
import {
  CHART_HEIGHT,
  errorChart,
  lossChart,
  METHOD_DASH,
  methodClass,
  zoomChart,
  zoomedEvaluations,
} from '../../../../src/components/figures/model/charts.ts';
import type { ErrorPoint } from '../../../../src/components/figures/model/progress.ts';
import type { ChartFrame } from '../../../../src/components/ui/parts.ts';
import { METHOD_NAMES } from '../../../../src/lib/tf/names.ts';
import { pageWith } from '../../ui/dom.ts';

const frame = (): ChartFrame => ({ width: 480, document: pageWith('') });
type Chart = Element & { scale(name: 'x' | 'y'): { domain: number[]; type: string } };
const description = (chart: Element) => chart.getAttribute('aria-description');
/** The y axis's tick labels, as drawn. */
const yTicks = (chart: Element) =>
  [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);

const evaluations = (steps: number[]): ErrorPoint[] =>
  steps.flatMap((step) => [
    { step, method: 'argmax', error: 10 / (1 + step / 25) },
    { step, method: 'dark', error: 8 / (1 + step / 25) },
  ]);

describe('methodClass(method) and METHOD_DASH', () => {
  it("draws DSNT as the soft-argmax and SimDR in quarter2's colour, the others as themselves", () => {
    expect(METHOD_NAMES.map(methodClass)).toEqual(['argmax', 'quarter', 'dark', 'softargmax', 'quarter2']);
  });

  it('gives every method its own dash', () => {
    expect(new Set(METHOD_NAMES.map((m) => METHOD_DASH[m])).size).toBe(METHOD_NAMES.length);
  });
});

describe('lossChart(losses, frame)', () => {
  it('says there is no training yet, and notes it in the chart', () => {
    const chart = lossChart([], frame()) as Chart;
    expect(description(chart)).toBe('No training yet.');
    expect(chart.querySelector('g.chart-empty text')?.textContent).toBe('Train to see the loss');
    expect(chart.scale('y').domain).toEqual([0.5, 20]);
    expect(chart.scale('x').domain).toEqual([0, 100]);
    expect(chart.getAttribute('height')).toBe(String(CHART_HEIGHT));
  });

  it('draws the loss on a log axis padded by 10 %, with plain ticks, and says where it started and ended', () => {
    const losses = [
      { step: 1, loss: 2 },
      { step: 50, loss: 0.2 },
      { step: 100, loss: 0.02 },
    ];
    const chart = lossChart(losses, frame()) as Chart;
    expect(description(chart)).toBe('Loss 2.000 at step 1, 0.020 at step 100.');
    expect(chart.scale('y').type).toBe('log');
    const [lo, hi] = chart.scale('y').domain;
    expect(lo).toBeCloseTo(0.02 / 1.1, 12);
    expect(hi).toBeCloseTo(2 * 1.1, 12);
    // 1, 10, 100… gives two ticks here (0.1 and 1), too few: then 1, 2, 5 of each decade.
    expect(yTicks(chart)).toEqual(['0.02', '0.05', '0.1', '0.2', '0.5', '1', '2']);
    expect(chart.querySelectorAll('g.loss-curve path')).toHaveLength(1);
  });
});

describe('errorChart(errors, frame)', () => {
  it('draws a line per method with the latest errors in its description', () => {
    const chart = errorChart(evaluations([25, 50, 75, 100]), frame());
    expect(description(chart)).toBe('Latest: argmax 2.00 px, DARK 1.60 px.');
    expect(chart.querySelectorAll('g.decoder-argmax')).toHaveLength(1);
    expect(chart.querySelectorAll('g.decoder-dark')).toHaveLength(1);
  });

  it('says there is no evaluation yet', () => {
    expect(description(errorChart([], frame()))).toBe('No evaluation yet.');
  });
});

describe('zoomedEvaluations(errors)', () => {
  it('keeps the evaluations from half the run on, and at least the last two', () => {
    expect(zoomedEvaluations(evaluations([25])).map((e) => e.step)).toEqual([]);
    expect([...new Set(zoomedEvaluations(evaluations([25, 50, 75, 100])).map((e) => e.step))]).toEqual([50, 75, 100]);
    expect([...new Set(zoomedEvaluations(evaluations([10, 200])).map((e) => e.step))]).toEqual([10, 200]);
  });
});

describe('zoomChart(errors, frame)', () => {
  it('zooms on the latest evaluations, padded by a tenth of their range (at least 0.05 px)', () => {
    const errors = evaluations([25, 50, 75, 100]);
    const chart = zoomChart(errors, frame()) as Chart;
    expect(description(chart)).toBe('From step 50 on. Latest: argmax 2.00 px, DARK 1.60 px.');
    // From 1.6 (DARK at 100) to 10 / 3 (argmax at 50): padded by a tenth of the range.
    const pad = 0.1 * (10 / 3 - 1.6);
    const [lo, hi] = chart.scale('y').domain;
    expect(lo).toBeCloseTo(1.6 - pad, 12);
    expect(hi).toBeCloseTo(10 / 3 + pad, 12);
  });

  it('waits for two evaluations', () => {
    const chart = zoomChart(evaluations([25]), frame()) as Chart;
    expect(description(chart)).toBe('Shown once there are two evaluations.');
    expect(chart.scale('y').domain).toEqual([0, 1]);
  });
});
