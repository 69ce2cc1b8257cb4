/** The crop: bilinear resampling of a photo square into the model's input, and the crop ↔ photo maps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASTRONAUT_DEFAULT_CROP,
  ASTRONAUT_SIZE,
  cropAround,
  cropFromFraction,
  defaultCropFraction,
  fractionFromCrop,
  photoUnit,
  cropFromAuxiliary,
  cropToPhoto,
  photoToCrop,
  resampleCrop,
  shiftCrop,
  type Photo,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';

/** A w × h RGB photo whose channels are given functions of (x, y). */
function photoOf(
  w: number,
  h: number,
  f: (x: number, y: number) => [number, number, number],
  channels: 3 | 4 = 3,
): Photo {
  const data = new Float64Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * channels;
      data.set(f(x, y), o);
      if (channels === 4) data[o + 3] = 255;
    }
  }
  return { data, width: w, height: h, channels };
}

describe('resampleCrop', () => {
  // Channels: R = 2x + 3y + 1, G = x, B = 200 − y, each linear in (x, y).
  const ramp = photoOf(40, 30, (x, y) => [2 * x + 3 * y + 1, x, 200 - y]);

  it('reproduces a linear ramp exactly inside the photo, at any scale and sub-pixel offset', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.double({ min: 4, max: 20, noNaN: true }),
        (x, y, size) => {
          const n = 8;
          const crop = { x, y, size };
          const out = resampleCrop(ramp, crop, n);
          const s = size / n;
          for (let v = 0; v < n; v++) {
            for (let u = 0; u < n; u++) {
              const px = x + s * u;
              const py = y + s * v;
              const o = (v * n + u) * 3;
              expectClose(
                [out[o] ?? NaN, out[o + 1] ?? NaN, out[o + 2] ?? NaN],
                [(2 * px + 3 * py + 1) / 255, px / 255, (200 - py) / 255],
                1e-6,
              );
            }
          }
        },
      ),
    );
  });

  it('at scale 1 and an integer position is a slice of the photo (RGBA: alpha ignored)', () => {
    const photo = photoOf(12, 10, (x, y) => [(x * 7 + y * 13) % 256, (x * x + y) % 256, (x * y) % 256], 4);
    const out = resampleCrop(photo, { x: 3, y: 2, size: 6 }, 6);
    for (let v = 0; v < 6; v++) {
      for (let u = 0; u < 6; u++) {
        const src = ((v + 2) * 12 + (u + 3)) * 4;
        const o = (v * 6 + u) * 3;
        expect([out[o], out[o + 1], out[o + 2]].map((c) => Math.round((c ?? NaN) * 255))).toEqual([
          photo.data[src],
          photo.data[src + 1],
          photo.data[src + 2],
        ]);
      }
    }
  });

  it('a shift of t input pixels moves the content t pixels right (integer t, scale 1)', () => {
    const photo = photoOf(20, 4, (x) => [x * 10, 0, 0]);
    const crop = { x: 8, y: 0, size: 8 };
    const base = resampleCrop(photo, crop, 8);
    const moved = resampleCrop(photo, shiftCrop(crop, 3, 0, 8), 8);
    for (let u = 3; u < 8; u++) expect(moved[u * 3]).toBe(base[(u - 3) * 3]);
  });

  it('repeats the edge pixels outside the photo', () => {
    const photo = photoOf(4, 3, (x, y) => [x * 50 + 10, y * 60, 255]);
    const out = resampleCrop(photo, { x: -3, y: -2, size: 12 }, 12);
    // Input pixel (0, 0) samples (−3, −2): the corner (0, 0). Pixel (11, 11) samples (8, 9): (3, 2).
    expectClose([out[0] ?? NaN, out[1] ?? NaN], [10 / 255, 0], 1e-7);
    const last = (11 * 12 + 11) * 3;
    expectClose([out[last] ?? NaN, out[last + 1] ?? NaN], [160 / 255, 120 / 255], 1e-7);
  });

  it('refuses an empty crop, a short buffer and a photo without pixels', () => {
    const photo = photoOf(4, 4, () => [0, 0, 0]);
    expect(() => resampleCrop(photo, { x: 0, y: 0, size: 0 }, 4)).toThrow(RangeError);
    expect(() => resampleCrop(photo, { x: Number.NaN, y: 0, size: 4 }, 4)).toThrow(RangeError);
    expect(() => resampleCrop({ ...photo, data: new Uint8Array(5) }, { x: 0, y: 0, size: 4 }, 4)).toThrow(RangeError);
    expect(() => resampleCrop({ ...photo, width: 0 }, { x: 0, y: 0, size: 4 }, 4)).toThrow(RangeError);
  });
});

describe('crop ↔ photo', () => {
  it('input pixel (u, v) is photo (x + s·u, y + s·v) and back', () => {
    const crop = { x: -12.5, y: 40, size: 640 };
    expect(cropToPhoto({ x: 128, y: 64 }, crop)).toEqual({ x: -12.5 + 2.5 * 128, y: 40 + 2.5 * 64 });
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (px, py, size) => {
          const c = { x: 17.25, y: -3, size };
          const back = cropToPhoto(photoToCrop({ x: px, y: py }, c), c);
          expectClose([back.x, back.y], [px, py], 1e-9, { relative: true });
        },
      ),
    );
  });

  it('shiftCrop keeps a photo point, which then sits `shift` input pixels further right', () => {
    const crop = { x: 10, y: 20, size: 512 };
    const p = { x: 200, y: 150 };
    const before = photoToCrop(p, crop);
    const after = photoToCrop(p, shiftCrop(crop, 0.25));
    expectClose([after.x - before.x, after.y - before.y], [0.25, 0], 1e-12);
  });

  it('cropAround centres input pixel (128, 128) on the point', () => {
    const crop = cropAround({ x: 300, y: 200 }, 400);
    expect(crop).toEqual({ x: 100, y: 0, size: 400 });
    expect(cropToPhoto({ x: 128, y: 128 }, crop)).toEqual({ x: 300, y: 200 });
  });

  it("cropFromAuxiliary is MediaPipe's next crop: centre on point 33, side 2 · 1.25 · |34 − 33|", () => {
    const landmarks = Array.from({ length: 39 }, () => ({ x: 0, y: 0 }));
    landmarks[33] = { x: 128, y: 160 };
    landmarks[34] = { x: 128 + 30, y: 160 - 40 }; // 50 input px away
    const crop = { x: 0, y: 0, size: 512 }; // s = 2: centre at photo (256, 320), distance 100
    expect(cropFromAuxiliary(landmarks, crop)).toEqual({ x: 256 - 125, y: 320 - 125, size: 250 });
    expect(() => cropFromAuxiliary(landmarks.slice(0, 33), crop)).toThrow(RangeError);
  });
});

describe('crop fractions (the chapter’s state)', () => {
  it('measure the centre and the side in units of the photo’s longer side, both ways', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (w, h, cx, cy, side) => {
          const crop = cropFromFraction({ cx, cy, side }, w, h);
          expectClose(crop.size, side * Math.max(w, h), 1e-9, { relative: true });
          const back = fractionFromCrop(crop, w, h);
          expectClose([back.cx, back.cy, back.side], [cx, cy, side], 1e-9);
        },
      ),
    );
  });

  it('centre input pixel (128, 128) on the photo point (cx · L, cy · L)', () => {
    const crop = cropFromFraction({ cx: 0.25, cy: 0.5, side: 0.5 }, 800, 400);
    expect(crop).toEqual(cropAround({ x: 200, y: 400 }, 400));
    expect(photoUnit(800, 400)).toBe(800);
    expect(() => photoUnit(0, 10)).toThrow(RangeError);
  });

  it('default to the centred square of the shorter side, which on the bundled photo is its default crop', () => {
    expect(defaultCropFraction(800, 400)).toEqual({ cx: 0.5, cy: 0.25, side: 0.5 });
    expect(defaultCropFraction(300, 600)).toEqual({ cx: 0.25, cy: 0.5, side: 0.5 });
    const { width, height } = ASTRONAUT_SIZE;
    expect(cropFromFraction(defaultCropFraction(width, height), width, height)).toEqual(ASTRONAUT_DEFAULT_CROP);
  });
});
