import { describe, expect, it } from 'vitest';
import { blurAt, blurMap, gaussianKernel, kernelStd, opencvSigma } from '../../src/lib/index.ts';
import { createRandom } from '../../src/lib/index.ts';
import { expectClose } from './approx.ts';

describe('gaussianKernel(k)', () => {
  it('sums to 1 and is symmetric for every odd k up to 31', () => {
    for (let k = 1; k <= 31; k += 2) {
      const g = gaussianKernel(k);
      expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Array.from(g)).toEqual(Array.from(g).reverse());
    }
  });

  it('uses σ = 0.3((k-1)/2 - 1) + 0.8 beyond the tables', () => {
    const g = gaussianKernel(13);
    const s = opencvSigma(13);
    expect(g[6]! / g[7]!).toBeCloseTo(Math.exp(1 / (2 * s * s)), 12);
  });

  it('refuses even or non-integer sizes', () => {
    expect(() => gaussianKernel(4)).toThrow(RangeError);
    expect(() => gaussianKernel(2.5)).toThrow(RangeError);
  });
});

describe('blurMap and blurAt', () => {
  it('blurAt equals blurMap at every pixel, borders included (zero padding)', () => {
    const r = createRandom(5);
    const map = { data: Float32Array.from({ length: 12 * 9 }, () => r.next()), w: 12, h: 9 };
    for (const k of [3, 7, 11]) {
      const full = blurMap(map, k);
      const point = Array.from({ length: 108 }, (_, i) => blurAt(map, gaussianKernel(k), i % 12, Math.floor(i / 12)));
      expectClose(full, point, 1e-6, { label: `k=${k}` });
    }
  });

  it('a single pixel blurs into the outer product of the kernel with itself', () => {
    const data = new Float32Array(81);
    data[40] = 1;
    const g = gaussianKernel(5);
    const b = blurMap({ data, w: 9, h: 9 }, 5);
    expect(b[40]).toBeCloseTo(g[2]! * g[2]!, 7);
    expect(b[40 + 1 + 9]).toBeCloseTo(g[3]! * g[3]!, 7);
    expect(b[40 + 3]).toBe(0);
  });
});

describe('kernelStd(k)', () => {
  it('is √(k−1)/2 for the binomial tables and near OpenCV’s σ for larger kernels', () => {
    expect(kernelStd(3)).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(kernelStd(5)).toBeCloseTo(1, 12);
    expect(Math.abs(kernelStd(11) - opencvSigma(11))).toBeLessThan(0.1);
  });
});
