/** compactSvg: geometry to a hundredth of a pixel, everything else as it was. */
import { describe, expect, it } from 'vitest';
import { compactSvg } from '../../../src/components/server/compact-svg.ts';

describe('compactSvg(svg)', () => {
  it('rounds the geometry attributes’ numbers to two decimals', () => {
    const svg =
      '<g transform="translate(40,165.6216041523717)"><circle r="2.5" cy="175.23856418060123" cx="243.125" />' +
      '<path d="M81.667,180L290,122.484" /><line x1="-0.0049" x2="10.996" /></g>';
    expect(compactSvg(svg)).toBe(
      '<g transform="translate(40,165.62)"><circle r="2.5" cy="175.24" cx="243.13" />' +
        '<path d="M81.67,180L290,122.48" /><line x1="0" x2="11" /></g>',
    );
  });

  it('leaves text, labels, descriptions, ids and short numbers alone', () => {
    const svg =
      '<svg aria-description="scores from 0.2573 to 1.41321" aria-label="x 12.3456" viewBox="0 0 560 210">' +
      '<marker id="plot-marker-1" /><text y="0.71em">0.12345</text><circle cx="1.5" cy="-2.25" /></svg>';
    expect(compactSvg(svg)).toBe(svg);
  });
});
