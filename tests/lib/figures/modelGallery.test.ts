import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gallerySample, keypointMaximum, sampleErrors, softmaxMaximum } from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';

const LN3 = Math.log(3);

describe('keypointMaximum(maps, k, h, w, probabilities)', () => {
  it('is the cell-wise maximum over the k maps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (k, h, w, seed) => {
          const maps = Float32Array.from({ length: k * h * w }, (_, i) => Math.sin(seed + 7.1 * i));
          const out = keypointMaximum(maps, k, h, w);
          for (let i = 0; i < h * w; i++) {
            const column = Array.from({ length: k }, (_, j) => maps[j * h * w + i] as number);
            expect(out[i]).toBe(Math.max(...column));
          }
        },
      ),
    );
  });

  it('takes each map through its softmax first for DSNT: logits 0 and ln 3 give ¼ and ¾', () => {
    // Two keypoints over two cells, mirrored: each softmax is [¼, ¾] or [¾, ¼]; the maximum ¾, ¾.
    expectClose(keypointMaximum([0, LN3, LN3, 0], 2, 1, 2, true), [0.75, 0.75], 1e-7);
    // One keypoint: the softmax itself, which sums to 1.
    const p = keypointMaximum([1, 2, 3, 4], 1, 2, 2, true);
    expectClose(
      p.reduce((a, b) => a + b, 0),
      1,
      1e-6,
    );
  });

  it('refuses values that are not k maps of h × w', () => {
    expect(() => keypointMaximum([1, 2, 3], 2, 1, 2)).toThrow(/3 values are not 2 maps of 1 × 2/);
  });
});

describe('softmaxMaximum(logits, k, bins)', () => {
  it('is the bin-wise maximum of the rows’ softmaxes', () => {
    expectClose(softmaxMaximum([0, LN3, 0, 0], 2, 2), [0.5, 0.75], 1e-7);
  });

  it('refuses a length that is not k × bins', () => {
    expect(() => softmaxMaximum([0, 0, 0], 2, 2)).toThrow(/not 2 × 2/);
  });
});

describe('sampleErrors(truth, points)', () => {
  it('is each decoder’s mean distance to the truth: a 3-4-5 miss and a hit average 2.5', () => {
    const truth = [
      { x: 1, y: 1 },
      { x: 5, y: 5 },
    ];
    const errors = sampleErrors(truth, {
      argmax: [
        { x: 4, y: 5 },
        { x: 5, y: 5 },
      ],
      dark: truth,
    });
    expect(errors).toEqual({ argmax: 2.5, dark: 0 });
  });
});

describe('gallerySample(head, outputs, points, truth)', () => {
  const truth = [{ x: 4, y: 4 }];
  const maps = [0, LN3, 0, 0];
  it('draws the heatmap head’s maps as they are, and no vectors', () => {
    const s = gallerySample('heatmap', { k: 1, h: 2, w: 2, maps }, { argmax: [{ x: 4, y: 0 }] }, truth);
    expectClose(s.map, maps, 1e-7);
    expect(s.vectors).toBeUndefined();
    expect(s.errors).toEqual({ argmax: 4 });
    expect([s.w, s.h]).toEqual([2, 2]);
  });

  it('draws DSNT’s maps as probabilities: ln 3 against three zeros gives ½', () => {
    const s = gallerySample('dsnt', { k: 1, h: 2, w: 2, maps }, { dsnt: truth }, truth);
    expectClose(s.map, [1 / 6, 1 / 2, 1 / 6, 1 / 6], 1e-7);
  });

  it('gives SimDR its two vectors, the maximum over keypoints of each softmax', () => {
    const simdr = { x: [0, LN3, LN3, 0], y: [0, 0, 0, 0], bins: 2 };
    const s = gallerySample('simdr', { k: 2, h: 1, w: 2, maps: [0, 0, 0, 0], simdr }, { simdr: truth.concat(truth) }, [
      ...truth,
      ...truth,
    ]);
    expectClose(s.vectors!.x, [0.75, 0.75], 1e-7);
    expectClose(s.vectors!.y, [0.5, 0.5], 1e-7);
    expect(s.vectors!.bins).toBe(2);
  });
});
