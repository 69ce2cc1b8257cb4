import { describe, expect, it } from 'vitest';
import { buildKlCurves, buildQuantisationComparison } from '../../../../src/lib/index.ts';
import {
  CHART_HEIGHT,
  klChart,
  LABEL_STYLE,
  quantisationChart,
} from '../../../../src/components/figures/simdr/charts.ts';
import { LABEL_NAMES } from '../../../../src/components/state/ch6.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { aria, doc, frame } from '../chart-doc.ts';

const kl = buildKlCurves({ x: 101.37, k: 2, sigma: 6, epsilon: 0.1, width: 2, steps: 17 });

describe('klChart(rows, shift, frame)', () => {
  it('states each label type’s KL at the sampled shift nearest the one set', () => {
    // 17 samples from −8 to 8: every 1 px, so 1.4 is nearest 1.
    const at1 = (label: keyof typeof LABEL_NAMES) => kl.find((r) => r.label === label && r.shift === 1)!.kl;
    expect(aria(klChart(kl, 1.4, frame())).description).toBe(
      `At a shift of 1.40 px: ${LABEL_NAMES.onehot} ${fmt(at1('onehot'))}, ${LABEL_NAMES.smooth} ${fmt(at1('smooth'))}, ${LABEL_NAMES.gauss} ${fmt(at1('gauss'))}.`,
    );
  });

  it('draws a line per label type in its style, and a rule at the shift', () => {
    const chart = klChart(kl, 1.4, frame());
    for (const style of Object.values(LABEL_STYLE)) {
      const line = chart.querySelector(`g[aria-label="line"].${style.className}`);
      expect(line?.querySelectorAll('path')).toHaveLength(1);
      expect(line?.getAttribute('stroke-dasharray') ?? 'none').toBe(style.dash);
    }
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    expect(chart.getAttribute('height')).toBe(String(CHART_HEIGHT));
  });

  it('draws k = 2, σ = 6 as pinned', async () => {
    await expect(klChart(kl, 1.5, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/simdr-kl.svg',
    );
  });
});

describe('quantisationChart(rows, frame)', () => {
  const rows = buildQuantisationComparison({ samples: 300 });

  it('states each representation’s mean per-axis error and bound, and draws a row for each', () => {
    const chart = quantisationChart(rows, frame());
    expect(aria(chart).description).toBe(
      rows.map((r) => `${r.representation}: mean ${fmt(r.perAxis.mean, 3)} px, bound ${fmt(r.bound, 3)}`).join('; '),
    );
    expect(chart.querySelectorAll('g.bound line')).toHaveLength(rows.length);
  });

  it('draws 300 samples against the heatmap as pinned', async () => {
    await expect(quantisationChart(rows, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/simdr-quantisation.svg',
    );
  });
});
