/** Figure 9.1's data: the crop on the photo and the run's landmarks put back on it. */
import { describe, expect, it } from 'vitest';
import { buildPersonCrop, cropToPhoto, type BlazePoseLandmark } from '../../../src/lib/index.ts';

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
