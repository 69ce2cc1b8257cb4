import { describe, expect, it } from 'vitest';
import {
  CROP_BOUNDS,
  CROP_X_SLIDER,
  cropPointHandle,
  cropPointParams,
  keypointSchema,
} from '../../../src/components/state/keypoint.ts';
import { CROP_GEOMETRY } from '../../../src/lib/index.ts';
import { describeSchema } from './schema.ts';

describeSchema('kp', keypointSchema);

describe('CROP_BOUNDS', () => {
  it('is the crop, less a tenth of a pixel at its far edges', () => {
    expect(CROP_BOUNDS).toEqual({
      minX: 0,
      maxX: CROP_GEOMETRY.inputW - 0.1,
      minY: 0,
      maxY: CROP_GEOMETRY.inputH - 0.1,
    });
  });
});

describe('cropPointParams(at)', () => {
  it('declares x and y on the crop, starting at the point', () => {
    const params = cropPointParams({ x: 12.5, y: 200 });
    expect([params.x.default, params.y.default]).toEqual([12.5, 200]);
    expect(params.x.clamp(500)).toBe(CROP_BOUNDS.maxX);
    expect(params.y.clamp(-3)).toBe(0);
  });
});

describe('cropPointHandle(describe)', () => {
  it('is the handle on the surface that reads and sets x and y, within the crop', () => {
    const handle = cropPointHandle<{ x: number; y: number; sigma: number }>((p) => `at ${p.x}, ${p.y}`);
    expect([handle.role, handle.surface, handle.bounds]).toEqual(['handle', 'surface', CROP_BOUNDS]);
    const s = { x: 3, y: 4, sigma: 2 };
    expect(handle.get(s)).toEqual({ x: 3, y: 4 });
    expect(handle.set({ x: 7, y: 8 }, s)).toEqual({ x: 7, y: 8 });
    expect(handle.describe({ x: 1, y: 2 })).toBe('at 1, 2');
  });
});

describe('CROP_X_SLIDER', () => {
  it("slides the keypoint's x over the crop, said to a tenth of a pixel", () => {
    expect(CROP_X_SLIDER).toMatchObject({ key: 'x', min: CROP_BOUNDS.minX, max: CROP_BOUNDS.maxX, fine: 0.1 });
    expect(CROP_X_SLIDER.describe({ x: 101.37, y: 0 })).toBe('x 101.4 input pixels');
  });
});
