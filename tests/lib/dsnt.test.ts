import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  debiasedSoftArgmax,
  dsntDecode,
  dsntExpectation,
  euclideanLoss,
  euclideanLossGradient,
  jsDivergence,
  jsDivergenceMap,
  klDivergence,
  normalizedAxis,
  normalizedGrids,
  softmaxMap,
  targetGaussian,
  toNormalized,
} from '../../src/lib/index.ts';

describe('dsntExpectation(p, w, h)', () => {
  it('returns the grid value of the pixel of a one-hot map (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (w, h, seed) => {
        const i = seed % (w * h);
        const p = new Float64Array(w * h);
        p[i] = 1;
        const mu = dsntExpectation(p, w, h);
        return mu.x === toNormalized(i % w, w) && mu.y === toNormalized(Math.floor(i / w), h);
      }),
    );
  });
});

describe('softmaxMap(z, β)', () => {
  it('sums to 1 and sharpens as β grows', () => {
    const z = Float64Array.of(0, 1, 2, 3);
    const soft = softmaxMap(z, 0.5);
    const sharp = softmaxMap(z, 10);
    expect(soft.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(sharp[3]!).toBeGreaterThan(soft[3]!);
  });

  it('does not overflow for large logits', () => {
    const p = softmaxMap(Float64Array.of(1000, 1001), 50);
    expect(Number.isFinite(p[0]!)).toBe(true);
  });
});

describe('soft-argmax bias', () => {
  const w = 16;
  const h = 16;
  // A unit-height bump near the left border on zero background.
  const logits = new Float64Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) logits[y * w + x] = 6 * Math.exp(-((x - 2.3) ** 2 + (y - 8) ** 2) / 2);

  it('pulls the expectation toward the centre when β is small', () => {
    const low = dsntDecode(logits, w, h, 0.5).point;
    const high = dsntDecode(logits, w, h, 3).point;
    expect(low.x).toBeGreaterThan(high.x);
    expect(low.x - 2.3).toBeGreaterThan(1);
  });

  it('the debiased estimate removes most of the pull', () => {
    const plain = dsntDecode(logits, w, h, 1).point;
    const fixed = debiasedSoftArgmax(logits, w, h, 1);
    expect(fixed.c).toBeGreaterThan(1);
    expect(Math.abs(fixed.point.x - 2.3)).toBeLessThan(Math.abs(plain.x - 2.3) / 3);
  });
});

describe('euclideanLossGradient(z, w, h, β, t)', () => {
  it('matches finite differences of the loss', () => {
    const w = 5;
    const h = 4;
    const z = Float64Array.from({ length: w * h }, (_, i) => Math.sin(i));
    const t = { x: 0.3, y: -0.2 };
    const loss = (zz: Float64Array): number => euclideanLoss(dsntDecode(zz, w, h, 2).normalized, t);
    const g = euclideanLossGradient(z, w, h, 2, t);
    for (const i of [0, 7, 19]) {
      const up = Float64Array.from(z);
      const down = Float64Array.from(z);
      up[i]! += 1e-6;
      down[i]! -= 1e-6;
      expect(g[i]!).toBeCloseTo((loss(up) - loss(down)) / 2e-6, 6);
    }
  });
});

describe('divergences', () => {
  it('KL and JS are zero for identical maps and JS ≤ ln 2', () => {
    const q = targetGaussian({ x: 0.1, y: -0.3 }, 12, 16, 2);
    expect(klDivergence(q, q)).toBeCloseTo(0, 12);
    expect(jsDivergence(q, q)).toBeCloseTo(0, 12);
    const far = targetGaussian({ x: -0.9, y: 0.9 }, 12, 16, 1);
    expect(jsDivergence(q, far)).toBeLessThanOrEqual(Math.LN2);
  });

  it('jsDivergenceMap sums to jsDivergence', () => {
    const p = softmaxMap(
      Float64Array.from({ length: 48 }, (_, i) => Math.cos(i)),
      1,
    );
    const q = targetGaussian({ x: 0, y: 0 }, 6, 8, 1.5);
    expect(jsDivergenceMap(p, q).reduce((a, b) => a + b, 0)).toBeCloseTo(jsDivergence(p, q), 12);
  });

  it('normalizedAxis(n) is symmetric about 0', () => {
    const a = normalizedAxis(7);
    expect(a[3]).toBe(0);
    expect(a[0]).toBeCloseTo(-a[6]!, 15);
  });
});

describe('normalizedGrids(w, h)', () => {
  it('holds each cell’s normalised column in X and row in Y', () => {
    const { X, Y } = normalizedGrids(4, 2);
    expect(Array.from(X)).toEqual([-0.75, -0.25, 0.25, 0.75, -0.75, -0.25, 0.25, 0.75]);
    expect(Array.from(Y)).toEqual([-0.5, -0.5, -0.5, -0.5, 0.5, 0.5, 0.5, 0.5]);
  });
});
