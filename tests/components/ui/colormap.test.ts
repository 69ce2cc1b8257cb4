import { describe, expect, it } from 'vitest';
import { domainOf } from '../../../src/components/ui/colormap.ts';

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
