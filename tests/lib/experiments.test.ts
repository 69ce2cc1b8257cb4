import { describe, expect, it } from 'vitest';
import { runErrorSweep, runOffsetSweep, summarizeSweep } from '../../src/lib/index.ts';

const base = {
  heatmapW: 48,
  heatmapH: 64,
  stride: 4,
  sigma: 2,
  noise: 0,
  samples: 400,
  seed: 1,
  decoders: ['argmax', 'quarter', 'dark'],
} as const;

describe('runErrorSweep(config)', () => {
  it('is reproducible from its seed', () => {
    const a = runErrorSweep({ ...base, target: 'unbiased' });
    const b = runErrorSweep({ ...base, target: 'unbiased' });
    expect(Array.from(a.errors.dark!)).toEqual(Array.from(b.errors.dark!));
  });

  it('argmax errs by at most λ/√2 (λ/2 per axis) and by about 0.38λ on average on clean maps', () => {
    const s = summarizeSweep(runErrorSweep({ ...base, target: 'unbiased', margin: 3 }));
    expect(s.argmax!.max).toBeLessThanOrEqual(4 * Math.SQRT1_2 + 1e-9);
    // E‖u‖ for u uniform on the unit square centred at 0 is ≈ 0.3826.
    expect(s.argmax!.mean / 4).toBeGreaterThan(0.34);
    expect(s.argmax!.mean / 4).toBeLessThan(0.42);
  });

  it('orders the decoders DARK < quarter < argmax on unbiased targets, and DARK cannot beat encoding on biased ones', () => {
    const u = summarizeSweep(runErrorSweep({ ...base, target: 'unbiased', margin: 8 }));
    expect(u.dark!.mean).toBeLessThan(u.quarter!.mean);
    expect(u.quarter!.mean).toBeLessThan(u.argmax!.mean);
    const b = summarizeSweep(runErrorSweep({ ...base, target: 'biased', margin: 8 }));
    expect(b.dark!.mean).toBeGreaterThan(0.3 * 4);
  });

  it("noise raises every decoder's error", () => {
    const clean = summarizeSweep(runErrorSweep({ ...base, target: 'unbiased', margin: 8 }));
    const noisy = summarizeSweep(runErrorSweep({ ...base, target: 'unbiased', margin: 8, noise: 0.1 }));
    expect(noisy.dark!.mean).toBeGreaterThan(clean.dark!.mean);
  });
});

describe('runOffsetSweep(config)', () => {
  it('traces argmax error |dx|·λ across one cell along x', () => {
    const samples = runOffsetSweep({ ...base, target: 'unbiased', cell: { x: 20, y: 30 }, steps: 10, mode: 'x' });
    expect(samples).toHaveLength(10);
    for (const s of samples) {
      // at dx = -0.5 argmax may snap to either neighbour: the error is 0.5λ both ways
      expect(s.errors.argmax).toBeCloseTo(4 * Math.abs(s.dx), 9);
    }
  });

  it('covers the cell in a steps × steps grid', () => {
    expect(runOffsetSweep({ ...base, target: 'biased', cell: { x: 20, y: 30 }, steps: 4, mode: 'grid' })).toHaveLength(
      16,
    );
  });
});
