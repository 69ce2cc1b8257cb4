/** Megvii's decoder skips rows that cannot hold the blurred maximum: same numbers as the whole-map path. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  blurMap,
  blurRows,
  createRandom,
  encodeUnbiased,
  megviiFromModulated,
  megviiMap,
  megviiMaximum,
  megviiScore,
  modulateMap,
  type Heatmap,
} from '../../src/lib/index.ts';

/** A noisy map with one or two peaks, sometimes a negative region and a NaN cell. */
function randomMap(seed: number): Heatmap {
  const r = createRandom(seed);
  const w = 12 + Math.floor(r.uniform(0, 40));
  const h = 12 + Math.floor(r.uniform(0, 50));
  const map = encodeUnbiased({ x: r.uniform(-1, w), y: r.uniform(-1, h) }, w, h, r.uniform(1, 3));
  if (r.next() < 0.5) {
    const second = encodeUnbiased({ x: r.uniform(0, w - 1), y: r.uniform(0, h - 1) }, w, h, 2);
    const a = r.uniform(0.5, 1.2);
    for (let i = 0; i < map.data.length; i++) map.data[i] = map.data[i]! + a * second.data[i]!;
  }
  addNoise(map.data, r.uniform(0, 0.2), r);
  if (r.next() < 0.3) for (let i = 0; i < w * 3; i++) map.data[i] = -1;
  if (r.next() < 0.3) map.data[Math.floor(r.uniform(0, w * h))] = Number.NaN;
  return map;
}

describe('megviiMap', () => {
  it('gives what the whole modulated map gives, point, score and fallback (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(3, 5, 7, 11, 17), (seed, k) => {
        const map = randomMap(seed);
        const whole = megviiFromModulated(modulateMap(map, k).data, map.w, map.h);
        expect(megviiMap(map, k)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('blurRows computes the rows asked for exactly as blurMap does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(3, 7, 11),
        fc.array(fc.boolean(), { minLength: 62, maxLength: 62 }),
        (seed, k, wanted) => {
          const map = randomMap(seed);
          const whole = blurMap(map, k);
          const some = blurRows(map, k, wanted, new Float32Array(map.w * map.h).fill(Number.NaN));
          for (let y = 0; y < map.h; y++) {
            const row = (a: Float32Array) => Array.from(a.subarray(y * map.w, (y + 1) * map.w));
            if (wanted[y]) expect(row(some)).toEqual(row(whole));
            else expect(row(some).every(Number.isNaN)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('megviiMaximum(score)', () => {
  it('is the inverse of megviiScore: the modulated maximum a score encodes', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (max) => {
        expect(megviiMaximum(megviiScore(max))).toBeCloseTo(max, 9);
      }),
    );
    expect(megviiMaximum(0.5)).toBe(0);
  });
});
