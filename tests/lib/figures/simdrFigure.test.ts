import { describe, expect, it } from 'vitest';
import {
  buildKlCurves,
  buildQuantisationComparison,
  buildSimdrFigure,
  memoryTable,
  predictionLogits,
} from '../../../src/lib/index.ts';

describe('buildSimdrFigure({ keypoint, k, label })', () => {
  it('has k·w and k·h bins and decodes within 1/(2k) per axis', () => {
    for (const k of [1, 2, 3, 4]) {
      for (const label of ['onehot', 'smooth', 'gauss'] as const) {
        const d = buildSimdrFigure({ keypoint: { x: 101.37, y: 143.82 }, k, label, sigma: 2, epsilon: 0.1 });
        expect(d.bins).toEqual({ x: 192 * k, y: 256 * k });
        expect(Math.abs(d.decoded.x - 101.37)).toBeLessThanOrEqual(d.bound + 1e-12);
        expect(Math.abs(d.decoded.y - 143.82)).toBeLessThanOrEqual(d.bound + 1e-12);
      }
    }
  });

  it('reports the memory per keypoint: k(w + h) against W·H', () => {
    const d = buildSimdrFigure({ keypoint: { x: 10, y: 10 }, k: 2, label: 'gauss', sigma: 2, epsilon: 0 });
    expect(d.size).toEqual({ heatmap: 48 * 64, simdr: 2 * (192 + 256) });
  });
});

describe('buildQuantisationComparison()', () => {
  it('keeps every representation inside its bound, SimDR at k ≥ 1 far inside the heatmap’s', () => {
    const rows = buildQuantisationComparison({ samples: 800 });
    for (const r of rows) expect(r.perAxis.max).toBeLessThanOrEqual(r.bound + 1e-12);
    const heatmap = rows[0]!;
    const k2 = rows.find((r) => r.representation === 'SimDR, k = 2')!;
    expect(k2.perAxis.mean).toBeLessThan(heatmap.perAxis.mean / 4);
    expect(k2.perAxis.mean).toBeCloseTo(k2.bound / 2, 1);
  });
});

describe('buildKlCurves(settings)', () => {
  const rows = buildKlCurves({ x: 101.37, k: 2, sigma: 6, epsilon: 0.1, width: 2, steps: 17 });
  const at = (shift: number, label: string) =>
    rows.find((r) => Math.abs(r.shift - shift) < 1e-9 && r.label === label)!.kl;

  it('is smallest at zero shift for every label', () => {
    for (const label of ['onehot', 'smooth', 'gauss']) expect(at(0, label)).toBeLessThan(at(4, label));
  });

  it('charges a confident one-hot miss of 3 px as much as one of 8 px, while a Gaussian label grades them', () => {
    expect(at(3, 'onehot') / at(8, 'onehot')).toBeGreaterThan(0.97);
    expect(at(3, 'gauss') / at(8, 'gauss')).toBeLessThan(0.8);
    // A 2 px miss barely costs more than a hit under the Gaussian label.
    expect(at(2, 'gauss') - at(0, 'gauss')).toBeLessThan(0.25 * (at(8, 'gauss') - at(0, 'gauss')));
  });

  it('predictionLogits is a bump of the given height at k·centre over a flat background', () => {
    const z = predictionLogits(10.25, 32, 4, 2);
    expect(z.indexOf(Math.max(...z))).toBe(41);
    expect(Math.max(...z)).toBeCloseTo(10, 12);
    expect(z[0]).toBeLessThan(1e-6);
  });
});

describe('memoryTable(k)', () => {
  it('grows like the area for heatmaps and like the perimeter for SimDR', () => {
    const t = memoryTable(2);
    expect(t[0]).toEqual({ input: '64×64', heatmap: 256, simdr: 256, ratio: 1 });
    expect(t[2]).toMatchObject({ input: '256×192', heatmap: 3072, simdr: 896 });
    expect(t[2]!.ratio).toBeCloseTo(3072 / 896, 12);
  });
});
