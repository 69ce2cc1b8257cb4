/**
 * Figure 10.4's builder: which border rule refines what at the argmax cell (refinementAt, the
 * toolkits' tests restated) and where each decoder puts the point, against hand-worked cases:
 * MMPose shifts y only in the second column, DARK-UDP lands on x = −0.5 in the first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BORDER_RULES,
  BORDER_SETTING,
  buildBorderRules,
  refinementAt,
  refinementZones,
  type CellRect,
} from '../../../src/lib/index.ts';

const inside = (r: CellRect | null, x: number, y: number) =>
  r !== null && x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

describe('refinementZones(W, H)', () => {
  it('every rule’s zone is a rectangle: a cell is in it exactly when refinementAt refines there (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (w, h) => {
        const zones = refinementZones(w, h);
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) {
            const at = refinementAt(x, y, w, h);
            for (const rule of BORDER_RULES) {
              if (inside(zones[rule].x, x, y) !== at[rule].x) return false;
              if (inside(zones[rule].y, x, y) !== at[rule].y) return false;
            }
          }
        return true;
      }),
    );
  });

  it('on the figure’s 16 × 12 map (hand-worked from each toolkit’s test)', () => {
    const z = refinementZones(16, 12);
    // HRNet: 1 < x < 15, 1 < y < 11, both axes.
    expect(z.hrnetQuarter).toEqual({ x: { x0: 2, x1: 14, y0: 2, y1: 10 }, y: { x0: 2, x1: 14, y0: 2, y1: 10 } });
    // MMPose: x when 1 < x < 15 and 0 < y < 12; y when 1 < y < 11 and 0 < x < 16.
    expect(z.mmposeQuarter).toEqual({ x: { x0: 2, x1: 14, y0: 1, y1: 11 }, y: { x0: 1, x1: 15, y0: 2, y1: 10 } });
    // DARK: 1 < x < 14, 1 < y < 10.
    expect(z.dark.x).toEqual({ x0: 2, x1: 13, y0: 2, y1: 9 });
    expect(z.darkUdp.x).toEqual({ x0: 0, x1: 15, y0: 0, y1: 11 });
    expect(z.megvii).toEqual(z.hrnetQuarter);
  });
});

describe('buildBorderRules({ keypoint })', () => {
  it('in the middle every rule refines both axes, and DARK and DARK-UDP recover the keypoint', () => {
    const d = buildBorderRules({ keypoint: { x: 7.3, y: 5.6 } });
    expect([d.argmax.x, d.argmax.y]).toEqual([7, 6]);
    for (const rule of ['hrnetQuarter', 'mmposeQuarter', 'dark', 'darkUdp'] as const)
      expect(d.refines[rule]).toEqual({ x: true, y: true });
    // The quarter shifts: 7 + 0.25, 6 − 0.25.
    expect([d.points.hrnetQuarter.x, d.points.hrnetQuarter.y]).toEqual([7.25, 5.75]);
    expect([d.points.mmposeQuarter.x, d.points.mmposeQuarter.y]).toEqual([7.25, 5.75]);
    expect(d.errors.dark).toBeLessThan(0.02);
    expect(d.errors.darkUdp).toBeLessThan(0.05);
    expect(d.map).toHaveLength(BORDER_SETTING.w * BORDER_SETTING.h);
  });

  it('in the second column MMPose shifts y only and HRNet nothing (the maximum at (1, 6))', () => {
    const d = buildBorderRules({ keypoint: { x: 1.2, y: 5.6 } });
    expect([d.argmax.x, d.argmax.y]).toEqual([1, 6]);
    expect(d.refines.mmposeQuarter).toEqual({ x: false, y: true });
    expect(d.refines.hrnetQuarter).toEqual({ x: false, y: false });
    expect(d.refines.dark).toEqual({ x: false, y: false });
    expect([d.points.mmposeQuarter.x, d.points.mmposeQuarter.y]).toEqual([1, 5.75]);
    expect([d.points.hrnetQuarter.x, d.points.hrnetQuarter.y]).toEqual([1, 6]);
    expect([d.points.dark.x, d.points.dark.y]).toEqual([1, 6]);
    expect(d.errors.hrnetQuarter).toBeCloseTo(Math.hypot(0.2, 0.4), 12);
  });

  it('in the first column DARK-UDP’s edge padding makes dxx = 2·dx: it lands on x = −0.5 wherever the truth is', () => {
    for (const x of [-0.3, 0, 0.2, 0.45]) {
      const d = buildBorderRules({ keypoint: { x, y: 5.6 } });
      expect(d.argmax.x).toBe(0);
      expect(d.points.darkUdp.x).toBeCloseTo(-0.5, 5);
      expect(d.errors.darkUdp).toBeGreaterThan(Math.abs(x + 0.5) - 0.01);
    }
  });
});
