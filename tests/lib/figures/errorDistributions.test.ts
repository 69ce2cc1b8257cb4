import { describe, expect, it } from 'vitest';
import { buildErrorDistributions } from '../../../src/lib/index.ts';

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
});
