import { describe, expect, it } from 'vitest';
import { regulariserAt, regulariserCurve, softArgmaxBias } from '../../../../src/lib/index.ts';
import { biasChart, regulariserChart, SMALL_CHART_HEIGHT } from '../../../../src/components/figures/dsnt/charts.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { aria, doc, frame } from '../chart-doc.ts';

const input = { peaks: [{ x: 5.3, y: 8.6, amplitude: 6 }], beta: 1, target: { x: 7, y: 8 }, sigmaT: 1 };
const curve = regulariserCurve(input, 10);
const rows = softArgmaxBias({ beta: 1, amplitude: 6, steps: 16 });

describe('regulariserChart(curve, here, frame)', () => {
  it('states both regularisers at t itself, as a share of their start', () => {
    const at = regulariserAt(input, 0.25);
    const chart = regulariserChart(curve, at, frame());
    expect(aria(chart).description).toBe(
      `Variance and JS regularisers relative to their starting values, as the map moves to the target; at t = 0.25 they are ${fmt((100 * at.varianceLoss) / curve[0]!.varianceLoss, 0)}% and ${fmt((100 * at.js) / curve[0]!.js, 0)}% of their start.`,
    );
  });

  it('draws both curves, each relative to its start, and a rule at t', () => {
    const chart = regulariserChart(curve, regulariserAt(input, 0.25), frame());
    expect(chart.querySelectorAll('g[aria-label="line"].decoder-quarter path')).toHaveLength(1);
    expect(chart.querySelectorAll('g[aria-label="line"].decoder-dark path')).toHaveLength(1);
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    expect(chart.getAttribute('height')).toBe(String(SMALL_CHART_HEIGHT));
  });

  it('draws the path at t = 0.3 as pinned', async () => {
    await expect(regulariserChart(curve, curve[3]!, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/dsnt-regularisers.svg',
    );
  });
});

describe('biasChart(rows, current, frame)', () => {
  it('states the largest error of the plain and the debiased expectation', () => {
    const chart = biasChart(rows, 5.3, frame());
    expect(aria(chart)).toEqual({
      label: 'Soft-argmax bias against the bump position',
      description: `Error of the plain expectation and of the debiased one, in cells, as one bump moves along the middle row. Largest: plain ${fmt(Math.max(...rows.map((r) => r.plain)))}, debiased ${fmt(Math.max(...rows.map((r) => r.debiased)))} cells.`,
    });
  });

  it('draws both curves and a rule at the bump', () => {
    const chart = biasChart(rows, 5.3, frame());
    expect(chart.querySelectorAll('g[aria-label="line"].decoder-softargmax path')).toHaveLength(1);
    expect(chart.querySelectorAll('g[aria-label="line"].decoder-dark path')).toHaveLength(1);
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
  });

  it('draws the bias at β = 1 as pinned', async () => {
    await expect(biasChart(rows, 5.3, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/dsnt-bias.svg',
    );
  });
});
