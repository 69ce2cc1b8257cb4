/**
 * SVG snapshots of the charts in fixed states: a change to what a chart draws shows up here
 * as a diff to review (update with `npx vitest run -u` when the change is intended).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  buildErrorDistributions,
  buildKlCurves,
  buildOffsetCurve,
  buildQuantisationComparison,
  buildResolutionSweep,
  buildRowError,
  regulariserCurve,
  softArgmaxBias,
} from '../../../src/lib/index.ts';
import { lossChart, lossData } from '../../../src/components/figures/dekr/loss-view.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { ch7 } from '../../../src/components/state/ch7.ts';
import { biasChart, regulariserChart } from '../../../src/components/figures/dsnt/charts.ts';
import { klChart, quantisationChart } from '../../../src/components/figures/simdr/charts.ts';
import { errorDistributionsChart } from '../../../src/components/figures/error-distributions/chart.ts';
import { offsetCurveChart } from '../../../src/components/figures/offset-curve/chart.ts';
import { resolutionChart } from '../../../src/components/figures/resolution/chart.ts';
import { rowErrorChart } from '../../../src/components/figures/row-error/chart.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('chart snapshots', () => {
  it('row error at y = 101.5', async () => {
    const data = buildRowError({ y: 101.5, sigma: 2, target: 'unbiased', step: 2 });
    const svg = rowErrorChart(data, { width: 480, current: { x: 50, error: 2.5 }, document: doc() }).outerHTML;
    await expect(svg).toMatchFileSnapshot('../__snapshots__/row-error.svg');
  });

  it('offset curve at (101.3, 100), biased', async () => {
    const data = buildOffsetCurve({ keypoint: { x: 101.3, y: 100 }, sigma: 2, target: 'biased', steps: 16 });
    await expect(offsetCurveChart(data, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/offset-curve.svg',
    );
  });

  it('error distributions, 200 samples', async () => {
    const data = buildErrorDistributions({ target: 'unbiased', samples: 200 });
    await expect(errorDistributionsChart(data, { width: 720, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/error-distributions.svg',
    );
  });

  it('resolution sweep, 200 samples', async () => {
    const data = buildResolutionSweep({ target: 'unbiased', samples: 200 });
    await expect(resolutionChart(data, { width: 600, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/resolution.svg',
    );
  });

  it('DSNT regularisers along the path to the target, t = 0.3', async () => {
    const curve = regulariserCurve(
      { peaks: [{ x: 5.3, y: 8.6, amplitude: 6 }], beta: 1, target: { x: 7, y: 8 }, sigmaT: 1 },
      10,
    );
    await expect(regulariserChart(curve, 0.3, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/dsnt-regularisers.svg',
    );
  });

  it('soft-argmax bias at β = 1', async () => {
    const rows = softArgmaxBias({ beta: 1, amplitude: 6, steps: 16 });
    await expect(biasChart(rows, 5.3, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/dsnt-bias.svg',
    );
  });

  it('SimDR KL curves, k = 2, σ = 6', async () => {
    const rows = buildKlCurves({ x: 101.37, k: 2, sigma: 6, epsilon: 0.1, width: 2, steps: 17 });
    await expect(klChart(rows, 1.5, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/simdr-kl.svg',
    );
  });

  it('SimDR quantisation against the heatmap, 300 samples', async () => {
    const rows = buildQuantisationComparison({ samples: 300 });
    await expect(quantisationChart(rows, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/simdr-quantisation.svg',
    );
  });

  it('DEKR offset loss against height, 5 px on 40 and 240 px people', async () => {
    const d = lossData({ ...defaultsOf(ch7), small: 40, large: 240, err: 5 });
    await expect(lossChart(d, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../__snapshots__/dekr-loss.svg',
    );
  });
});
