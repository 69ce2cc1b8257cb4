import { describe, expect, it } from 'vitest';
import { fmt, fmtPoint, num } from '../../../src/components/ui/format.ts';

describe('fmt(value, digits)', () => {
  it('uses a true minus sign and never prints −0', () => {
    expect(fmt(-1.234)).toBe('−1.23');
    expect(fmt(-0.001)).toBe('0.00');
    expect(fmt(2, 0)).toBe('2');
  });

  it('names the non-finite values', () => {
    expect(fmt(Number.NaN)).toBe('—');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(fmt(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });

  it('formats points', () => {
    expect(fmtPoint({ x: 1, y: -2.5 }, 1, ' px')).toBe('x 1.0 px, y −2.5 px');
  });
});

describe('num(value, digits)', () => {
  it('writes attribute numbers with an ASCII minus and no -0', () => {
    expect(num(-1.23456)).toBe('-1.235');
    expect(num(-0.0001, 2)).toBe('0.00');
    expect(Number(num(-12.5, 1))).toBe(-12.5);
  });
});
