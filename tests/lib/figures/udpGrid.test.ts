/**
 * Figure 10.1's builder: the two grids over the 32 × 24 crop and the mismatch between the
 * stride mapping and UDP's, against hand-worked arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildUdpGrid,
  CROP_GEOMETRY,
  gridOffset,
  mismatchDecoded,
  UDP_FIGURE,
  udpFigureGeometry,
} from '../../../src/lib/index.ts';

describe('buildUdpGrid({ keypoint, stride })', () => {
  it('stride 4 on the 32 × 24 crop: the stride grid is 1.5 px left of the crop, UDP’s is centred (hand-worked)', () => {
    const d = buildUdpGrid({ keypoint: { x: 9.3, y: 13.6 }, stride: 4 });
    expect([d.geometry.heatmapW, d.geometry.heatmapH]).toEqual([8, 6]);
    const s = d.grids.stride;
    // Cells at 0, 4, …, 28, each 4 px wide: edges −2 … 30, against the crop's −0.5 … 31.5.
    expect(s.centresX).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
    expect(s.extent).toEqual({ x0: -2, x1: 30, y0: -2, y1: 22 });
    expect(s.offset).toEqual({ x: -1.5, y: -1.5 });
    expect(s.heatmap).toEqual({ x: 9.3 / 4, y: 13.6 / 4 });
    expect(s.cell).toEqual({ x: 2, y: 3 });
    const u = d.grids.udp;
    // 31/7 px per cell across, 23/5 down; the first and last centres are the crop's first and last pixels.
    expect(u.scale.x).toBeCloseTo(31 / 7, 12);
    expect(u.scale.y).toBeCloseTo(23 / 5, 12);
    expect(u.centresX[0]).toBe(0);
    expect(u.centresX[7]).toBeCloseTo(31, 12);
    expect(u.offset.x).toBeCloseTo(0, 12);
    expect(u.offset.y).toBeCloseTo(0, 12);
    // Trained stride, decoded UDP: x/4 · 31/7; trained UDP, decoded stride: x · 7/31 · 4.
    expect(d.strideToUdp.decoded.x).toBeCloseTo((9.3 / 4) * (31 / 7), 12);
    expect(d.strideToUdp.decoded.y).toBeCloseTo((13.6 / 4) * (23 / 5), 12);
    expect(d.udpToStride.decoded.x).toBeCloseTo(9.3 * (7 / 31) * 4, 12);
    expect(d.strideToUdp.distance).toBeCloseTo(Math.hypot(d.strideToUdp.error.x, d.strideToUdp.error.y), 12);
  });

  it('the far corner is off by (w − 1)(λ − 1)/(w − λ) on each axis, about λ − 1, at every stride', () => {
    const { inputW: w, inputH: h } = UDP_FIGURE;
    for (const stride of UDP_FIGURE.strides) {
      const d = buildUdpGrid({ keypoint: { x: 1, y: 1 }, stride });
      expect(d.farCorner.x).toBeCloseTo(((w - 1) * (stride - 1)) / (w - stride), 10);
      expect(d.farCorner.y).toBeCloseTo(((h - 1) * (stride - 1)) / (h - stride), 10);
      const last = d.profile[d.profile.length - 1]!;
      expect(last.x).toBe(w - 1);
      expect(last.strideToUdp).toBeCloseTo(d.farCorner.x, 10);
    }
    // On the 256 × 192 crop: 191 · 3/188 across.
    const far = mismatchDecoded({ x: 191, y: 255 }, CROP_GEOMETRY, 'stride', 'udp');
    expect(far.x - 191).toBeCloseTo((191 * 3) / 188, 10);
    expect(far.y - 255).toBeCloseTo((255 * 3) / 252, 10);
    expect(Math.abs(gridOffset(CROP_GEOMETRY, 'stride').x)).toBe(1.5);
  });

  it('UDP’s grid overhangs the crop equally on both sides; the stride grid does not (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UDP_FIGURE.strides), (stride) => {
        const d = buildUdpGrid({ keypoint: { x: 5, y: 5 }, stride });
        const { inputW: w } = UDP_FIGURE;
        const u = d.grids.udp.extent;
        const s = d.grids.stride.extent;
        const udpLeft = -0.5 - u.x0;
        const udpRight = u.x1 - (w - 0.5);
        const strideLeft = -0.5 - s.x0;
        const strideRight = s.x1 - (w - 0.5);
        // Stride: it hangs (λ − 1)/2 over on the left and stops (λ − 1)/2 short on the right.
        return (
          Math.abs(udpLeft - udpRight) < 1e-9 &&
          Math.abs(strideLeft - (stride - 1) / 2) < 1e-9 &&
          Math.abs(strideRight + (stride - 1) / 2) < 1e-9
        );
      }),
    );
  });

  it('the mismatch is linear in the position, zero at the first pixel, of opposite signs, and the two undo each other (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UDP_FIGURE.strides),
        fc.double({ min: 0, max: 31, noNaN: true }),
        fc.double({ min: 0, max: 23, noNaN: true }),
        (stride, x, y) => {
          const g = udpFigureGeometry(stride);
          const d = buildUdpGrid({ keypoint: { x, y }, stride });
          const back = mismatchDecoded(d.strideToUdp.decoded, g, 'udp', 'stride');
          const same = mismatchDecoded({ x, y }, g, 'udp', 'udp');
          const slope = d.farCorner.x / (UDP_FIGURE.inputW - 1);
          return (
            Math.abs(back.x - x) < 1e-9 &&
            Math.abs(back.y - y) < 1e-9 &&
            Math.abs(same.x - x) < 1e-9 &&
            Math.abs(d.strideToUdp.error.x - slope * x) < 1e-9 &&
            d.udpToStride.error.x <= 1e-12 &&
            d.strideToUdp.error.x >= -1e-12
          );
        },
      ),
    );
  });

  it('refuses a stride that does not divide the crop', () => {
    expect(() => udpFigureGeometry(3)).toThrow(/does not divide/);
  });
});
