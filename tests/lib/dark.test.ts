import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addNoise,
  createRandom,
  darkMap,
  encodeBiased,
  encodeUnbiased,
  isTaylorInterior,
  taylorStep,
  traceDark,
} from '../../src/lib/index.ts';

describe('darkMap(map, k) on clean unbiased targets', () => {
  it('recovers μ within 0.02 px for 1 ≤ σ ≤ 3, k in 3..11, centre ≥ 3σ + 2 from the border (property)', () => {
    const w = 48;
    const h = 64;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.constantFrom(3, 5, 7, 9, 11),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sigma, k, u, v) => {
          const m = 3 * sigma + 2;
          const mu = { x: m + u * (w - 1 - 2 * m), y: m + v * (h - 1 - 2 * m) };
          const p = darkMap(encodeUnbiased(mu, w, h, sigma), k);
          return Math.abs(p.x - mu.x) < 0.02 && Math.abs(p.y - mu.y) < 0.02;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recovers μ to about 1e-3 px in the interior without modulation (k = 1: the log is exactly quadratic)', () => {
    const mu = { x: 20.37, y: 31.81 };
    const p = darkMap(encodeUnbiased(mu, 48, 64, 2), 1);
    expect(Math.abs(p.x - mu.x)).toBeLessThan(1e-3);
    expect(Math.abs(p.y - mu.y)).toBeLessThan(1e-3);
  });

  it('cannot recover the rounding of a biased target: it decodes near the integer centre', () => {
    const mu = { x: 20.37, y: 31.81 };
    const p = darkMap(encodeBiased(mu, 48, 64, 2), 11);
    expect(Math.abs(p.x - 20)).toBeLessThan(0.05);
    expect(Math.abs(p.y - 32)).toBeLessThan(0.05);
  });
});

describe('the fast path and the traced path', () => {
  // The traced path keeps the reference's float32 log map, the fast path logs in float64. A
  // near-singular Hessian amplifies that rounding along with the step itself (steps of 100+ px
  // off the map happen at high noise), so the agreement is 1e-4 relative to the step length.
  it('decode noisy maps to the same point, to 1e-4 of the Newton step (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.constantFrom(3, 5, 7, 11, 17),
        (seed, noise, k) => {
          const r = createRandom(seed);
          const map = encodeUnbiased({ x: r.uniform(0, 23), y: r.uniform(0, 31) }, 24, 32, 2);
          addNoise(map.data, noise, r);
          const fast = darkMap(map, k);
          const trace = traceDark(map, k);
          const full = trace.point;
          const tol = 1e-4 * Math.max(1, Math.hypot(trace.step?.offset.x ?? 0, trace.step?.offset.y ?? 0));
          return Math.abs(fast.x - full.x) < tol && Math.abs(fast.y - full.y) < tol;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('falls back to the full path when a stencil value reaches the 1e-10 floor', () => {
    // A spike far from everything else: its blurred neighbours two pixels away are tiny but
    // the floor is reached where the kernel's support ends.
    const data = new Float32Array(20 * 20);
    data[10 * 20 + 10] = 1;
    const map = { data, w: 20, h: 20 };
    const fast = darkMap(map, 3);
    const full = traceDark(map, 3).point;
    expect(fast).toEqual(full);
  });
});

describe('traceDark(map, k) keeps every intermediate', () => {
  const map = encodeUnbiased({ x: 12.3, y: 9.6 }, 24, 32, 2);
  const t = traceDark(map, 5);

  it('rescales the modulated map to the original maximum', () => {
    expect(Math.max(...t.modulated)).toBeCloseTo(Math.max(...map.data), 6);
  });

  it('logs the modulated map with a floor of 1e-10', () => {
    const i = 9 * 24 + 12;
    expect(t.log[i]).toBeCloseTo(Math.log(t.modulated[i]!), 6);
    expect(Math.min(...t.log)).toBeGreaterThanOrEqual(Math.log(Math.fround(1e-10)) - 1e-6);
  });

  it('takes one Newton step μ = m - H⁻¹∇L from the stencil', () => {
    expect(t.interior).toBe(true);
    const { step, stencil } = t;
    expect(step).toEqual(taylorStep(stencil!));
    // H·offset = -∇L
    const { dx, dy, dxx, dxy, dyy, offset } = step!;
    expect(dxx * offset.x + dxy * offset.y).toBeCloseTo(-dx, 10);
    expect(dxy * offset.x + dyy * offset.y).toBeCloseTo(-dy, 10);
    expect(t.point.x).toBeCloseTo(12.3, 1);
  });

  it('skips the Taylor step within 2 px of the border', () => {
    expect(isTaylorInterior(1, 10, 24, 32)).toBe(false);
    expect(isTaylorInterior(2, 10, 24, 32)).toBe(true);
    expect(isTaylorInterior(21, 10, 24, 32)).toBe(true);
    expect(isTaylorInterior(22, 10, 24, 32)).toBe(false);
    const edge = traceDark(encodeUnbiased({ x: 1.2, y: 10 }, 24, 32, 2), 5);
    expect(edge.step).toBeNull();
    expect(edge.point).toEqual(edge.argmax);
  });

  it('returns no offset when the Hessian is singular', () => {
    const flat = { c: 0, xm1: 0, xp1: 0, xm2: 0, xp2: 0, ym1: 0, yp1: 0, ym2: 0, yp2: 0, mm: 0, pm: 0, mp: 0, pp: 0 };
    expect(taylorStep({ ...flat, xp1: 1 }).offset).toEqual({ x: 0, y: 0 });
  });
});
