/** The build's server-side document, and a figure rendered as its page is built: charts at the build width. */
import { describe, expect, it } from 'vitest';
import { BUILD_WIDTH, renderWithCharts, serverDocument } from '../../../src/components/server/plot-document.ts';
import { defineSpec } from '../../../src/components/ui/figure.ts';
import { numberParam } from '../../../src/components/ui/params.ts';

describe('serverDocument()', () => {
  it('is an empty HTML document, a fresh one each time', () => {
    const doc = serverDocument();
    expect(doc.body.children).toHaveLength(0);
    expect(serverDocument()).not.toBe(doc);
  });
});

describe('renderWithCharts(spec, options)', () => {
  const spec = defineSpec({
    name: 'test',
    params: { n: numberParam({ default: 2, min: 0, max: 9, integer: true }) },
    charts: [
      {
        keys: ['n'],
        draw: (s, frame) => {
          const svg = frame.document!.createElement('svg');
          svg.setAttribute('data-drawn', `${frame.width} px, n ${s.n}`);
          return svg;
        },
      },
    ],
  });

  it(`draws the charts into a server-side document at ${BUILD_WIDTH} px`, () => {
    expect(renderWithCharts(spec).charts).toEqual({ chart: `<svg data-drawn="${BUILD_WIDTH} px, n 2"></svg>` });
  });

  it('takes another width and a state', () => {
    expect(renderWithCharts(spec, { width: 300, state: { n: 7 } }).charts.chart).toBe(
      '<svg data-drawn="300 px, n 7"></svg>',
    );
  });
});
