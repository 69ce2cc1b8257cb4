import { describe, expect, it } from 'vitest';
import {
  buildDsntFigure,
  dsntExpectation,
  euclideanLoss,
  peakLogits,
  regulariserAt,
  regulariserCurve,
  softArgmaxBias,
  softmaxMap,
  toNormalized,
} from '../../../src/lib/index.ts';

const base = { peaks: [{ x: 5.3, y: 8.6, amplitude: 6 }], beta: 2, target: { x: 6, y: 8 }, sigmaT: 1 };

describe('buildDsntFigure(settings)', () => {
  it('puts the expectation near a single sharp bump, and argmax on its cell', () => {
    const d = buildDsntFigure({ ...base, beta: 5 });
    expect(d.argmax).toEqual({ x: 5, y: 9 });
    // Close, but a large β concentrates the mass on the brightest cell: quantisation returns.
    expect(Math.abs(d.expectation.x - 5.3)).toBeLessThan(0.3);
    expect(Math.abs(d.expectation.x - 5)).toBeLessThan(Math.abs(d.expectation.x - 5.3));
    expect(d.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is pulled toward the centre when β is small (soft-argmax bias)', () => {
    const d = buildDsntFigure({ ...base, beta: 0.5 });
    expect(d.expectation.x).toBeGreaterThan(5.3 + 0.5);
    expect(Math.abs(d.debiased.x - 5.3)).toBeLessThan(Math.abs(d.expectation.x - 5.3));
  });

  it('a second bump drags the expectation between the two, while argmax picks one', () => {
    const d = buildDsntFigure({ ...base, beta: 2, peaks: [base.peaks[0]!, { x: 11, y: 8.6, amplitude: 6 }] });
    expect(d.expectation.x).toBeGreaterThan(6.5);
    expect(d.expectation.x).toBeLessThan(10);
    expect([5, 11]).toContain(d.argmax.x);
  });

  it('has a gradient that is zero nowhere near the mass and sums to zero (softmax is shift-invariant)', () => {
    const d = buildDsntFigure(base);
    expect(Math.abs(d.gradient.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
    expect(Math.max(...d.gradient.map(Math.abs))).toBeGreaterThan(0);
  });
});

describe('regulariserAt / regulariserCurve', () => {
  it('starts at the reader’s map and ends on the target, where both regularisers vanish', () => {
    const start = regulariserAt(base, 0);
    const d = buildDsntFigure(base);
    expect(start.js).toBeCloseTo(d.js, 12);
    const end = regulariserAt(base, 1);
    expect(end.js).toBeLessThan(1e-9);
    expect(end.varianceLoss).toBeLessThan(1e-6);
    const curve = regulariserCurve(base, 10);
    expect(curve).toHaveLength(11);
    expect(curve[10]!.js).toBeLessThan(curve[0]!.js);
  });
});

describe('softArgmaxBias({ beta, amplitude })', () => {
  it('grows toward the border and shrinks with β; the debiased form does better', () => {
    const soft = softArgmaxBias({ beta: 1, amplitude: 6, steps: 16 });
    const sharp = softArgmaxBias({ beta: 4, amplitude: 6, steps: 16 });
    expect(soft[0]!.plain).toBeGreaterThan(soft[8]!.plain);
    expect(sharp[0]!.plain).toBeLessThan(soft[0]!.plain);
    expect(soft[0]!.debiased).toBeLessThan(soft[0]!.plain);
  });

  it('peakLogits is zero where no bump reaches and a at its centre', () => {
    const z = peakLogits([{ x: 3, y: 4, amplitude: 2.5 }], 16, 16);
    expect(z[4 * 16 + 3]).toBe(2.5);
  });
});

describe('the descent direction', () => {
  it('raises the logits on the target’s side: one small step along it lowers the loss', () => {
    const d = buildDsntFigure(base);
    const logits = d.logits.map((z, i) => z + 0.5 * d.descent[i]!);
    // Rebuild the expectation for the stepped logits through the same library.
    const after = euclideanLoss(dsntExpectation(softmaxMap(logits, base.beta), 16, 16), {
      x: toNormalized(6, 16),
      y: toNormalized(8, 16),
    });
    expect(after).toBeLessThan(d.loss);
  });
});
