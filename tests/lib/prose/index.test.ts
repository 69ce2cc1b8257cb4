/**
 * The computed-number mechanism (src/lib/prose): how values print, that every name resolves
 * to what its builder returns, that the settings it mirrors from figures are the figures'
 * own, and that the claims the chapters make in words about these numbers hold. The
 * figures' builders run here at full size, which takes seconds on a busy machine: hence the
 * time budgets (budgets, not timings).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIZES } from '../../../src/components/state/ch8.ts';
import { ch3 } from '../../../src/components/state/ch3.ts';
import { ch6 } from '../../../src/components/state/ch6.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import {
  buildDecoderTable,
  buildErrorDistributions,
  buildKlCurves,
  buildQuarterShift,
  CROP_GEOMETRY,
  QUARTER_SETTING,
  simdrProjectionParameters,
  strideOf,
} from '../../../src/lib/index.ts';
import {
  CH8_METHODS,
  CH8_SIZES,
  formatNumber,
  formatProseValue,
  isProseName,
  KL_EXAMPLE,
  PROSE_VALUES,
  proseValue,
  QUARTER_EXAMPLE,
  renderProse,
  type ProseEstimate,
  type ProseValue,
} from '../../../src/lib/prose/index.ts';
import { METHODS, type ShippedMeasurements } from '../../../src/lib/tf/index.ts';

const shipped = JSON.parse(readFileSync('src/data/shipped-models.json', 'utf8')) as ShippedMeasurements;
const num = (name: string): number => proseValue(name) as number;
const est = (name: string): ProseEstimate => (proseValue(name) as { estimate: ProseEstimate }).estimate;

describe('formatNumber(value, digits, signed)', () => {
  it('prints fixed decimals, groups thousands, uses a true minus and no "−0"', () => {
    expect(formatNumber(0.7628, 2)).toBe('0.76');
    expect(formatNumber(5000, 0)).toBe('5,000');
    expect(formatNumber(2753408, 0)).toBe('2,753,408');
    expect(formatNumber(-1.5, 1)).toBe('\u22121.5');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(0, 2)).toBe('0');
    expect(formatNumber(0.25, 2, true)).toBe('+0.25');
  });

  it('refuses NaN and infinities, so a broken builder fails the build', () => {
    expect(() => formatNumber(Number.NaN, 2)).toThrow(/finite/);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 2)).toThrow(/finite/);
  });
});

describe('formatProseValue(value, options)', () => {
  const f = (value: ProseValue, unit: Parameters<typeof formatProseValue>[1]['unit'], digits = 0, bare = false) =>
    formatProseValue(value, { digits, unit, bare });

  it('puts units after a no-break space, or glued for %, ° and ×, and leaves them out when bare', () => {
    expect(f(2, 'px')).toBe('2\u00a0px');
    expect(f(85, '%')).toBe('85%');
    expect(f(30, '°')).toBe('30°');
    expect(f(3.43, '×', 1)).toBe('3.4×');
    expect(f(2, 'px', 0, true)).toBe('2');
    expect(f(11, '')).toBe('11');
  });

  it('writes sizes height × width, lists and ranges in words, points, estimates and powers of ten', () => {
    expect(f({ shape: { h: 256, w: 192 } }, '')).toBe('256 × 192');
    expect(f({ list: [1, 2, 4, 8] }, '')).toBe('1, 2, 4 and 8');
    expect(f({ list: [3, 5] }, '')).toBe('3 and 5');
    expect(f({ range: [45, 85] }, '%')).toBe('45–85%');
    expect(formatProseValue({ point: { x: 0.25, y: 0 } }, { digits: 2, unit: 'cells', signed: true })).toBe(
      '(+0.25, 0)\u00a0cells',
    );
    expect(f({ estimate: { mean: 4.09, sem: 0.0594 } }, 'px', 2)).toBe('4.09 ± 0.06\u00a0px');
    expect(f({ power: -4 }, 'cells')).toBe('10⁻⁴\u00a0cells');
    expect(f({ power: 12 }, '')).toBe('10¹²');
  });
});

describe('renderProse(name, options): what <Num> prints', () => {
  it('prints a value with its own digits and unit, or the sentence’s digits', () => {
    expect(renderProse('crop.input')).toBe('256 × 192');
    expect(renderProse('decoderTable.quarter.unbiased', { digits: 3, unit: 'px' })).toMatch(/^0\.\d{3}\u00a0px$/);
    expect(renderProse('argmax.halfCell', { bare: true })).toBe('2');
  });

  it('fails on an unknown name, naming the nearest, and on a unit that is not the value’s', () => {
    expect(() => renderProse('decoderTable.quater.unbiased')).toThrow(/nearest: decoderTable\.quarter\.unbiased/);
    expect(() => renderProse('argmax.halfCell', { unit: 'cells' })).toThrow(/is in "px"/);
    expect(() => renderProse('argmax.halfCell', { unit: 'inches' })).toThrow(/unknown unit/);
    expect(() => renderProse('argmax.halfCell', { digits: 1.5 })).toThrow(/digits/);
    expect(isProseName('crop.input')).toBe(true);
    expect(isProseName('toString')).toBe(false);
  });

  it('computes every registered value, finite, and prints it', () => {
    for (const name of Object.keys(PROSE_VALUES)) expect(() => renderProse(name), name).not.toThrow();
  });

  it('keeps a value once computed: the same object on every use in a build', () => {
    expect(proseValue('crop.input')).toBe(proseValue('crop.input'));
    expect(proseValue('ch8.error.dark.64')).toBe(proseValue('ch8.error.dark.64'));
  });
});

describe('the registry’s values are the builders’ own', () => {
  it('chapter 3’s table, figure 2.3 and figure 3.1 give the prose its numbers', () => {
    const table = buildDecoderTable();
    expect(num('decoderTable.quarter.unbiased')).toBe(table.rows.quarter!.unbiased.mean);
    expect(num('decoderTable.quarter2.unbiased')).toBe(table.rows.quarter2!.unbiased.mean);
    expect(num('decoderTable.samples')).toBe(table.samples);
    const dist = buildErrorDistributions({ target: 'unbiased' });
    const at8 = dist.byStride.find((r) => r.stride === 8 && r.decoder === 'argmax')!;
    expect(num('dist.strideMax.argmax.perAxisMean')).toBe(at8.perAxis.mean);
    expect(num('dist.strideMax.bound')).toBe(8 / 2);
    const q = buildQuarterShift(QUARTER_EXAMPLE);
    expect(num('quarter.diagonalShift')).toBeCloseTo(Math.hypot(q.perAxis.x - q.max.x, q.perAxis.y - q.max.y), 12);
    expect(num('quarter.diagonalShiftPx')).toBeCloseTo(QUARTER_SETTING.stride * Math.SQRT2 * 0.25, 12);
  });

  it('sizes come from the geometry, as height × width', () => {
    expect(proseValue('crop.input')).toEqual({ shape: { h: CROP_GEOMETRY.inputH, w: CROP_GEOMETRY.inputW } });
    expect(proseValue('crop.heatmap')).toEqual({ shape: { h: CROP_GEOMETRY.heatmapH, w: CROP_GEOMETRY.heatmapW } });
    expect(num('crop.stride')).toBe(strideOf(CROP_GEOMETRY));
    expect(num('argmax.corner')).toBeCloseTo(4 / Math.SQRT2, 12);
  });

  it('SimCC’s projection is (HW + 1)·k(w + h) weights: 2.75 million at 256 × 192, k = 2', () => {
    expect(simdrProjectionParameters(64 * 48, 192, 256, 2)).toBe((64 * 48 + 1) * 2 * (192 + 256));
    expect(num('simdr.hrnetProjection')).toBeCloseTo(((64 * 48 + 1) * 2 * (192 + 256)) / 1e6, 12);
  });

  it('chapter 8’s numbers are those of src/data/shipped-models.json', () => {
    const model = (head: string, size: number) => shipped.models.find((m) => m.head === head && m.size === size)!;
    expect(est('ch8.error.dark.64')).toEqual({
      mean: model('heatmap', 64).errors.dark!.mean,
      sem: model('heatmap', 64).errors.dark!.sem,
    });
    expect(est('ch8.diff.quarterDark.128').mean).toBe(model('heatmap', 128).differences['quarter-dark']!.mean);
    expect(num('ch8.kB.simdr.large')).toBe(model('simdr', 128).bytes / 1000);
    expect(num('ch8.parameters.simdr.small')).toBe(model('simdr', 64).parameters);
    expect(num('ch8.heldOut')).toBe(shipped.heldOut.samples);
  });
});

describe('settings the registry mirrors are the figures’ own', () => {
  it('figure 3.1’s default keypoint and σ', () => {
    const s = defaultsOf(ch3);
    expect(QUARTER_EXAMPLE).toEqual({ offset: { x: s.u, y: s.v }, sigma: s.sigma, target: s.target });
  });

  it('figure 6.3’s default keypoint, k, σ, ε and prediction width', () => {
    const s = defaultsOf(ch6);
    expect(KL_EXAMPLE).toEqual({ x: s.x, k: Number(s.k), sigma: s.sigma, epsilon: s.eps, width: s.width });
  });

  it('chapter 8’s sizes and methods', () => {
    expect([...CH8_SIZES]).toEqual([...SIZES]);
    expect([...new Set(shipped.models.map((m) => m.size))].sort((a, b) => a - b)).toEqual([...CH8_SIZES]);
    for (const [method, head] of Object.entries(CH8_METHODS)) expect(METHODS[head]).toContain(method);
  });
});

describe('what the chapters say in words about these numbers holds', () => {
  it('chapter 2: DARK errs more at the narrowest σ than at any σ ≥ 1, and argmax stays within λ/2', () => {
    expect(num('dist.sigmaSmallest.dark.mean')).toBeGreaterThan(10 * num('dist.sigmaWide.dark.worstMean'));
    expect(num('dist.strideMax.argmax.perAxisMax')).toBeLessThanOrEqual(num('dist.strideMax.bound'));
  });

  it('chapter 3: the quarter shift halves argmax’s error; the second-maximum form helps more often, the per-axis form more on average', () => {
    expect(num('decoderTable.quarter.unbiased') / num('decoderTable.argmax.unbiased')).toBeCloseTo(0.5, 1);
    expect(num('quarter.strips.secondMax.helps')).toBeGreaterThan(num('quarter.strips.perAxis.helps'));
    expect(num('decoderTable.quarter.unbiased')).toBeLessThan(num('decoderTable.quarter2.unbiased'));
  });

  it('chapter 4: DARK’s gain over argmax grows as the resolution falls', () => {
    expect(num('resolution.smallest.darkGain')).toBeGreaterThan(num('resolution.largest.darkGain'));
  });

  it('chapter 6: under one-hot and smoothed labels a far miss costs hardly more than a near one; under a Gaussian, clearly more', () => {
    expect(num('simdr.kl.onehot.far') / num('simdr.kl.onehot.near')).toBeLessThan(1.05);
    const smooth = (shift: number) =>
      buildKlCurves(KL_EXAMPLE).find((r) => r.label === 'smooth' && Math.abs(r.shift - shift) < 1e-9)!.kl;
    expect(smooth(num('simdr.kl.farShift')) / smooth(num('simdr.kl.nearShift'))).toBeLessThan(1.05);
    expect(num('simdr.kl.gauss.far') / num('simdr.kl.gauss.near')).toBeGreaterThan(1.2);
  });

  it('chapter 8: DARK and the quarter shift are indistinguishable at 64 px, DARK ahead at 128 px; argmax behind at both', () => {
    const d64 = est('ch8.diff.quarterDark.64');
    const d128 = est('ch8.diff.quarterDark.128');
    expect(Math.abs(d64.mean)).toBeLessThan(d64.sem);
    expect(d128.mean / d128.sem).toBeGreaterThan(3);
    for (const size of CH8_SIZES) {
      const d = shipped.models.find((m) => m.head === 'heatmap' && m.size === size)!.differences['argmax-quarter']!;
      expect(d.mean / d.sem, `${size} px`).toBeGreaterThan(3);
    }
  });

  it('chapter 8: the heatmap head does better at 128 px in input pixels, DSNT and SimDR worse; as shares, DSNT improves and SimDR holds', () => {
    expect(est('ch8.error.dark.128').mean).toBeLessThan(est('ch8.error.dark.64').mean);
    expect(est('ch8.error.dsnt.128').mean).toBeGreaterThan(est('ch8.error.dsnt.64').mean);
    expect(est('ch8.error.simdr.128').mean).toBeGreaterThan(est('ch8.error.simdr.64').mean);
    expect(num('ch8.fraction.dsnt.128')).toBeLessThan(num('ch8.fraction.dsnt.64'));
    expect(Math.abs(num('ch8.fraction.simdr.128') - num('ch8.fraction.simdr.64'))).toBeLessThan(0.5);
  });
});
