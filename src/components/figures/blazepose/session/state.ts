/**
 * What chapter 9's model session holds (`Ch9Session`), the one value the figures read: the model's
 * state, the photo in use, the model's latest run and shift test, and its timings. The page's
 * session starts as `INITIAL_SESSION`, which is also what the page shows as built, and changes by
 * patches (`update`).
 */
import {
  ASTRONAUT_SIZE,
  type BlazePoseResult,
  type CropSquare,
  type Photo,
  type ShiftSweepFrame,
} from '../../../../lib/index.ts';
import type { Ch9State, PhotoSource } from '../../../state/ch9.ts';
import { createSource, type Source } from '../../../ui/source.ts';
import type { Store } from '../../../ui/store.ts';
import type { BlazePoseAccelerator } from '../runtime.ts';

/** A photo the chapter can crop: the bundled one, the reader's file, or a webcam frame. */
export interface SessionPhoto {
  /** Changes whenever a new photo arrives, so that runs on an old one are told apart. */
  id: number;
  source: PhotoSource;
  /** For sentences: "the bundled photo", "your photo", "the webcam frame". */
  name: string;
  width: number;
  height: number;
  /** Its pixels, once decoded (the bundled photo's when the model is asked for). */
  pixels: Photo | null;
  /** A bitmap to draw (the bundled photo is drawn by the page's own <img>). */
  preview: ImageBitmap | null;
}

/** Where the model stands. */
export type ModelState =
  | { status: 'idle' }
  | { status: 'loading' }
  | {
      status: 'ready';
      accelerator: BlazePoseAccelerator;
      /** Why WebGPU was not used, or null. */
      fallback: string | null;
      fullyAccelerated: boolean;
      /** ms from the button to a compiled model. */
      loadMs: number;
    }
  | { status: 'failed'; message: string };

/** The model's answer on one crop of one photo. */
export interface SessionRun {
  /** The photo and crop it answers, as one string. */
  key: string;
  photoId: number;
  crop: CropSquare;
  /** The model's input, [256, 256, 3] RGB in 0–1: what it saw. */
  input: Float32Array;
  result: BlazePoseResult;
}

/** The shift test on one crop: its crops so far (the first is the run itself). */
export interface SessionSweep {
  key: string;
  frames: ShiftSweepFrame[];
  total: number;
  done: boolean;
}

/** Inference times on this page: how many runs, the median and the first, ms. */
export interface SessionTimes {
  runs: number;
  medianMs: number | null;
  firstMs: number | null;
}

/** Everything the figures read. Replaced, never changed in place, so a figure can cache by identity. */
export interface Ch9Session {
  model: ModelState;
  /** The photo in use. */
  photo: SessionPhoto;
  /** A sentence about the reader's photo or webcam (a refusal, a fallback), or null. */
  notice: string | null;
  run: SessionRun | null;
  sweep: SessionSweep | null;
  /** What the model is doing now. */
  busy: 'run' | 'sweep' | null;
  times: SessionTimes;
}

/** The crop the chapter's state names, on the photo in use, in photo pixels; `key` names both. */
export interface SessionTarget {
  key: string;
  photo: SessionPhoto;
  crop: CropSquare;
}

/** The part of chapter 9's store the session follows: the photo and the crop on it. */
export type CropStore = Store<Pick<Ch9State, 'src' | 'cx' | 'cy' | 'side'>>;

/** The bundled photo, before its pixels are decoded. */
export const BUNDLED_PHOTO: SessionPhoto = {
  id: 0,
  source: 'photo',
  name: 'the bundled photo',
  width: ASTRONAUT_SIZE.width,
  height: ASTRONAUT_SIZE.height,
  pixels: null,
  preview: null,
};

/** The session before anything is loaded. */
export const INITIAL_SESSION: Ch9Session = {
  model: { status: 'idle' },
  photo: BUNDLED_PHOTO,
  notice: null,
  run: null,
  sweep: null,
  busy: null,
  times: { runs: 0, medianMs: null, firstMs: null },
};

const state = createSource<Ch9Session>(INITIAL_SESSION);

/** The session, for the figures' specs (`source: ch9Session`). */
export const ch9Session: Source<Ch9Session> = state;

/** Applies `patch` to the session: a new value, so that figures can cache by identity. */
export function update(patch: Partial<Ch9Session>): void {
  state.set({ ...state.get(), ...patch });
}

/** Says something about the reader's photo or webcam (null clears it). */
export function setNotice(notice: string | null): void {
  update({ notice });
}
