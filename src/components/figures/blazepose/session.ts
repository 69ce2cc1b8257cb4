/**
 * Chapter 9's model session: the one place on the page that holds the loaded model, the photo in
 * use and the model's latest outputs, as a `Source` the figures' specs read (and redraw on). Nothing
 * is downloaded until the reader presses a figure's button (`requestModel`); after that the session
 * runs the model on the crop the chapter's state names whenever it changes, then, once the crop has
 * stayed put for a moment and a figure asks for it, the 0–8 px shift test on it, one crop at a time,
 * giving the page a turn between runs. Runs are in order and never overlap (LiteRT.js's model is not
 * re-entrant); a crop that changes mid-sweep cancels the sweep.
 *
 * Safe to import at build time: the source then holds the page as it is before anything is loaded.
 */
import {
  argmaxColumns,
  ASTRONAUT_SIZE,
  cropFromFraction,
  defaultCropFraction,
  heatmapTiles,
  resampleCrop,
  runShiftSweep,
  shiftSchedule,
  summarize,
  withoutSigmoid,
  type BlazePoseMaps,
  type BlazePoseResult,
  type CropFraction,
  type CropSquare,
  type Photo,
  type ShiftSweepFrame,
} from '../../../lib/index.ts';
import { ch9, DEFAULT_CROP, type Ch9State, type PhotoSource } from '../../state/ch9.ts';
import { createSource, type Source } from '../../ui/source.ts';
import { pick } from '../../ui/params.ts';
import { publish } from '../../ui/published.ts';
import { chapterStore, type Store } from '../../ui/store.ts';
import { BUNDLED_PHOTO_URL, photoFromUrl, type DecodedPhoto } from './photo.ts';
import { CH9_ARGMAX, CH9_PEAKS } from './published.ts';
import { BlazePoseError, loadBlazePose, type BlazePoseAccelerator, type BlazePoseRuntime } from './runtime.ts';

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

/** How long the crop must stay put before the shift test starts on it, ms. */
const SWEEP_DELAY_MS = 500;

const BUNDLED: SessionPhoto = {
  id: 0,
  source: 'photo',
  name: 'the bundled photo',
  width: ASTRONAUT_SIZE.width,
  height: ASTRONAUT_SIZE.height,
  pixels: null,
  preview: null,
};

const state = createSource<Ch9Session>({
  model: { status: 'idle' },
  photo: BUNDLED,
  notice: null,
  run: null,
  sweep: null,
  busy: null,
  times: { runs: 0, medianMs: null, firstMs: null },
});

/** The session, for the figures' specs (`source: ch9Session`). */
export const ch9Session: Source<Ch9Session> = state;

const update = (patch: Partial<Ch9Session>): void => state.set({ ...state.get(), ...patch });

const photos: Record<PhotoSource, SessionPhoto | null> = { photo: BUNDLED, own: null, webcam: null };
let nextPhotoId = 1;
let runtime: BlazePoseRuntime | null = null;
let store: Store<Pick<Ch9State, 'src' | 'cx' | 'cy' | 'side'>> | null = null;
let connections = 0;
let sweepWanted = 0;
let stopStore: (() => void) | null = null;
let changedAt = 0;
let pumping = false;
let pumpTimer: ReturnType<typeof setTimeout> | undefined;
const times: number[] = [];

/** The crop the state names, in photo pixels, on the photo in use. */
function target(): { key: string; photo: SessionPhoto; crop: CropSquare } | null {
  if (!store) return null;
  const photo = state.get().photo;
  if (!photo.pixels) return null;
  const s = store.get();
  const crop = cropFromFraction({ cx: s.cx, cy: s.cy, side: s.side }, photo.width, photo.height);
  const key = `${photo.id}|${crop.x.toFixed(3)}|${crop.y.toFixed(3)}|${crop.size.toFixed(3)}`;
  return { key, photo, crop };
}

/** Follows the state: the photo named by `src` (the bundled one when the page has no such photo). */
function onState(): void {
  if (!store) return;
  const s = store.get();
  const wanted = photos[s.src];
  if (!wanted) {
    // A link can name the reader's photo but never carry it: show the bundled one and say why.
    update({
      notice: `This link asked for ${s.src === 'own' ? 'a photo of your own' : 'a webcam frame'}, which never leaves the browser it was taken in and so is not in the link: the bundled photo is shown.`,
    });
    store.set({ src: 'photo', ...DEFAULT_CROP });
    return;
  }
  if (wanted !== state.get().photo) update({ photo: wanted });
  changedAt = performance.now();
  schedulePump(0);
}

/**
 * Connects a figure to the session (from its spec's `setup`); returns the disconnect. A figure that
 * draws the shift test asks for it with `sweep`.
 */
export function connectSession(options: { sweep?: boolean } = {}): () => void {
  connections += 1;
  if (options.sweep) sweepWanted += 1;
  if (!store) {
    store = chapterStore('ch9', pick(ch9, 'src', 'cx', 'cy', 'side'));
    stopStore = store.subscribe(onState);
  }
  if (options.sweep) schedulePump(0);
  let connected = true;
  return () => {
    if (!connected) return;
    connected = false;
    connections -= 1;
    if (options.sweep) sweepWanted -= 1;
    if (connections === 0) {
      stopStore?.();
      stopStore = null;
      store = null;
    }
  };
}

/** Downloads and starts the model (the reader's button); does nothing while it loads or once it runs. */
export async function requestModel(): Promise<void> {
  const model = state.get().model;
  if (model.status === 'loading' || model.status === 'ready') return;
  update({ model: { status: 'loading' } });
  const t0 = performance.now();
  try {
    const [loaded] = await Promise.all([loadBlazePose(), decodeBundled()]);
    runtime = loaded;
    update({
      model: {
        status: 'ready',
        accelerator: loaded.accelerator,
        fallback: loaded.fallback,
        fullyAccelerated: loaded.fullyAccelerated,
        loadMs: performance.now() - t0,
      },
    });
    changedAt = performance.now();
    schedulePump(0);
  } catch (error) {
    const message =
      error instanceof BlazePoseError || error instanceof Error
        ? error.message
        : 'The model could not be loaded in this browser.';
    update({ model: { status: 'failed', message } });
  }
}

async function decodeBundled(): Promise<void> {
  if (photos.photo?.pixels) return;
  const pixels = await photoFromUrl(BUNDLED_PHOTO_URL);
  const bundled = { ...BUNDLED, pixels };
  photos.photo = bundled;
  if (state.get().photo.source === 'photo') update({ photo: bundled });
}

/** Puts a photo the reader gave (a file, a webcam frame) in use, with its default crop. */
export function usePhoto(source: 'own' | 'webcam', decoded: DecodedPhoto): void {
  const { photo, preview } = decoded;
  photos[source]?.preview?.close();
  const entry: SessionPhoto = {
    id: nextPhotoId++,
    source,
    name: source === 'own' ? 'your photo' : 'the webcam frame',
    width: photo.width,
    height: photo.height,
    pixels: photo,
    preview,
  };
  photos[source] = entry;
  update({ photo: entry, notice: null });
  store?.set({ src: source, ...defaultCropFraction(photo.width, photo.height) });
  // The state may not change (the same size, the same source): follow the new photo anyway.
  onState();
}

/** Goes back to the bundled photo and its default crop. */
export function useBundledPhoto(): void {
  update({ notice: null });
  store?.set({ src: 'photo', ...DEFAULT_CROP });
}

/** The default crop of the photo in use. */
export function defaultCrop(): CropFraction {
  const { source, width, height } = state.get().photo;
  return source === 'photo' ? DEFAULT_CROP : defaultCropFraction(width, height);
}

/** Says something about the reader's photo or webcam (null clears it). */
export function setNotice(notice: string | null): void {
  update({ notice });
}

function schedulePump(delay: number): void {
  if (pumpTimer !== undefined) clearTimeout(pumpTimer);
  pumpTimer = setTimeout(() => {
    pumpTimer = undefined;
    void pump();
  }, delay);
}

/** One model run, after giving the page a turn to draw and to take the reader's input. */
async function timedRun(input: Float32Array): Promise<BlazePoseResult> {
  const model = runtime;
  if (!model) throw new Error('The model is not loaded.');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const t = performance.now();
  const result = await model.runResult(input);
  times.push(performance.now() - t);
  update({ times: { runs: times.length, medianMs: summarize(times).median, firstMs: times[0] ?? null } });
  return result;
}

/** Runs whatever the state asks for and the session has not got, one step at a time. */
async function pump(): Promise<void> {
  if (pumping || !runtime) return;
  pumping = true;
  try {
    for (;;) {
      const t = target();
      if (!t) break;
      const { run, sweep } = state.get();
      if (run?.key !== t.key) {
        update({ busy: 'run' });
        const input = resampleCrop(t.photo.pixels as Photo, t.crop);
        const result = await timedRun(input);
        update({ run: { key: t.key, photoId: t.photo.id, crop: t.crop, input, result }, sweep: null, busy: null });
        const tiles = heatmapTiles(result);
        publish(CH9_PEAKS, { peaks: tiles.peaks, seen: tiles.seen, names: tiles.names });
        continue;
      }
      if (sweepWanted <= 0 || (sweep?.key === t.key && sweep.done)) break;
      const wait = SWEEP_DELAY_MS - (performance.now() - changedAt);
      if (wait > 0) {
        schedulePump(wait);
        break;
      }
      await runSweep(t, run);
    }
  } catch (error) {
    update({ notice: `The model stopped: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    pumping = false;
    if (state.get().busy) update({ busy: null });
  }
}

/** The shift test on the run's crop; its first crop is the run itself. */
async function runSweep(t: { key: string; photo: SessionPhoto; crop: CropSquare }, run: SessionRun): Promise<void> {
  const shifts = shiftSchedule();
  let frames: ShiftSweepFrame[] = [{ shift: 0, maps: withoutSigmoid(run.result) }];
  const show = (done: boolean): void =>
    update({ sweep: { key: t.key, frames, total: shifts.length, done }, busy: done ? null : 'sweep' });
  show(false);
  await runShiftSweep((input): Promise<BlazePoseMaps> => timedRun(input), t.photo.pixels as Photo, t.crop, {
    shifts: shifts.slice(1),
    cancelled: () => target()?.key !== t.key,
    onStep: (frame) => {
      frames = [...frames, frame];
      show(false);
    },
  });
  if (frames.length !== shifts.length) return;
  show(true);
  publish(CH9_ARGMAX, { shifts, columns: argmaxColumns(frames) });
}
