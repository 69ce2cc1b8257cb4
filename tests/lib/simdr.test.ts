import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  representationSize,
  roundHalfEven,
  simdrBins,
  simdrDecode,
  simdrGaussian,
  simdrKl,
  simdrKlTerms,
  simdrOneHot,
  simdrOneHotBin,
  simdrProjectionParameters,
  simdrSmoothed,
} from '../../src/lib/index.ts';

describe('SimDR encoding', () => {
  it('has floor(w·k) bins', () => {
    expect(simdrBins(192, 2)).toBe(384);
    expect(simdrBins(191, 1.5)).toBe(286);
  });

  it('rounds halves to even, as NumPy', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, 2]);
  });

  it('decoding the one-hot label errs by less than 1/(2k) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 190, noNaN: true }), fc.integer({ min: 1, max: 4 }), (x, k) => {
        const decoded = simdrDecode(simdrOneHot(x, 192, k), k);
        return Math.abs(decoded - x) <= 1 / (2 * k) + 1e-12;
      }),
    );
  });

  it('label smoothing keeps 1 - ε on the bin and spreads ε over the rest', () => {
    const s = simdrSmoothed(10.2, 32, 2, 0.1);
    expect(s[simdrOneHotBin(10.2, 2)]).toBeCloseTo(0.9, 12);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('the Gaussian label integrates to about 1 and peaks at the nearest bin', () => {
    const g = simdrGaussian(50.3, 192, 2, 4);
    expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(simdrDecode(g, 2)).toBe(50.5);
  });
});

describe('SimDR loss', () => {
  it('KL is 0 when softmax(logits) equals the (normalised) label', () => {
    const label = simdrGaussian(20, 64, 2, 3);
    const sum = label.reduce((a, b) => a + b, 0);
    const normalised = label.map((v) => v / sum);
    expect(simdrKl(normalised, normalised.map(Math.log))).toBeCloseTo(0, 10);
  });

  it('for a confident prediction, a one-hot label charges a near miss as much as a far one; a Gaussian label charges it less', () => {
    // A confident prediction: logit 12 on one bin, 0 elsewhere.
    const peakedAt = (bin: number): Float64Array => Float64Array.from({ length: 128 }, (_, b) => (b === bin ? 12 : 0));
    const oneHot = simdrOneHot(30, 64, 2); // bin 60
    expect(simdrKl(oneHot, peakedAt(61))).toBeCloseTo(simdrKl(oneHot, peakedAt(80)), 12);
    const gauss = simdrGaussian(30, 64, 2, 2);
    expect(simdrKl(gauss, peakedAt(61))).toBeLessThan(simdrKl(gauss, peakedAt(80)) - 1);
  });

  it('simdrKlTerms sum to simdrKl', () => {
    const label = simdrGaussian(12.7, 48, 3, 2);
    const logits = Float64Array.from({ length: 144 }, (_, i) => Math.sin(i / 5));
    expect(simdrKlTerms(label, logits).reduce((a, b) => a + b, 0)).toBeCloseTo(simdrKl(label, logits), 10);
  });
});

describe('representationSize', () => {
  it('counts W·H for a heatmap and k(w + h) for SimDR', () => {
    expect(representationSize(192, 256, 4, 2)).toEqual({ heatmap: 48 * 64, simdr: 2 * (192 + 256) });
  });
});

describe('simdrProjectionParameters(features, w, h, k)', () => {
  it('counts two linear layers with biases, features → floor(k·w) and features → floor(k·h)', () => {
    // SimCC's HRNet-W32 head at 256 × 192, k = 2: 3072 features to 384 x bins and 512 y bins.
    expect(simdrProjectionParameters(3072, 192, 256, 2)).toBe(3072 * 384 + 384 + 3072 * 512 + 512);
    // A fractional split ratio floors the bins, as SimCC casts w·k to int.
    expect(simdrProjectionParameters(10, 5, 7, 1.5)).toBe(11 * (7 + 10));
  });
});
