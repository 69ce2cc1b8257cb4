/** Figure 9.1's data: the crop on the photo and the run's landmarks put back on it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPersonCrop,
  cropToPhoto,
  fitCropFraction,
  PHOTO_MARGIN,
  type BlazePoseLandmark,
} from '../../../src/lib/index.ts';

const landmark = (x: number, y: number, visibility: number): BlazePoseLandmark => ({
  x,
  y,
  z: 0,
  visibility,
  presence: 1,
});

describe('buildPersonCrop', () => {
  it('places the crop in units of the longer side and in photo pixels', () => {
    const d = buildPersonCrop({ width: 800, height: 400, crop: { cx: 0.5, cy: 0.25, side: 0.5 } });
    expect(d.unit).toBe(800);
    expect(d.photo).toEqual({ w: 1, h: 0.5 });
    expect(d.crop).toEqual({ x: 200, y: 0, size: 400 });
    expect(d.square).toEqual({ x: 0.25, y: 0, size: 0.5 });
    expect(d.scale).toBe(400 / 256);
    expect(d.overflows).toBe(false);
    expect(d.landmarks).toEqual([]);
  });

  it('says when the crop reaches beyond the photo', () => {
    expect(buildPersonCrop({ width: 512, height: 512, crop: { cx: 0.5, cy: 0.5, side: 1 } }).overflows).toBe(false);
    expect(buildPersonCrop({ width: 512, height: 512, crop: { cx: 0.45, cy: 0.5, side: 1 } }).overflows).toBe(true);
    expect(buildPersonCrop({ width: 512, height: 512, crop: { cx: 0.5, cy: 0.5, side: 1.1 } }).overflows).toBe(true);
  });

  it('puts the 33 pose landmarks of a run back on the photo, seen when their visibility is ≥ 0.5', () => {
    const ranOn = { x: 100, y: 50, size: 512 };
    const marks = Array.from({ length: 39 }, (_, i) => landmark(4 * i, 128, i === 2 ? 0.2 : 0.9));
    const d = buildPersonCrop({
      width: 1024,
      height: 768,
      crop: { cx: 0.5, cy: 0.5, side: 0.5 },
      landmarks: marks,
      ranOn,
    });
    expect(d.landmarks).toHaveLength(33);
    const p = cropToPhoto(marks[5]!, ranOn);
    expect(d.landmarks[5]).toEqual({ joint: 5, name: 'right eye', x: p.x / 1024, y: p.y / 1024, seen: true });
    expect(d.landmarks[2]?.seen).toBe(false);
  });
});

describe('fitCropFraction', () => {
  const sides = { min: 0.1, max: 1.25 };

  it('leaves a crop whose handles are in view as it is', () => {
    expect(fitCropFraction({ cx: 0.5, cy: 0.5, side: 1 }, { w: 1, h: 1 }, sides)).toEqual({
      cx: 0.5,
      cy: 0.5,
      side: 1,
    });
  });

  it('keeps the side within its bounds and the bottom-right corner within the photo and its margin', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (cx, cy, side, h) => {
          const f = fitCropFraction({ cx, cy, side }, { w: 1, h }, sides, PHOTO_MARGIN);
          expect(f.side).toBeGreaterThanOrEqual(sides.min);
          expect(f.side).toBeLessThanOrEqual(sides.max);
          expect(f.cx).toBeGreaterThanOrEqual(0);
          expect(f.cy).toBeGreaterThanOrEqual(0);
          expect(f.cx + f.side / 2).toBeLessThanOrEqual(1 + PHOTO_MARGIN + 1e-12);
          expect(f.cy + f.side / 2).toBeLessThanOrEqual(h + PHOTO_MARGIN + 1e-12);
        },
      ),
    );
  });

  it('shrinks a crop too large for a short photo rather than pushing its centre off it', () => {
    expect(fitCropFraction({ cx: 0.5, cy: 0.2, side: 1.2 }, { w: 1, h: 0.4 }, sides)).toEqual({
      cx: 0.5,
      cy: 0,
      side: 2 * (0.4 + PHOTO_MARGIN),
    });
  });
});
