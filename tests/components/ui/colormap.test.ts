import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  colorize,
  DIVERGING,
  domainMiddle,
  domainOf,
  palettePosition,
  signedDomain,
} from '../../../src/components/ui/colormap.ts';

describe('domainOf(values)', () => {
  it('spans the finite values, skipping NaN and infinities', () => {
    expect(domainOf([Number.NaN, -2, 5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toEqual([-2, 5]);
  });

  it('falls back to [0, 1] around a constant or empty map, and copes with a million values', () => {
    expect(domainOf([Number.NaN, Number.NaN])).toEqual([0, 1]);
    expect(domainOf([0.5, 0.5])).toEqual([0, 1]);
    const big = new Float32Array(1024 * 1024).map((_, i) => i % 1000);
    expect(domainOf(big)).toEqual([0, 999]);
  });
});

describe('signedDomain(values) and palettePosition(value, domain, palette)', () => {
  it('scales each side of a diverging map to its own end, 0 at the white middle', () => {
    const domain = signedDomain([-0.02, 0.001, 0.004, 0]);
    expect(domain).toEqual([-0.02, 0.004]);
    expect(palettePosition(-0.02, domain, 'diverging')).toBe(0);
    expect(palettePosition(0, domain, 'diverging')).toBe(0.5);
    expect(palettePosition(0.004, domain, 'diverging')).toBe(1);
    // The small side is as saturated as the large one at its own end.
    expect(palettePosition(0.002, domain, 'diverging')).toBeCloseTo(0.75, 12);
    expect(palettePosition(-0.01, domain, 'diverging')).toBeCloseTo(0.25, 12);
    expect(domainMiddle(domain)).toBe(0);
  });

  it('is linear for a symmetric domain and for other palettes', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (v) => {
        expect(palettePosition(v, [-5, 5], 'diverging')).toBeCloseTo((v + 5) / 10, 12);
        expect(palettePosition(v, [-1, 4], 'viridis')).toBeCloseTo((v + 1) / 5, 12);
      }),
    );
  });

  it('gives one-signed and empty maps a side near white, and colours them accordingly', () => {
    expect(signedDomain([0, 0])).toEqual([-1, 1]);
    const [lo, hi] = signedDomain([0.5, 2]);
    expect(hi).toBe(2);
    expect(lo).toBeCloseTo(-2e-6, 12);
    expect(signedDomain([Number.NaN, -3, Number.POSITIVE_INFINITY])).toEqual([-3, 3e-6]);
    // colorize follows palettePosition: the small positive end is the palette's darkest blue.
    const rgba = colorize([0.004, -0.02], [-0.02, 0.004], undefined, 'diverging');
    expect([...rgba.slice(0, 3)]).toEqual([...DIVERGING.slice(255 * 3, 255 * 3 + 3)]);
    expect([...rgba.slice(4, 7)]).toEqual([...DIVERGING.slice(0, 3)]);
  });
});
