import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxOf,
  branchPattern,
  buildBottomUp,
  buildOffsetLoss,
  buildRoutes,
  centreOf,
  smoothL1,
  STICK_BONES,
  STICK_JOINTS,
  stickPerson,
  stickScene,
} from '../../src/lib/index.ts';

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

describe('buildRoutes(scene)', () => {
  it('counts 1 + N passes top-down, N² pairings per bone for grouping, none for dense regression', () => {
    for (const count of [1, 3, 5]) {
      const d = buildRoutes({ w: 120, h: 80, count, seed: 2 });
      expect(d.people).toHaveLength(count);
      expect(d.boxes).toHaveLength(count);
      expect(d.cost['top-down']).toEqual({ passes: 1 + count, pairings: 0 });
      expect(d.cost.grouping).toEqual({ passes: 1, pairings: STICK_BONES.length * count * count });
      expect(d.cost.dense).toEqual({ passes: 1, pairings: 0 });
    }
  });

  it('boxes contain their person’s joints', () => {
    const d = buildRoutes({ w: 120, h: 80, count: 4, seed: 7 });
    d.people.forEach((p, i) => {
      const b = d.boxes[i]!;
      for (const j of p.joints) {
        expect(j.x).toBeGreaterThanOrEqual(b.x);
        expect(j.x).toBeLessThanOrEqual(b.x + b.w);
        expect(j.y).toBeGreaterThanOrEqual(b.y);
        expect(j.y).toBeLessThanOrEqual(b.y + b.h);
      }
    });
  });
});

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

describe('buildBottomUp with centre noise', () => {
  const people = stickScene({ w: 64, h: 48, count: 3, seed: 4, minHeight: 24, maxHeight: 40 });

  it('finds spurious centre peaks whose poses pose NMS removes', () => {
    const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0.3, centreNoise: 0.04, seed: 5 });
    expect(d.peaks.length).toBeGreaterThan(people.length);
    expect(d.kept.length).toBeLessThan(d.poses.length);
    // Every person is still found: some kept pose's nose is within 2 px of theirs.
    for (const p of people) {
      expect(d.kept.some((k) => Math.hypot(k.joints[0]!.x - p.joints[0]!.x, k.joints[0]!.y - p.joints[0]!.y) < 2)).toBe(
        true,
      );
    }
  });

  it('without noise keeps exactly one pose per person', () => {
    const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0, seed: 5 });
    expect(d.kept).toHaveLength(people.length);
  });
});

describe('buildOffsetLoss(small, large, error)', () => {
  it('divides the same smooth-L1 loss by each person’s diagonal', () => {
    const d = buildOffsetLoss({ small: 32, large: 256, error: 5 });
    expect(d.small.plain).toBeCloseTo(smoothL1(5), 12);
    expect(d.large.plain).toBeCloseTo(smoothL1(5), 12);
    expect(d.small.loss).toBeCloseTo(smoothL1(5) / d.small.diagonal, 12);
    // Boxes scale with height, so the ratio of losses is the ratio of heights.
    expect(d.ratio).toBeCloseTo(256 / 32, 9);
    expect(d.small.relative).toBeCloseTo(5 / 32, 12);
  });

  it('the curve falls as 1/height', () => {
    const d = buildOffsetLoss({ small: 32, large: 256, error: 3, curveSteps: 10 });
    for (let i = 1; i < d.curve.length; i++) {
      const a = d.curve[i - 1]!;
      const b = d.curve[i]!;
      expect(b.loss).toBeLessThan(a.loss);
      expect(a.loss * a.height).toBeCloseTo(b.loss * b.height, 9);
    }
  });
});

describe('buildBottomUp bookkeeping', () => {
  const people = stickScene({ w: 64, h: 48, count: 3, seed: 4, minHeight: 24, maxHeight: 40 });
  const d = buildBottomUp({ w: 64, h: 48, people, offsetNoise: 0.3, centreNoise: 0.02, seed: 5 });

  it('maps every person’s centre peak to that person, noise peaks to -1', () => {
    expect(d.peakPerson).toHaveLength(d.peaks.length);
    people.forEach((_, i) => expect(d.peakPerson.filter((p) => p === i).length).toBeGreaterThanOrEqual(1));
    d.peaks.forEach((q, i) => {
      const person = d.peakPerson[i]!;
      if (person >= 0)
        expect(Math.hypot(q.x - people[person]!.centre.x, q.y - people[person]!.centre.y)).toBeLessThanOrEqual(1.5);
    });
  });

  it('keypointMax is the maximum over the keypoint heatmaps', () => {
    const hw = 64 * 48;
    for (const i of [0, 100, 1234, hw - 1]) {
      let m = 0;
      for (let j = 0; j < people[0]!.joints.length; j++) m = Math.max(m, d.keypointMaps[j * hw + i]!);
      expect(d.keypointMax[i]).toBe(m);
    }
  });
});
