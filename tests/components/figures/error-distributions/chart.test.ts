import { describe, expect, it } from 'vitest';
import { buildErrorDistributions } from '../../../../src/lib/index.ts';
import { errorDistributionsChart } from '../../../../src/components/figures/error-distributions/chart.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { aria, doc } from '../chart-doc.ts';

const data = buildErrorDistributions({ target: 'unbiased', samples: 200 });
const panels = (width: number) => [...errorDistributionsChart(data, { width, document: doc() }).children];

describe('errorDistributionsChart(data, frame)', () => {
  it('puts the two panels side by side from 640 px, each half the width less the gap, and stacks them below', () => {
    expect(panels(720).map((p) => p.getAttribute('width'))).toEqual([String((720 - 24) / 2), String((720 - 24) / 2)]);
    expect(panels(600).map((p) => p.getAttribute('width'))).toEqual(['600', '600']);
  });

  it('states argmax’s mean per-axis error at each stride, and each decoder’s mean error across σ', () => {
    const [strides, sigmas] = panels(720);
    const argmax = data.byStride.filter((r) => r.decoder === 'argmax');
    expect(aria(strides!).description).toBe(
      `Per-axis error in input pixels, 200 keypoints per stride, unbiased targets. Argmax's mean: ${argmax.map((r) => `stride ${r.stride} ${fmt(r.perAxis.mean)} px (bound ${fmt(r.stride / 2, 1)})`).join(', ')}.`,
    );
    const dark = data.bySigma.filter((r) => r.decoder === 'dark');
    expect(aria(sigmas!).description).toContain(
      `DARK from ${fmt(dark[0]!.euclidean.mean)} to ${fmt(dark.at(-1)!.euclidean.mean)} px`,
    );
  });

  it('draws 200 samples per setting as pinned', async () => {
    await expect(errorDistributionsChart(data, { width: 720, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/error-distributions.svg',
    );
  });
});
