import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapWindow, valueAt, windowAround, type Heatmap } from '../../src/lib/index.ts';

const ramp = (w: number, h: number): Heatmap => ({
  data: Float32Array.from({ length: w * h }, (_, i) => i + 1),
  w,
  h,
});

describe('windowAround(map, centre, radius)', () => {
  it('copies the (2r+1)² cells around the centre, with the top-left cell as origin', () => {
    const win = windowAround(ramp(6, 5), { x: 3, y: 2 }, 1);
    expect(win.size).toBe(3);
    expect(win.origin).toEqual({ x: 2, y: 1 });
    // Rows 1..3, columns 2..4 of a map whose cell (x, y) holds 6y + x + 1.
    expect(Array.from(win.values)).toEqual([9, 10, 11, 15, 16, 17, 21, 22, 23]);
  });

  it('is zero where it leaves the map, and equals the map everywhere else', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: -3, max: 12 }),
        fc.integer({ min: -3, max: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (w, h, cx, cy, r) => {
          const map = ramp(w, h);
          const win = windowAround(map, { x: cx, y: cy }, r);
          for (let j = 0; j < win.size; j++)
            for (let i = 0; i < win.size; i++)
              expect(win.values[j * win.size + i]).toBe(valueAt(map, win.origin.x + i, win.origin.y + j));
        },
      ),
    );
  });
});

/** A w × h map whose value at (x, y) is 100·y + x. */
function indexMap(w: number, h: number) {
  return { data: Float32Array.from({ length: w * h }, (_, i) => 100 * Math.floor(i / w) + (i % w)), w, h };
}

describe('mapWindow', () => {
  it('copies the size × size cells whose centre cell is nearest the point', () => {
    const win = mapWindow(indexMap(20, 10), { x: 6.4, y: 4.6 }, 3);
    expect([win.x0, win.y0, win.w, win.h]).toEqual([5, 4, 3, 3]);
    expect(Array.from(win.data)).toEqual([405, 406, 407, 505, 506, 507, 605, 606, 607]);
  });

  it('moves inside the map at its edges, and takes a map smaller than the window whole', () => {
    expect(mapWindow(indexMap(20, 10), { x: 0, y: 9.4 }, 5)).toMatchObject({ x0: 0, y0: 5 });
    expect(mapWindow(indexMap(20, 10), { x: NaN, y: 0 }, 5)).toMatchObject({ x0: 8, y0: 0 });
    const whole = mapWindow(indexMap(4, 3), { x: 1, y: 1 }, 9);
    expect([whole.x0, whole.y0, whole.w, whole.h]).toEqual([0, 0, 4, 3]);
  });

  it('holds the map’s value at (x0 + i, y0 + j) in cell (i, j), for any map, point and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: -10, max: 40, noNaN: true }),
        fc.double({ min: -10, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 15 }),
        (w, h, x, y, size) => {
          const win = mapWindow(indexMap(w, h), { x, y }, size);
          expect(win.x0).toBeGreaterThanOrEqual(0);
          expect(win.x0 + win.w).toBeLessThanOrEqual(w);
          expect(win.y0 + win.h).toBeLessThanOrEqual(h);
          for (let j = 0; j < win.h; j++)
            for (let i = 0; i < win.w; i++) expect(win.data[j * win.w + i]).toBe(100 * (win.y0 + j) + win.x0 + i);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => mapWindow(indexMap(4, 4), { x: 1, y: 1 }, 0)).toThrow(RangeError);
    expect(() => mapWindow(indexMap(4, 4), { x: 1, y: 1 }, 2.5)).toThrow(RangeError);
  });
});
