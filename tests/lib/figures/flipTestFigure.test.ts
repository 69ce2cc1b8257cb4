/**
 * Figure 10.2's builders: the flip test on one keypoint and the seeded sweep against the shift,
 * held to conventions.md's arithmetic (the flipped-back map is 1 − 1/λ cells left with the
 * stride mapping, on the original with UDP's) and to `flipTestBias`, the library's own test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFlipSweep,
  buildFlipTest,
  FLIP_SETTING,
  FLIP_SHIFTS,
  flipTestBias,
  mappingScale,
  type FlipShift,
  type InputMapping,
} from '../../../src/lib/index.ts';

const g = FLIP_SETTING.geometry;
const keypoint = { x: 97.3, y: 129.4 };

describe('buildFlipTest({ keypoint, mapping, shift })', () => {
  it('puts the flipped-back peak at −0.75 + shift cells with the stride mapping and at the shift with UDP’s', () => {
    for (const shift of FLIP_SHIFTS) {
      expect(buildFlipTest({ keypoint, mapping: 'stride', shift }).expectedBias).toBe(-0.75 + shift);
      expect(buildFlipTest({ keypoint, mapping: 'udp', shift }).expectedBias).toBe(shift);
    }
  });

  it('DARK finds that bias on the flipped-back map and half of it on the average (px = cells × the mapping’s scale)', () => {
    for (const mapping of ['stride', 'udp'] as const) {
      const scale = mappingScale(g, mapping).x;
      for (const shift of FLIP_SHIFTS) {
        const d = buildFlipTest({ keypoint, mapping, shift });
        expect(Math.abs(d.stages.original.errorX.dark)).toBeLessThan(0.01);
        expect(d.stages.flipped.errorX.dark).toBeCloseTo(d.expectedBias * scale, 1);
        expect(d.stages.averaged.errorX.dark).toBeCloseTo((d.expectedBias * scale) / 2, 1);
      }
    }
  });

  it('its DARK errors are flipTestBias’s, the library’s flip test, in input px', () => {
    for (const mapping of ['stride', 'udp'] as const) {
      for (const shift of FLIP_SHIFTS) {
        const d = buildFlipTest({ keypoint, mapping, shift });
        const r = flipTestBias(keypoint, g, mapping, shift, { sigma: FLIP_SETTING.sigma, kernel: FLIP_SETTING.kernel });
        const scale = mappingScale(g, mapping).x;
        expect(d.stages.flipped.errorX.dark).toBeCloseTo(r.flipped * scale, 9);
        expect(d.stages.averaged.errorX.dark).toBeCloseTo(r.averaged * scale, 9);
        expect(d.stages.original.errorX.dark).toBeCloseTo(r.original * scale, 9);
      }
    }
  });

  it('the averaged window is the mean of the original and the flipped-back windows, cell by cell', () => {
    const d = buildFlipTest({ keypoint, mapping: 'stride', shift: 1 });
    const { original, flipped, averaged } = d.stages;
    expect(averaged.window.origin).toEqual({ x: 19, y: 27 });
    averaged.window.values.forEach((v, i) =>
      expect(v).toBeCloseTo(((original.window.values[i] as number) + (flipped.window.values[i] as number)) / 2, 6),
    );
    expect(d.profile).toHaveLength(11);
    expect(d.profileRow).toBe(Math.round(d.heatmap.y));
  });

  it('with UDP and no shift the flipped-back map is the original map (property, float32 rounding aside)', () => {
    const { keypoint: box } = FLIP_SETTING;
    fc.assert(
      fc.property(
        fc.double({ min: box.minX, max: box.maxX, noNaN: true }),
        fc.double({ min: box.minY, max: box.maxY, noNaN: true }),
        (x, y) => {
          const d = buildFlipTest({ keypoint: { x, y }, mapping: 'udp', shift: 0 });
          const a = d.stages.original.window.values;
          const b = d.stages.flipped.window.values;
          return a.every((v, i) => Math.abs(v - (b[i] as number)) < 1e-5);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('buildFlipSweep()', () => {
  const rows = buildFlipSweep({ samples: 24, seed: 5 });
  const row = (mapping: InputMapping, shift: FlipShift, decoder: 'argmax' | 'dark') =>
    rows.find((r) => r.mapping === mapping && r.shift === shift && r.decoder === decoder)!;

  it('has a row per mapping, shift and decoder, and is the same for the same seed', () => {
    expect(rows).toHaveLength(2 * 3 * 2);
    expect(buildFlipSweep({ samples: 24, seed: 5 })).toEqual(rows);
    expect(buildFlipSweep({ samples: 24, seed: 6 })).not.toEqual(rows);
  });

  it('stride mapping: one cell minimises the flipped map’s bias on unbiased targets; its means are (−0.75 + s)·4 px', () => {
    const biases = FLIP_SHIFTS.map((s) => row('stride', s, 'dark').flipped.mean);
    biases.forEach((b, s) => expect(b).toBeCloseTo((-0.75 + s) * 4, 1));
    const best = biases.map(Math.abs).indexOf(Math.min(...biases.map(Math.abs)));
    expect(best).toBe(1);
    // The averaged map keeps half: −1.5, +0.5, +2.5 px.
    FLIP_SHIFTS.forEach((s) => expect(row('stride', s, 'dark').averaged.mean).toBeCloseTo(((-0.75 + s) * 4) / 2, 1));
  });

  it('UDP mapping needs no shift: unshifted it is unbiased, and each cell of shift adds 191/47 px', () => {
    const scale = 191 / 47;
    expect(Math.abs(row('udp', 0, 'dark').flipped.mean)).toBeLessThan(0.01);
    expect(row('udp', 1, 'dark').flipped.mean).toBeCloseTo(scale, 1);
    expect(row('udp', 2, 'dark').flipped.mean).toBeCloseTo(2 * scale, 1);
    for (const s of FLIP_SHIFTS) expect(Math.abs(row('udp', s, 'dark').original.mean)).toBeLessThan(0.01);
  });

  it('argmax on the original map errs by its quantisation only: at most half a cell, in the mapping’s px', () => {
    for (const r of rows.filter((x) => x.decoder === 'argmax')) {
      const halfCell = mappingScale(g, r.mapping).x / 2;
      expect(r.original.meanAbs).toBeLessThanOrEqual(halfCell);
      expect(r.original.meanAbs).toBeGreaterThan(0);
    }
  });
});
