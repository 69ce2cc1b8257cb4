/**
 * Figure data for chapter 9's photo and crop (figure 9.1): the person's square crop on the photo in
 * the figure's units (fractions of the photo's longer side, as the chapter's state holds it), the
 * crop in photo pixels, and, once the model has run on a crop, its 33 pose landmarks put back on the
 * photo (`blazepose/crop.ts`, `cropToPhoto`), marked seen or not by their visibility.
 */
import { BLAZEPOSE_SEEN_THRESHOLD } from '../blazepose/decode.ts';
import {
  cropFromFraction,
  cropScale,
  cropToPhoto,
  photoUnit,
  type CropFraction,
  type CropSquare,
} from '../blazepose/crop.ts';
import { BLAZEPOSE_INPUT_SIZE, BLAZEPOSE_KEYPOINT_NAMES, BLAZEPOSE_POSE_LANDMARK_COUNT } from '../blazepose/model.ts';
import type { BlazePoseLandmark } from '../blazepose/outputs.ts';

/** A landmark on the photo, in the figure's units. */
export interface PhotoLandmark {
  joint: number;
  name: string;
  x: number;
  y: number;
  /** Visibility ≥ 0.5 (MediaPipe draws it). */
  seen: boolean;
}

/** Options of {@link buildPersonCrop}. */
export interface PersonCropInput {
  width: number;
  height: number;
  crop: CropFraction;
  /** The landmarks of a run, in input pixels of `ranOn`. */
  landmarks?: readonly BlazePoseLandmark[];
  /** The crop (photo pixels) the landmarks were computed on. */
  ranOn?: CropSquare;
}

/** What figure 9.1 draws. */
export interface PersonCropData {
  /** Photo pixels per figure unit (the photo's longer side). */
  unit: number;
  /** The photo's extent in figure units: (0, 0) to (w, h), the longer one 1. */
  photo: { w: number; h: number };
  /** The crop in photo pixels, as the model's input samples it. */
  crop: CropSquare;
  /** The crop's top-left corner and side in figure units. */
  square: { x: number; y: number; size: number };
  /** Photo pixels per input pixel. */
  scale: number;
  /** Whether part of the crop lies outside the photo (its edge pixels are repeated there). */
  overflows: boolean;
  /** The 33 pose landmarks of the run, on the photo in figure units (none before a run). */
  landmarks: PhotoLandmark[];
}

/** Places the crop and the run's landmarks on the photo. */
export function buildPersonCrop(input: PersonCropInput): PersonCropData {
  const { width, height } = input;
  const unit = photoUnit(width, height);
  const crop = cropFromFraction(input.crop, width, height);
  const landmarks: PhotoLandmark[] = [];
  if (input.landmarks && input.ranOn) {
    for (let joint = 0; joint < Math.min(BLAZEPOSE_POSE_LANDMARK_COUNT, input.landmarks.length); joint++) {
      const l = input.landmarks[joint] as BlazePoseLandmark;
      const p = cropToPhoto(l, input.ranOn);
      landmarks.push({
        joint,
        name: BLAZEPOSE_KEYPOINT_NAMES[joint] ?? `keypoint ${joint}`,
        x: p.x / unit,
        y: p.y / unit,
        seen: l.visibility >= BLAZEPOSE_SEEN_THRESHOLD,
      });
    }
  }
  // Pixel centres sit on integers: the photo covers −0.5 … width − 0.5; the crop's samples run from
  // (x, y) to (x, y) + s·255.
  const s = cropScale(crop);
  const last = (BLAZEPOSE_INPUT_SIZE - 1) * s;
  const overflows = crop.x < -0.5 || crop.y < -0.5 || crop.x + last > width - 0.5 || crop.y + last > height - 0.5;
  return {
    unit,
    photo: { w: width / unit, h: height / unit },
    crop,
    square: { x: crop.x / unit, y: crop.y / unit, size: crop.size / unit },
    scale: s,
    overflows,
    landmarks,
  };
}

/** How far the figure shows around the photo, in units of its longer side, so a crop may reach past it. */
export const PHOTO_MARGIN = 0.08;

/**
 * A crop the reader asks for, kept where its handles stay in view: the side within [min, max] and
 * small enough that the bottom-right corner fits the photo plus its margin, the centre on the photo
 * and far enough left and up for that corner. `photo` is the photo's extent in figure units.
 */
export function fitCropFraction(
  f: CropFraction,
  photo: { w: number; h: number },
  side: { min: number; max: number },
  margin = PHOTO_MARGIN,
): CropFraction {
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const s = clamp(f.side, side.min, Math.min(side.max, 2 * (photo.w + margin), 2 * (photo.h + margin)));
  return {
    cx: clamp(f.cx, 0, Math.min(photo.w, photo.w + margin - s / 2)),
    cy: clamp(f.cy, 0, Math.min(photo.h, photo.h + margin - s / 2)),
    side: s,
  };
}
