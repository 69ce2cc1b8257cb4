import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  buildDarkSteps,
  buildPixelGrid,
  buildQuarterShift,
  buildQuarterStrips,
  buildRowError,
} from '../../../src/lib/index.ts';
import { darkStepperView } from '../../../src/components/figures/dark-stepper/view.ts';
import { quarterView } from '../../../src/components/figures/quarter-shift/view.ts';
import { pixelGridAnnouncement, pixelGridView } from '../../../src/components/figures/pixel-grid/view.ts';
import { rowErrorChart } from '../../../src/components/figures/row-error/chart.ts';

describe('pixelGridView(data)', () => {
  const data = buildPixelGrid({ keypoint: { x: 141.3, y: 109.6 }, sigma: 2, target: 'unbiased' });
  const view = pixelGridView(data);

  it('places the handle on the keypoint and the cell square around the argmax cell', () => {
    expect(view.attrs.handle).toEqual({ transform: 'translate(141.300 109.600)' });
    expect(view.attrs['hm-cell']).toEqual({ x: '34.500', y: '26.500' });
    expect(view.attrs['crop-cell']).toMatchObject({ x: '138.000', y: '106.000', width: '4.00' });
  });

  it('reports the numbers of the library, formatted', () => {
    expect(view.text['stat-cell']).toBe('(35, 27)');
    expect(view.text['stat-back']).toBe('(140.00, 108.00)');
    expect(view.text['stat-error']).toBe(`${data.error.toFixed(2)} px`);
    expect(pixelGridAnnouncement(data)).toMatch(
      /cell 35, 27\. Argmax maps back to x 140, y 108, an error of 2\.06 pixels/,
    );
  });
});

describe('rowErrorChart(data, options)', () => {
  it('renders a labelled SVG without the <style> element the CSP would refuse, marks hidden from assistive tech', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const data = buildRowError({ y: 100, sigma: 2, target: 'unbiased', step: 1 });
    const svg = rowErrorChart(data, { width: 600, current: { x: 50, error: 2 }, document });
    expect(svg.getAttribute('aria-label')).toBe('Argmax error along the keypoint’s row');
    expect(svg.getAttribute('aria-description')).toMatch(/x 50\.0 with an error of 2\.00 px/);
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelectorAll('.error-line path').length).toBe(1);
    for (const mark of ['bound', 'bound-label', 'error-line', 'current-rule', 'current-dot']) {
      expect(svg.querySelector(`.${mark}`)?.getAttribute('aria-hidden'), mark).toBe('true');
    }
  });
});

describe('darkStepperView(data, step, kernel)', () => {
  const data = buildDarkSteps({
    keypoint: { x: 15.3, y: 14.6 },
    sigma: 2,
    target: 'unbiased',
    noise: 0,
    secondPeak: 0,
    kernel: 11,
    seed: 1,
  });

  it('titles each step and reports the library’s derivatives', () => {
    const v = darkStepperView(data, 5, 11);
    expect(v.text['step-title']).toBe('Step 6 of 8: Gradient and Hessian');
    expect(v.text['term-dxx']).toBe(data.trace.step!.dxx.toFixed(4).replace('-', '−'));
    expect(v.attrs.root).toEqual({ 'data-step': 'derivatives' });
    expect(v.attrs['stencil-xp2']).toEqual({
      x: `${(data.trace.argmax.x + 1.5).toFixed(3)}`,
      y: `${(data.trace.argmax.y - 0.5).toFixed(3)}`,
    });
  });

  it('explains the border case instead of a Taylor step', () => {
    const edge = buildDarkSteps({
      keypoint: { x: 1.2, y: 14 },
      sigma: 2,
      target: 'unbiased',
      noise: 0,
      secondPeak: 0,
      kernel: 11,
      seed: 1,
    });
    expect(darkStepperView(edge, 6, 11).text['step-text']).toMatch(/skips the Taylor step/);
    expect(darkStepperView(edge, 6, 11).attrs.ellipse).toEqual({ visibility: 'hidden' });
  });
});

describe('quarterView(data, strips, offset)', () => {
  it('colours and labels the 25 window cells and reports each form', () => {
    const d = buildQuarterShift({ offset: { x: 0.3, y: 0.15 }, sigma: 2, target: 'unbiased' });
    const strips = buildQuarterStrips({ sigma: 2, target: 'unbiased', steps: 10 });
    const v = quarterView(d, strips, { u: 0.3, v: 0.15 });
    expect(Object.keys(v.attrs).filter((k) => k.startsWith('cell-text-'))).toHaveLength(25);
    expect(v.text['cell-text-12']).toBe(d.max.score.toFixed(2));
    expect(v.text['err-pa']).toBe(`${d.errors.perAxis.toFixed(2)} px`);
    expect(v.text['share-pa']).toMatch(/^helps on \d+% of the cell, hurts on \d+%$/);
  });
});
