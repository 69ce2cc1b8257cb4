/**
 * The person's crop: a square of the photo resampled to the model's 256 × 256 input, and the maps
 * between crop (input) pixels and photo pixels. Every frame puts pixel centres on integers, as the
 * rest of the site does (codec-spec §1), and one affine map serves both ways:
 *
 *   photo = (crop.x, crop.y) + s · input,   s = crop.size / 256,
 *
 * so input pixel (0, 0) samples the photo at (crop.x, crop.y). This is MediaPipe's own
 * ImageToTensorCalculator on the CPU (an OpenCV perspective warp taking the crop's corners to the
 * tensor's corners, bilinear, `BORDER_REPLICATE` by default), and the map it uses to put the
 * regressed landmarks back on the image. Outside the photo the edge pixels repeat.
 */
import type { Point } from '../stack.ts';
import { BLAZEPOSE_BODY_CENTRE, BLAZEPOSE_BODY_SCALE, BLAZEPOSE_INPUT_SIZE } from './model.ts';

/** A photo's pixels, row-major, 8 bits per channel: RGB, or RGBA as canvas ImageData gives them. */
export interface Photo {
  data: ArrayLike<number>;
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA; alpha is ignored). */
  channels: 3 | 4;
}

/**
 * A square crop of a photo, in photo pixels: (x, y) is where input pixel (0, 0) samples the photo,
 * `size` the side it covers (256 input pixels span `size` photo pixels).
 */
export interface CropSquare {
  x: number;
  y: number;
  size: number;
}

/** Photo pixels per input pixel, s = size / 256. */
export function cropScale(crop: CropSquare, inputSize = BLAZEPOSE_INPUT_SIZE): number {
  return crop.size / inputSize;
}

/** A point in input (crop) pixels to photo pixels: (crop.x, crop.y) + s · p. */
export function cropToPhoto(p: Point, crop: CropSquare, inputSize = BLAZEPOSE_INPUT_SIZE): Point {
  const s = cropScale(crop, inputSize);
  return { x: crop.x + s * p.x, y: crop.y + s * p.y };
}

/** A point in photo pixels to input (crop) pixels, the inverse of {@link cropToPhoto}. */
export function photoToCrop(p: Point, crop: CropSquare, inputSize = BLAZEPOSE_INPUT_SIZE): Point {
  const s = cropScale(crop, inputSize);
  return { x: (p.x - crop.x) / s, y: (p.y - crop.y) / s };
}

/**
 * The crop whose content sits `shift` input pixels further right and `shiftY` further down: the
 * window moves the other way by shift · s photo pixels. A point at input x moves to x + shift, so its
 * heatmap position moves by shift / 4 cells (the shift test's ideal line).
 */
export function shiftCrop(crop: CropSquare, shift: number, shiftY = 0, inputSize = BLAZEPOSE_INPUT_SIZE): CropSquare {
  const s = cropScale(crop, inputSize);
  return { x: crop.x - shift * s, y: crop.y - shiftY * s, size: crop.size };
}

/** The square crop of side `size` (photo px) whose centre, input pixel (128, 128), is at photo point `centre`. */
export function cropAround(centre: Point, size: number): CropSquare {
  return { x: centre.x - size / 2, y: centre.y - size / 2, size };
}

/**
 * How much MediaPipe enlarges the box from the auxiliary points: `pose_landmarks_to_roi.pbtxt`'s
 * RectTransformationCalculator, scale 1.25 since May 2021 (the models with heatmaps, which this site
 * runs); 1.5 belonged to the December 2020 graph, whose model had no heatmaps.
 */
export const BLAZEPOSE_ROI_SCALE = 1.25;

/**
 * The next crop MediaPipe would take from this crop's answer (`pose_landmarks_to_roi.pbtxt`), without
 * its rotation: centred on the auxiliary body centre (33), side 2 · |scale point (34) − centre| · 1.25,
 * in photo pixels. `landmarks` are in input pixels of `crop`.
 */
export function cropFromAuxiliary(landmarks: readonly Point[], crop: CropSquare): CropSquare {
  const centreIn = landmarks[BLAZEPOSE_BODY_CENTRE];
  const scaleIn = landmarks[BLAZEPOSE_BODY_SCALE];
  if (!centreIn || !scaleIn) throw new RangeError('the auxiliary landmarks 33 and 34 are missing');
  const centre = cropToPhoto(centreIn, crop);
  const scale = cropToPhoto(scaleIn, crop);
  const side = 2 * Math.hypot(scale.x - centre.x, scale.y - centre.y) * BLAZEPOSE_ROI_SCALE;
  return cropAround(centre, side);
}

/** Clamps i to 0..n−1: the replicated border. */
function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * Samples the photo on a `outSize × outSize` grid (input pixel (u, v) at photo point
 * (crop.x + s·u, crop.y + s·v)) with bilinear interpolation and a replicated border, and writes RGB
 * floats in 0–1 (value / 255), channels last: out[(v·outSize + u)·3 + c]. That is the model's
 * `input_1` [1, 256, 256, 3]. Bilinear interpolation reproduces any linear ramp exactly inside the
 * photo, and at s = 1 with integer (x, y) the crop is a slice of the photo.
 */
export function resampleCrop(
  photo: Photo,
  crop: CropSquare,
  outSize = BLAZEPOSE_INPUT_SIZE,
  out = new Float32Array(outSize * outSize * 3),
): Float32Array {
  const { width, height, channels, data } = photo;
  if (width < 1 || height < 1) throw new RangeError('the photo has no pixels');
  if (data.length < width * height * channels) {
    throw new RangeError(
      `a ${width}×${height} photo with ${channels} channels needs ${width * height * channels} values`,
    );
  }
  if (!(crop.size > 0) || !Number.isFinite(crop.x) || !Number.isFinite(crop.y)) {
    throw new RangeError('a crop needs a finite position and a positive size');
  }
  if (out.length !== outSize * outSize * 3) throw new RangeError(`the output needs ${outSize * outSize * 3} values`);
  const s = crop.size / outSize;
  // The grid is separable: each column's two source columns and weight, each row's likewise.
  const col0 = new Int32Array(outSize);
  const col1 = new Int32Array(outSize);
  const colW = new Float64Array(outSize);
  for (let u = 0; u < outSize; u++) {
    const px = crop.x + s * u;
    const i = Math.floor(px);
    col0[u] = clampIndex(i, width) * channels;
    col1[u] = clampIndex(i + 1, width) * channels;
    colW[u] = px - i;
  }
  const rowStride = width * channels;
  for (let v = 0; v < outSize; v++) {
    const py = crop.y + s * v;
    const j = Math.floor(py);
    const r0 = clampIndex(j, height) * rowStride;
    const r1 = clampIndex(j + 1, height) * rowStride;
    const fy = py - j;
    for (let u = 0; u < outSize; u++) {
      const fx = colW[u] as number;
      const a = r0 + (col0[u] as number);
      const b = r0 + (col1[u] as number);
      const c = r1 + (col0[u] as number);
      const d = r1 + (col1[u] as number);
      const o = (v * outSize + u) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const top = (data[a + ch] as number) * (1 - fx) + (data[b + ch] as number) * fx;
        const bottom = (data[c + ch] as number) * (1 - fx) + (data[d + ch] as number) * fx;
        out[o + ch] = (top * (1 - fy) + bottom * fy) / 255;
      }
    }
  }
  return out;
}

/**
 * The person's crop as chapter 9's state holds it, independent of the photo's size: the centre and
 * the side as fractions of the photo's longer side L (a 512 × 512 photo: cx = 0.5 is x = 256 px).
 */
export interface CropFraction {
  /** Centre x / L. */
  cx: number;
  /** Centre y / L. */
  cy: number;
  /** Side / L. */
  side: number;
}

/** The photo's longer side, pixels: the unit of a {@link CropFraction}. */
export function photoUnit(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) throw new RangeError('a photo needs a positive width and height');
  return Math.max(width, height);
}

/** A {@link CropFraction} on a `width × height` photo as a crop in photo pixels ({@link cropAround} its centre). */
export function cropFromFraction(f: CropFraction, width: number, height: number): CropSquare {
  const unit = photoUnit(width, height);
  return cropAround({ x: f.cx * unit, y: f.cy * unit }, f.side * unit);
}

/** A crop in photo pixels as a {@link CropFraction}, the inverse of {@link cropFromFraction}. */
export function fractionFromCrop(crop: CropSquare, width: number, height: number): CropFraction {
  const unit = photoUnit(width, height);
  return { cx: (crop.x + crop.size / 2) / unit, cy: (crop.y + crop.size / 2) / unit, side: crop.size / unit };
}

/** The default crop of a photo: the centred square of its shorter side (the whole photo when square). */
export function defaultCropFraction(width: number, height: number): CropFraction {
  const unit = photoUnit(width, height);
  return { cx: width / 2 / unit, cy: height / 2 / unit, side: Math.min(width, height) / unit };
}
