import { describe, expect, it } from 'vitest';
import { buildErrorDistributions, DIST_MARGIN, runErrorSweep, summarize } from '../../../src/lib/index.ts';

describe('buildErrorDistributions({ target })', () => {
  const d = buildErrorDistributions({ target: 'unbiased', samples: 300 });

  it('keeps argmax’s per-axis error inside [0, λ/2) at every stride, and its mean near λ/4', () => {
    for (const row of d.byStride.filter((r) => r.decoder === 'argmax')) {
      expect(row.perAxis.max).toBeLessThanOrEqual(row.bound);
      expect(row.perAxis.mean / row.stride).toBeGreaterThan(0.2);
      expect(row.perAxis.mean / row.stride).toBeLessThan(0.3);
    }
  });

  it('has DARK beat argmax at every stride above 1 on unbiased targets', () => {
    for (const stride of [2, 4, 8]) {
      const mean = (id: string) => d.byStride.find((r) => r.stride === stride && r.decoder === id)!.euclidean.mean;
      expect(mean('dark')).toBeLessThan(mean('argmax'));
    }
  });

  it('is reproducible from its seed and covers every σ', () => {
    expect(buildErrorDistributions({ target: 'unbiased', samples: 300 })).toEqual(d);
    expect(new Set(d.bySigma.map((r) => r.sigma)).size).toBe(6);
  });

  it('keeps DARK within 0.001 px on clean targets of σ 1 to 3: no keypoint near the zero-padded border', () => {
    for (const row of d.bySigma.filter((r) => r.decoder === 'dark' && r.sigma >= 1)) {
      expect(row.euclidean.mean, `σ ${row.sigma}`).toBeLessThan(0.001);
    }
  });
});

describe('DIST_MARGIN', () => {
  // Why the margin is 6: nearer the edge, DARK's zero-padded blur biases it, the more the wider σ.
  const darkMean = (sigma: number, margin: number) =>
    summarize(
      runErrorSweep({
        heatmapW: 48,
        heatmapH: 64,
        stride: 4,
        sigma,
        target: 'unbiased',
        noise: 0,
        samples: 300,
        seed: 2020,
        decoders: ['dark'],
        margin,
      }).errors.dark!,
    ).mean;

  it('at 3 cells DARK’s error grows with σ; at DIST_MARGIN it does not', () => {
    expect(darkMean(3, 3)).toBeGreaterThan(10 * darkMean(1, 3));
    expect(darkMean(3, 3)).toBeGreaterThan(0.01);
    expect(darkMean(3, DIST_MARGIN)).toBeLessThan(0.001);
  });
});
