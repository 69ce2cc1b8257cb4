import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { affineFrom, bilinearSample, buildAdaptiveConv, IDENTITY_AFFINE } from '../../../src/lib/index.ts';

const base = { scale: 1, rotation: 0, shear: 0, translation: [0, 0] as const, pixel: { x: 4, y: 4 }, w: 9, h: 9 };

describe('affineFrom({ scale, rotation, shear })', () => {
  it('is the identity at scale 1, rotation 0, shear 0, and a pure scale otherwise', () => {
    expect(affineFrom({ scale: 1, rotation: 0, shear: 0 })).toEqual([...IDENTITY_AFFINE]);
    expect(affineFrom({ scale: 2, rotation: 0, shear: 0 })).toEqual([2, 0, 0, 2]);
  });

  it('rotates without changing lengths (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (rotation) => {
        const [a, b, c, d] = affineFrom({ scale: 1, rotation, shear: 0 });
        return Math.abs(a * d - b * c - 1) < 1e-12 && Math.abs(a * a + c * c - 1) < 1e-12;
      }),
    );
  });
});

describe('buildAdaptiveConv(settings)', () => {
  it('leaves the taps on the regular grid with zero offsets at the identity', () => {
    const d = buildAdaptiveConv(base);
    expect(d.adapted).toEqual(d.regular);
    expect(Array.from(d.offsets).every((v) => v === 0)).toBe(true);
    // A tap on a pixel centre reads that pixel with weight 1.
    expect(d.taps[4]!.find((t) => t.weight === 1)).toMatchObject({ x: 4, y: 4, inside: true });
  });

  it('moves every tap by t, and offsets say the same in (dy, dx) layout', () => {
    const d = buildAdaptiveConv({ ...base, translation: [0.5, -1.25] });
    d.adapted.forEach((p, n) => {
      expect(p.x - d.regular[n]!.x).toBeCloseTo(-1.25, 12);
      expect(p.y - d.regular[n]!.y).toBeCloseTo(0.5, 12);
      expect(d.offsets[2 * n]).toBeCloseTo(0.5, 12);
      expect(d.offsets[2 * n + 1]).toBeCloseTo(-1.25, 12);
    });
  });

  it('reads each adapted tap as the bilinear sample of the library (weights sum to 1 inside the map)', () => {
    const d = buildAdaptiveConv({ ...base, scale: 1.6, rotation: 30, shear: 0.3, translation: [0.4, 0.7] });
    const f = { data: Float64Array.from({ length: 81 }, (_, i) => Math.sin(i)), c: 1, h: 9, w: 9 };
    d.adapted.forEach((p, n) => {
      const taps = d.taps[n]!;
      const viaTaps = taps.filter((t) => t.inside).reduce((s, t) => s + t.weight * f.data[t.y * 9 + t.x]!, 0);
      expect(viaTaps).toBeCloseTo(bilinearSample(f, 0, p.x, p.y), 12);
      if (taps.every((t) => t.inside)) expect(taps.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 12);
    });
  });
});
