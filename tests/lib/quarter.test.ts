import { describe, expect, it } from 'vitest';
import { encodeUnbiased, quarterMap, quarterSecondMax } from '../../src/lib/index.ts';

describe('quarterMap(map): the per-axis form', () => {
  it('moves 0.25 toward the larger neighbour on each axis', () => {
    const t = encodeUnbiased({ x: 10.3, y: 7.8 }, 24, 32, 2);
    const p = quarterMap(t);
    expect([p.x, p.y]).toEqual([10.25, 7.75]);
  });

  it('does not shift on a tie (sign(0) = 0)', () => {
    const t = encodeUnbiased({ x: 10, y: 7 }, 24, 32, 2);
    const p = quarterMap(t);
    expect([p.x, p.y]).toEqual([10, 7]);
  });

  it('does not shift at the border (needs 1 < x < W-1)', () => {
    const t = encodeUnbiased({ x: 1.3, y: 7.2 }, 24, 32, 2);
    expect(quarterMap(t).x).toBe(1);
  });
});

describe('quarterSecondMax(map): p = m + 0.25 (s - m)/‖s - m‖', () => {
  it('agrees with the per-axis form when s is a horizontal neighbour', () => {
    const t = encodeUnbiased({ x: 10.3, y: 7 }, 24, 32, 2);
    const { point, second } = quarterSecondMax(t);
    expect([second.x, second.y]).toEqual([11, 7]);
    expect([point.x, point.y]).toEqual([10.25, 7]);
  });

  it('moves 0.25 along the diagonal (0.177 per axis) when s is a diagonal neighbour', () => {
    const t = encodeUnbiased({ x: 10.45, y: 7.45 }, 24, 32, 2);
    const { point, second } = quarterSecondMax(t);
    // The diagonal neighbour (11, 8) is farther than (11, 7) and (10, 8): the second
    // maximum is a horizontal or vertical neighbour, never the diagonal, on a round Gaussian.
    expect(Math.hypot(second.x - 10, second.y - 7)).toBe(1);
    expect(Math.hypot(point.x - 10, point.y - 7)).toBeCloseTo(0.25, 12);
    // On a map whose second maximum is diagonal, the shift is (0.25/√2, 0.25/√2).
    const data = new Float32Array(25);
    data[12] = 1;
    data[18] = 0.8;
    const d = quarterSecondMax({ data, w: 5, h: 5 });
    expect(d.point.x - 2).toBeCloseTo(0.25 / Math.SQRT2, 12);
    expect(d.point.y - 2).toBeCloseTo(0.25 / Math.SQRT2, 12);
  });
});
