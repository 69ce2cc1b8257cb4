import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchPattern } from '../../../src/lib/index.ts';

describe('branchPattern(q, joint, reach, spread)', () => {
  const point = fc.record({
    x: fc.double({ min: -20, max: 20, noNaN: true }),
    y: fc.double({ min: -20, max: 20, noNaN: true }),
  });

  it('centres the taps reach of the way to the joint, spread apart, on a grid facing the joint', () => {
    fc.assert(
      fc.property(
        point,
        point,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (q, joint, reach, spread) => {
          const b = branchPattern(q, joint, reach, spread);
          const mid = b.taps[4]!;
          expect(mid.x).toBeCloseTo(q.x + reach * (joint.x - q.x), 9);
          expect(mid.y).toBeCloseTo(q.y + reach * (joint.y - q.y), 9);
          expect(b.miss).toBeCloseTo((1 - reach) * Math.hypot(joint.x - q.x, joint.y - q.y), 9);
          // Neighbouring taps are `spread` apart, and the row through the middle points at the joint.
          expect(Math.hypot(b.taps[5]!.x - mid.x, b.taps[5]!.y - mid.y)).toBeCloseTo(spread, 9);
          const len = Math.hypot(joint.x - q.x, joint.y - q.y);
          if (len > 1e-6) {
            const cross = (b.taps[5]!.x - mid.x) * (joint.y - q.y) - (b.taps[5]!.y - mid.y) * (joint.x - q.x);
            expect(Math.abs(cross)).toBeLessThan(1e-6 * len * spread + 1e-9);
          }
          // The offsets are those of the taps: tap n = q + G_n + offset_n.
          b.taps.forEach((t, n) => {
            const gy = Math.floor(n / 3) - 1;
            const gx = (n % 3) - 1;
            expect(t.y).toBeCloseTo(q.y + gy + b.offsets[2 * n]!, 9);
            expect(t.x).toBeCloseTo(q.x + gx + b.offsets[2 * n + 1]!, 9);
          });
          expect(b.regressed).toEqual({ x: q.x - joint.x, y: q.y - joint.y });
        },
      ),
    );
  });
});
