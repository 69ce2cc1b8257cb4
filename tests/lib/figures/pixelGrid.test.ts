import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPixelGrid, CROP_GEOMETRY } from '../../../src/lib/index.ts';

describe('buildPixelGrid({ keypoint, sigma, target })', () => {
  it('maps input pixels to heatmap pixels by the stride (4 for 192×256 → 48×64)', () => {
    const d = buildPixelGrid({ keypoint: { x: 101, y: 47 }, sigma: 2, target: 'unbiased' });
    expect(d.stride).toBe(4);
    expect(d.heatmap).toEqual({ x: 25.25, y: 11.75 });
    expect(d.cell).toEqual({ x: 25, y: 12 });
    expect(d.target).toHaveLength(48 * 64);
  });

  it('argmax lands on the cell holding the keypoint (or the nearest cell past the last one) and errs by at most λ/√2 while μ lies on the map’s cells (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 4 * 47.5, noNaN: true }),
        fc.double({ min: 0, max: 4 * 63.5, noNaN: true }),
        (x, y) => {
          const d = buildPixelGrid({ keypoint: { x, y }, sigma: 2, target: 'biased', geometry: CROP_GEOMETRY });
          return d.decoded.x === d.cell.x && d.decoded.y === d.cell.y && d.error <= d.errorBound + 1e-9;
        },
      ),
    );
  });

  it('reuses the buffer it is given', () => {
    const buffer = new Float32Array(48 * 64);
    expect(buildPixelGrid({ keypoint: { x: 10, y: 10 }, sigma: 2, target: 'unbiased' }, buffer).target).toBe(buffer);
  });
});

describe('the stride convention at the far edge', () => {
  it('puts input y = 254 at heatmap 63.5, past the last cell; the cell is clamped to 63', () => {
    const d = buildPixelGrid({ keypoint: { x: 0, y: 254 }, sigma: 2, target: 'biased' });
    expect(d.heatmap.y).toBe(63.5);
    expect(d.cell.y).toBe(63);
    expect(d.decoded.y).toBe(63);
  });
});

describe('the last half cell', () => {
  it('past the last half cell, argmax errs by more than λ/2 on that axis', () => {
    const d = buildPixelGrid({ keypoint: { x: 191.5, y: 100 }, sigma: 2, target: 'unbiased' });
    expect(d.decoded.x).toBe(47);
    expect(d.error).toBeCloseTo(3.5, 9);
  });
});

describe('buildPixelGrid: the target up close', () => {
  const at = (target: 'biased' | 'unbiased') => buildPixelGrid({ keypoint: { x: 141.3, y: 109.6 }, sigma: 2, target });

  it('centres a biased target on the rounded cell and an unbiased one on μ itself', () => {
    expect(at('biased').targetCentre).toEqual({ x: 35, y: 27 });
    expect(at('unbiased').targetCentre).toEqual(at('unbiased').heatmap);
  });

  it('says what encoding alone loses: the rounding, in input pixels, and nothing when unbiased', () => {
    // μ = (35.325, 27.4); the biased centre (35, 27) is 0.325 and 0.4 cells away, × 4 px.
    expect(at('biased').encodingError).toBeCloseTo(4 * Math.hypot(0.325, 0.4), 10);
    expect(at('unbiased').encodingError).toBe(0);
  });

  it('keeps a 5 × 5 close-up of the target around the argmax cell, peaking at its centre', () => {
    const { closeUp, decoded, target } = at('biased');
    expect(closeUp.size).toBe(5);
    expect(closeUp.origin).toEqual({ x: decoded.x - 2, y: decoded.y - 2 });
    expect(closeUp.values[12]).toBe(target[decoded.y * 48 + decoded.x]);
  });
});
