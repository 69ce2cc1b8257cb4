import { describe, expect, it } from 'vitest';
import { buildRoutes, STICK_BONES } from '../../../src/lib/index.ts';

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
