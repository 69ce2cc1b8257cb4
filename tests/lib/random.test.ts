import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/index.ts';

describe('createRandom(seed)', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 8 }, () => a.next());
    expect(Array.from({ length: 8 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 8 }, () => c.next())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = createRandom(1);
    const n = 100_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      ss += u * u;
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(ss / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.005);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const r = createRandom(7);
    const n = 100_000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      ss += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(ss / n - 1)).toBeLessThan(0.02);
  });

  it('int(n) covers 0..n-1 and nothing else', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
