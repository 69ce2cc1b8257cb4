/**
 * Figure data for DEKR's adaptive convolution (chapter 7, issue 6): the per-pixel affine
 * matrix A, built from a scale, a rotation and a shear, and the translation t move the nine
 * taps of a 3×3 kernel from p + G_n to p + A·G_n + t; each moved tap reads its four
 * neighbours bilinearly. Offsets are in torchvision's (dy, dx) layout (codec-spec §6).
 */
import {
  adaptiveOffsets,
  bilinearTaps,
  REGULAR_GRID,
  samplingPoints,
  type Affine,
  type BilinearTap,
  type Translation,
} from '../dekr.ts';
import type { Point } from '../stack.ts';

/** The reader's handles on the affine matrix: scale, rotation (degrees) and shear. */
export interface AffineParams {
  scale: number;
  rotation: number;
  shear: number;
}

/**
 * A = R(θ)·[[s, k], [0, s]] acting on (dy, dx) columns, written row-major as [a00, a01, a10,
 * a11]. The identity is scale 1, rotation 0, shear 0.
 */
export function affineFrom({ scale, rotation, shear }: AffineParams): Affine {
  const th = (rotation * Math.PI) / 180;
  const c = Math.cos(th);
  const s = Math.sin(th);
  // R = [[c, -s], [s, c]] in (dy, dx) coordinates; U = [[scale, shear], [0, scale]].
  return [c * scale, c * shear - s * scale, s * scale, s * shear + c * scale];
}

/** Settings of the adaptive-convolution figure. */
export interface AdaptiveConvInput extends AffineParams {
  /** The translation t = (ty, tx), feature pixels. */
  translation: Translation;
  /** The selected pixel and the feature map's size. */
  pixel: Point;
  w: number;
  h: number;
}

/** The regular and adapted taps of the selected pixel, their offsets and bilinear reads. */
export interface AdaptiveConvData {
  affine: Affine;
  regular: Point[];
  adapted: Point[];
  /** 18 values: (dy, dx) of each tap, taps row-major. */
  offsets: Float64Array;
  /** For each adapted tap, the four neighbours it reads and their weights. */
  taps: BilinearTap[][];
}

/** Builds the adaptive-convolution figure's data. */
export function buildAdaptiveConv({
  scale,
  rotation,
  shear,
  translation,
  pixel,
  w,
  h,
}: AdaptiveConvInput): AdaptiveConvData {
  const affine = affineFrom({ scale, rotation, shear });
  const adapted = samplingPoints(pixel, affine, translation);
  return {
    affine,
    regular: REGULAR_GRID.map(([gy, gx]) => ({ x: pixel.x + gx, y: pixel.y + gy })),
    adapted,
    offsets: adaptiveOffsets(affine, translation),
    taps: adapted.map((p) => bilinearTaps(p.x, p.y, w, h)),
  };
}
