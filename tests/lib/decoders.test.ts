import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addNoise,
  createRandom,
  DECODER_IDS,
  DECODER_LABELS,
  decodeAll,
  decodeMap,
  encodeUnbiased,
} from '../../src/lib/index.ts';

describe('decodeMap(id, map)', () => {
  const map = encodeUnbiased({ x: 20.3, y: 30.6 }, 48, 64, 2);
  it('every decoder lands within half a pixel of a clean keypoint and keeps the map maximum as score', () => {
    for (const id of DECODER_IDS) {
      // Soft-argmax on a raw heatmap needs a large β: background cells have logit 0.
      const p = decodeMap(id, map, { beta: 40 });
      expect(Math.abs(p.x - 20.3), id).toBeLessThanOrEqual(0.5);
      expect(Math.abs(p.y - 30.6), id).toBeLessThanOrEqual(0.5);
      expect(p.score).toBe(Math.max(...map.data));
      expect(DECODER_LABELS[id]).toBeTruthy();
    }
  });
});

describe('soft-argmax on a raw heatmap', () => {
  it('is pulled toward the map centre at small β, and the debiased form pulls back', () => {
    const map = encodeUnbiased({ x: 8.3, y: 30.6 }, 48, 64, 2);
    const plain = decodeMap('softargmax', map, { beta: 8 });
    const fixed = decodeMap('softargmaxDebiased', map, { beta: 8 });
    expect(plain.x - 8.3).toBeGreaterThan(0.5);
    expect(Math.abs(fixed.x - 8.3)).toBeLessThan(Math.abs(plain.x - 8.3) / 2);
  });
});

describe('decodeAll(ids, map)', () => {
  it('gives every decoder the same answer as decodeMap, scanning once (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0, max: 0.3, noNaN: true }), (seed, noise) => {
        const r = createRandom(seed);
        const map = encodeUnbiased({ x: r.uniform(0, 47), y: r.uniform(0, 63) }, 48, 64, 2);
        addNoise(map.data, noise, r);
        const all = decodeAll(DECODER_IDS, map, { kernel: 7, beta: 5 });
        return DECODER_IDS.every(
          (id) => JSON.stringify(all[id]) === JSON.stringify(decodeMap(id, map, { kernel: 7, beta: 5 })),
        );
      }),
      { numRuns: 300 },
    );
  });
});
