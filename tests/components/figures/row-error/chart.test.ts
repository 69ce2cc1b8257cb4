import { describe, expect, it } from 'vitest';
import { buildRowError } from '../../../../src/lib/index.ts';
import { rowErrorChart } from '../../../../src/components/figures/row-error/chart.ts';
import { doc } from '../chart-doc.ts';

describe('rowErrorChart(data, options)', () => {
  it('renders a labelled SVG without the <style> element the CSP would refuse, marks hidden from assistive tech', () => {
    const data = buildRowError({ y: 100, sigma: 2, target: 'unbiased', step: 1 });
    const svg = rowErrorChart(data, { width: 600, current: { x: 50, error: 2 }, document: doc() });
    expect(svg.getAttribute('aria-label')).toBe('Argmax error along the keypoint’s row');
    expect(svg.getAttribute('aria-description')).toMatch(/x 50\.0 with an error of 2\.00 px/);
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelectorAll('.error-line path').length).toBe(1);
    for (const mark of ['bound', 'bound-label', 'error-line', 'current-rule', 'current-dot']) {
      expect(svg.querySelector(`.${mark}`)?.getAttribute('aria-hidden'), mark).toBe('true');
    }
  });

  it('draws the row at y = 101.5 as pinned', async () => {
    const data = buildRowError({ y: 101.5, sigma: 2, target: 'unbiased', step: 2 });
    const svg = rowErrorChart(data, { width: 480, current: { x: 50, error: 2.5 }, document: doc() }).outerHTML;
    await expect(svg).toMatchFileSnapshot('../../__snapshots__/row-error.svg');
  });
});
