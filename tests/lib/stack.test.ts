import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueAt, windowAround, type Heatmap } from '../../src/lib/index.ts';

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
