import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxOf, centreOf, STICK_BONES, STICK_JOINTS, stickPerson, stickScene } from '../../../src/lib/index.ts';

describe('stick people', () => {
  it('stand on their feet with the given height, centre at the joints’ mean', () => {
    const p = stickPerson({ x: 40, y: 100 }, 60);
    expect(p.joints).toHaveLength(STICK_JOINTS.length);
    expect(p.joints[0]).toEqual({ x: 40, y: 40 });
    const ankles = [p.joints[11]!, p.joints[12]!];
    for (const a of ankles) expect(a.y).toBeGreaterThan(95);
    const c = centreOf(p.joints);
    expect(p.centre.x).toBeCloseTo(c.x, 12);
    expect(p.centre.y).toBeCloseTo(c.y, 12);
    for (const [a, b] of STICK_BONES) expect(Math.max(a, b)).toBeLessThan(STICK_JOINTS.length);
  });

  it('boxes pad symmetrically', () => {
    const joints = [
      { x: 0, y: 0 },
      { x: 10, y: 20 },
    ];
    expect(boxOf(joints)).toEqual({ x: 0, y: 0, w: 10, h: 20 });
    expect(boxOf(joints, 0.1)).toEqual({ x: -1, y: -2, w: 12, h: 24 });
  });

  it('scenes are seeded and keep everyone inside the image', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9999 }), (count, seed) => {
        const a = stickScene({ w: 96, h: 64, count, seed, minHeight: 24, maxHeight: 52 });
        expect(a).toEqual(stickScene({ w: 96, h: 64, count, seed, minHeight: 24, maxHeight: 52 }));
        expect(a).toHaveLength(count);
        for (const p of a) {
          for (const j of p.joints) {
            expect(j.y).toBeGreaterThan(0);
            expect(j.y).toBeLessThan(64);
            expect(j.x).toBeGreaterThanOrEqual(2 - 1e-9);
            expect(j.x).toBeLessThanOrEqual(94 + 1e-9);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
