/**
 * The windowed soft-argmax: the whole-map soft-argmax when the window covers the map, the centre of
 * a symmetric peak, blind to a second peak outside its window, leaning inwards at the border.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeMap,
  encodeUnbiased,
  softArgmaxWindow,
  SOFT_WINDOW_RADIUS,
  type Heatmap,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';

/** A map of logits log(g / (1 − g)) of a Gaussian g (peak 0.9) at `centre`, σ 2, over a floor of 1e-6, plus `extra`. */
function logitMap(
  w: number,
  h: number,
  centre: { x: number; y: number },
  extra?: (x: number, y: number) => number,
): Heatmap {
  const map = encodeUnbiased(centre, w, h, 2);
  for (let i = 0; i < map.data.length; i++) {
    const x = i % w;
    const y = (i - x) / w;
    const p = Math.min(0.999, 1e-6 + 0.9 * (map.data[i] as number) + (extra?.(x, y) ?? 0));
    map.data[i] = Math.log(p / (1 - p));
  }
  return map;
}

describe('softArgmaxWindow', () => {
  it('is a 7 × 7 window by default (MediaPipe’s refinement window)', () => {
    expect(SOFT_WINDOW_RADIUS).toBe(3);
  });

  it('finds the centre of a peak that is symmetric about a cell, with the maximum as its score', () => {
    const map = logitMap(32, 24, { x: 12, y: 9 });
    const p = softArgmaxWindow(map);
    expectClose([p.x, p.y], [12, 9], 1e-9);
    expect(p.score).toBe(Math.max(...map.data));
  });

  it('equals the whole-map soft-argmax when the window covers the map, for any map and β', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 3, max: 12 }),
        fc.array(fc.float({ min: -6, max: 6, noNaN: true }), { minLength: 144, maxLength: 144 }),
        fc.double({ min: 0.25, max: 3, noNaN: true }),
        (w, h, values, beta) => {
          const map = { data: Float32Array.from(values.slice(0, w * h)), w, h };
          const windowed = softArgmaxWindow(map, { radius: 12, beta });
          const whole = decodeMap('softargmax', map, { beta });
          expectClose([windowed.x, windowed.y], [whole.x, whole.y], 1e-6);
        },
      ),
    );
  });

  it('ignores a second peak outside its window, which pulls the whole-map soft-argmax', () => {
    const second = (x: number, y: number) => 0.8 * Math.exp(-((x - 40) ** 2 + (y - 40) ** 2) / 8);
    const map = logitMap(64, 64, { x: 20, y: 20 }, second);
    const windowed = softArgmaxWindow(map);
    const whole = decodeMap('softargmax', map);
    expectClose([windowed.x, windowed.y], [20, 20], 1e-6);
    expect(whole.x).toBeGreaterThan(25);
  });

  it('leans inwards where the window is clipped by the map’s edge', () => {
    const p = softArgmaxWindow(logitMap(32, 32, { x: 0, y: 16 }));
    expect(p.x).toBeGreaterThan(0);
    expectClose(p.y, 16, 1e-9);
  });

  it('gives a NaN cell no weight, and the centre for a map with no finite maximum', () => {
    const map = logitMap(16, 16, { x: 8, y: 8 });
    map.data[8 * 16 + 9] = NaN;
    map.data[8 * 16 + 7] = NaN;
    expectClose(softArgmaxWindow(map).x, 8, 1e-9);
    const empty = { data: new Float32Array(16).fill(NaN), w: 4, h: 4 };
    expect(softArgmaxWindow(empty)).toEqual({ x: 1.5, y: 1.5, score: NaN });
  });

  it('refuses a radius that is not a whole number ≥ 0 and a β that is not positive', () => {
    const map = logitMap(8, 8, { x: 4, y: 4 });
    expect(() => softArgmaxWindow(map, { radius: 1.5 })).toThrow(RangeError);
    expect(() => softArgmaxWindow(map, { radius: -1 })).toThrow(RangeError);
    expect(() => softArgmaxWindow(map, { beta: 0 })).toThrow(RangeError);
    expect(softArgmaxWindow(map, { radius: 0 })).toMatchObject({ x: 4, y: 4 });
  });
});
