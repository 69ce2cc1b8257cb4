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

describe("the debiased soft-argmax: the paper's form and MMPose's code (issue 27 item 3)", () => {
  // Two cells, logits 0 and ln 3: softmax at β = 1 is (¼, ¾), so the plain expectation is x = 0.75.
  const map = { w: 2, h: 1, data: Float32Array.from([0, Math.log(3)]) };

  it("MMPose's: cell j at j/W and C = Σ exp(z) = 4, so x = C/(C−1)·(0.75/2 − 1/(2C))·2 = 2/3, y = −1/6", () => {
    const p = decodeMap('softargmaxMmpose', map, { beta: 1 });
    expect(p.x).toBeCloseTo(2 / 3, 6);
    expect(p.y).toBeCloseTo(-1 / 6, 6);
  });

  it("the paper's: cell j at (j + ½)/W and C = mean exp(βz) = 2, so x = (0.625 − ¼)/½·2 − ½ = 1, y = 0", () => {
    const p = decodeMap('softargmaxDebiased', map, { beta: 1 });
    expect(p.x).toBeCloseTo(1, 6);
    expect(p.y).toBeCloseTo(0, 6);
  });

  it("MMPose's C takes no β: at β = 2 softmax is (1/10, 9/10) and C stays 4, so x = (0.45 − ⅛)/¾·2 = 13/15", () => {
    expect(decodeMap('softargmaxMmpose', map, { beta: 2 }).x).toBeCloseTo(13 / 15, 6);
  });

  // They agree at the map's centre, where the debiasing moves nothing, and come together as β grows
  // (MMPose's C = Σ exp(z) then matters less): at β = 20, within 0.003 px 10 px from the centre.
  it('the two forms differ by more than a heatmap pixel at β ≤ 5, ten pixels or more from the centre (property)', () => {
    const away = fc
      .tuple(fc.double({ min: 4, max: 43, noNaN: true }), fc.double({ min: 4, max: 59, noNaN: true }))
      .filter(([x, y]) => Math.hypot(x - 23.5, y - 31.5) >= 10);
    fc.assert(
      fc.property(away, fc.constantFrom(1, 2, 5), ([x, y], beta) => {
        const gaussian = encodeUnbiased({ x, y }, 48, 64, 2);
        const paper = decodeMap('softargmaxDebiased', gaussian, { beta });
        const mmpose = decodeMap('softargmaxMmpose', gaussian, { beta });
        return Math.hypot(paper.x - mmpose.x, paper.y - mmpose.y) > 1;
      }),
      { numRuns: 50 },
    );
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
