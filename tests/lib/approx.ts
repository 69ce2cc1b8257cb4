import { expect } from 'vitest';

/**
 * The one tolerant comparison of the test suite: |actual - expected| ≤ tol, or relative to
 * |expected| when `relative` is set and |expected| > 1. NaN equals NaN. Fails with the index.
 */
export function expectClose(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  tol: number,
  { relative = false, label = '' }: { relative?: boolean; label?: string } = {},
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length, `${label} length`).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const x = a[i] as number;
    const y = e[i] as number;
    if (Number.isNaN(y)) {
      expect(Number.isNaN(x), `${label}[${i}] should be NaN, got ${x}`).toBe(true);
      continue;
    }
    const scale = relative ? Math.max(1, Math.abs(y)) : 1;
    const err = Math.abs(x - y) / scale;
    if (!(err <= tol)) {
      expect.fail(`${label}[${i}]: got ${x}, expected ${y} (error ${err.toExponential(2)} > ${tol})`);
    }
  }
}
