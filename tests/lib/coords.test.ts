import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fromNormalized,
  heatmapToImage,
  heatmapToImageUdp,
  imageToHeatmap,
  imageToHeatmapUdp,
  strideOf,
  toNormalized,
} from '../../src/lib/index.ts';

const g = { inputW: 192, inputH: 256, heatmapW: 48, heatmapH: 64 };

describe('image ↔ heatmap conventions', () => {
  it('stride: 256×192 → 64×48 divides by 4', () => {
    expect(strideOf(g)).toBe(4);
    expect(imageToHeatmap({ x: 100, y: 30 }, g)).toEqual({ x: 25, y: 7.5 });
  });

  it('UDP maps the corner pixels of both grids onto each other', () => {
    expect(imageToHeatmapUdp({ x: 0, y: 0 }, g)).toEqual({ x: 0, y: 0 });
    expect(imageToHeatmapUdp({ x: 191, y: 255 }, g)).toEqual({ x: 47, y: 63 });
  });

  it('DSNT normalised: pixel centres run from -(n-1)/n to (n-1)/n', () => {
    expect(toNormalized(0, 4)).toBe(-3 / 4);
    expect(toNormalized(3, 4)).toBe(3 / 4);
  });

  it('each convention round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 300, noNaN: true }),
        fc.double({ min: -10, max: 300, noNaN: true }),
        (x, y) => {
          const p = { x, y };
          const a = heatmapToImage(imageToHeatmap(p, g), g);
          const b = heatmapToImageUdp(imageToHeatmapUdp(p, g), g);
          const c = fromNormalized(toNormalized(x, 48), 48);
          return (
            Math.abs(a.x - x) < 1e-9 &&
            Math.abs(a.y - y) < 1e-9 &&
            Math.abs(b.x - x) < 1e-9 &&
            Math.abs(b.y - y) < 1e-9 &&
            Math.abs(c - x) < 1e-9
          );
        },
      ),
    );
  });
});
