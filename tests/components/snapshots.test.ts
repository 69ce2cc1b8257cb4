/**
 * SVG snapshots of the charts in fixed states: a change to what a chart draws shows up here
 * as a diff to review (update with `npx vitest run -u` when the change is intended).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildErrorDistributions, buildOffsetCurve, buildResolutionSweep, buildRowError } from '../../src/lib/index.ts';
import { errorDistributionsChart } from '../../src/components/figures/error-distributions/chart.ts';
import { offsetCurveChart } from '../../src/components/figures/offset-curve/chart.ts';
import { resolutionChart } from '../../src/components/figures/resolution/chart.ts';
import { rowErrorChart } from '../../src/components/figures/row-error/chart.ts';

const doc = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

describe('chart snapshots', () => {
  it('row error at y = 101.5', async () => {
    const data = buildRowError({ y: 101.5, sigma: 2, target: 'unbiased', step: 2 });
    const svg = rowErrorChart(data, { width: 480, current: { x: 50, error: 2.5 }, document: doc() }).outerHTML;
    await expect(svg).toMatchFileSnapshot('./__snapshots__/row-error.svg');
  });

  it('offset curve at (101.3, 100), biased', async () => {
    const data = buildOffsetCurve({ keypoint: { x: 101.3, y: 100 }, sigma: 2, target: 'biased', steps: 16 });
    await expect(offsetCurveChart(data, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      './__snapshots__/offset-curve.svg',
    );
  });

  it('error distributions, 200 samples', async () => {
    const data = buildErrorDistributions({ target: 'unbiased', samples: 200 });
    await expect(errorDistributionsChart(data, { width: 720, document: doc() }).outerHTML).toMatchFileSnapshot(
      './__snapshots__/error-distributions.svg',
    );
  });

  it('resolution sweep, 200 samples', async () => {
    const data = buildResolutionSweep({ target: 'unbiased', samples: 200 });
    await expect(resolutionChart(data, { width: 600, document: doc() }).outerHTML).toMatchFileSnapshot(
      './__snapshots__/resolution.svg',
    );
  });
});
