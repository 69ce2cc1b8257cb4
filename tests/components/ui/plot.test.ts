/** plotChart: the site's one way to draw a Plot chart, into a server-side document at build time. */
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { plotChart, seriesMark } from '../../../src/components/ui/plot.ts';
import { pageWith } from './dom.ts';

describe('plotChart(frame, options)', () => {
  const chart = () =>
    plotChart(
      { width: 333, document: pageWith('') },
      { height: 120, marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y' })] },
    );

  it("draws at the frame's width with the options' height, themed by the site's class", () => {
    const svg = chart();
    expect(svg.getAttribute('width')).toBe('333');
    expect(svg.getAttribute('height')).toBe('120');
    expect(svg.getAttribute('class')).toMatch(/(^| )plot( |$)/);
  });

  it('carries no style element (the CSP refuses inline styles) and a transparent background', () => {
    const svg = chart();
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.getAttribute('style')).toMatch(/background: ?transparent/);
  });

  it("lets the options override the site's defaults", () => {
    const svg = plotChart({ width: 200, document: pageWith('') }, { marginLeft: 0, width: 250, marks: [] });
    expect(svg.getAttribute('width')).toBe('250');
  });
});

describe('seriesMark(style)', () => {
  it("gives a series' mark its colour class and dash, 2 px wide, hidden from screen readers", () => {
    expect(seriesMark({ className: 'decoder-dark', dash: '1 0' })).toEqual({
      className: 'decoder-dark',
      strokeDasharray: '1 0',
      strokeWidth: 2,
      ariaHidden: 'true',
    });
  });

  it('draws a rule with those attributes', () => {
    const svg = plotChart(
      { width: 200, document: pageWith('') },
      { marks: [Plot.ruleX([1], seriesMark({ className: 'decoder-argmax', dash: '6 3' }))] },
    );
    const g = svg.querySelector('g.decoder-argmax')!;
    expect([g.getAttribute('stroke-dasharray'), g.getAttribute('stroke-width'), g.getAttribute('aria-hidden')]).toEqual(
      ['6 3', '2', 'true'],
    );
  });
});
