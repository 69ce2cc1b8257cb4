import { describe, expect, it } from 'vitest';
import { buildResolutionSweep, RESOLUTIONS } from '../../../../src/lib/index.ts';
import { CHART_HEIGHT, resolutionChart } from '../../../../src/components/figures/resolution/chart.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { aria, doc, frame } from '../chart-doc.ts';

const data = buildResolutionSweep({ target: 'unbiased', samples: 200 });

describe('resolutionChart(data, frame)', () => {
  it('states every decoder’s mean error at each resolution', () => {
    const chart = resolutionChart(data, frame());
    expect(aria(chart).label).toBe('Mean error against input resolution');
    for (const r of data.rows) expect(aria(chart).description).toContain(fmt(r.error.mean, 2));
    expect(aria(chart).description).toMatch(
      /^Mean error in pixels of the 256×192 frame, unbiased targets, 200 keypoints/,
    );
  });

  it('draws one bar and one label per decoder and resolution, a facet per resolution', () => {
    const chart = resolutionChart(data, frame());
    for (const id of ['argmax', 'quarter', 'dark'])
      expect(chart.querySelectorAll(`g.decoder-${id} rect`), id).toHaveLength(RESOLUTIONS.length);
    expect(chart.querySelectorAll('g.bar-label text')).toHaveLength(data.rows.length);
    expect(chart.getAttribute('height')).toBe(String(CHART_HEIGHT));
  });

  it('draws 200 samples per resolution as pinned', async () => {
    await expect(resolutionChart(data, { width: 600, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/resolution.svg',
    );
  });
});
