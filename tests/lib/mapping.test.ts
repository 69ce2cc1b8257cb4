import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  geometryOfStride,
  heatmapToInput,
  imageToInput,
  inputToHeatmap,
  inputToImage,
  mappingScale,
  mmposeCrop,
  mmposeDecodeScale,
  type Geometry,
} from '../../src/lib/index.ts';

// 192 × 256 input, 48 × 64 heatmap: λ = 4.
const g: Geometry = { inputW: 192, inputH: 256, heatmapW: 48, heatmapH: 64 };

describe('heatmap ↔ input mappings', () => {
  it('stride: x_in = 4 x_hm; UDP: x_in = x_hm · 191/47 and y_in = y_hm · 255/63', () => {
    expect(heatmapToInput({ x: 10, y: 20 }, g, 'stride')).toEqual({ x: 40, y: 80 });
    expect(mappingScale(g, 'udp')).toEqual({ x: 191 / 47, y: 255 / 63 });
    // UDP maps the last heatmap cell onto the last input pixel.
    expect(heatmapToInput({ x: 47, y: 63 }, g, 'udp')).toEqual({ x: 191, y: 255 });
    expect(heatmapToInput({ x: 0, y: 0 }, g, 'udp')).toEqual({ x: 0, y: 0 });
  });

  it('inputToHeatmap inverts heatmapToInput in both conventions (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 300, noNaN: true }),
        fc.double({ min: -10, max: 300, noNaN: true }),
        (x, y) =>
          (['stride', 'udp'] as const).every((m) => {
            const back = heatmapToInput(inputToHeatmap({ x, y }, g, m), g, m);
            return Math.abs(back.x - x) < 1e-9 && Math.abs(back.y - y) < 1e-9;
          }),
      ),
    );
  });

  it('geometryOfStride makes the input λ times the heatmap', () => {
    expect(geometryOfStride(48, 64, 4)).toEqual(g);
  });
});

describe("MMPose's codec scales and its top-down crop", () => {
  it('MSRAHeatmap and MegviiHeatmap multiply by w/W; UDPHeatmap by w/(W-1)', () => {
    expect(mmposeDecodeScale('MSRAHeatmap', g)).toEqual({ x: 4, y: 4 });
    expect(mmposeDecodeScale('MegviiHeatmap', g)).toEqual({ x: 4, y: 4 });
    expect(mmposeDecodeScale('UDPHeatmap', g)).toEqual({ x: 192 / 47, y: 256 / 63 });
  });

  it('crops a box with padding 1.25 widened to the input aspect ratio (hand-worked)', () => {
    // Box 30 × 60 at (10, 20): centre (25, 50); padded 37.5 × 75; w/h = 0.75, and
    // 37.5 < 75 · 0.75 = 56.25, so the width grows to 56.25.
    expect(mmposeCrop([10, 20, 30, 60], 192, 256)).toEqual({ center: { x: 25, y: 50 }, scale: { x: 56.25, y: 75 } });
    // A wide box keeps its width: 80 · 1.25 = 100 > 20 · 1.25 · 0.75, so the height is 100/0.75.
    expect(mmposeCrop([0, 0, 80, 20], 192, 256).scale).toEqual({ x: 100, y: 100 / 0.75 });
  });

  it('inputToImage inverts imageToInput under both mappings (property)', () => {
    const crop = mmposeCrop([100, 50, 60, 140], 192, 256);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (x, y) =>
        (['stride', 'udp'] as const).every((m) => {
          const back = inputToImage(imageToInput({ x, y }, crop, 192, 256, m), crop, 192, 256, m);
          return Math.abs(back.x - x) < 1e-9 && Math.abs(back.y - y) < 1e-9;
        }),
      ),
    );
  });

  it("UDP end to end: image → input (UDP warp) → heatmap → UDPHeatmap.decode → MMPose's box transform = image", () => {
    const crop = mmposeCrop([100, 50, 60, 140], 192, 256);
    const image = { x: 131.7, y: 120.2 };
    const hm = inputToHeatmap(imageToInput(image, crop, 192, 256, 'udp'), g, 'udp');
    const s = mmposeDecodeScale('UDPHeatmap', g);
    const decoded = { x: hm.x * s.x, y: hm.y * s.y };
    // TopdownPoseEstimator: keypoints / input_size · scale + centre - scale/2.
    const back = {
      x: (decoded.x / 192) * crop.scale.x + crop.center.x - crop.scale.x / 2,
      y: (decoded.y / 256) * crop.scale.y + crop.center.y - crop.scale.y / 2,
    };
    expect(back.x).toBeCloseTo(image.x, 9);
    expect(back.y).toBeCloseTo(image.y, 9);
  });
});
