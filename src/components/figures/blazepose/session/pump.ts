/**
 * Chapter 9's session at work: once the model is loaded, it runs the model on the crop the
 * chapter's state names (`aim`) whenever it changes, then, once the crop has stayed put for a
 * moment and a figure asks for it (`wantSweep`), the 0–8 px shift test on it, one crop at a time,
 * giving the page a turn between runs. Runs are in order and never overlap (LiteRT.js's model is not
 * re-entrant); a crop that changes mid-sweep cancels the sweep. Each run and each finished sweep is
 * published for the exercises.
 */
import {
  argmaxColumns,
  cropFromFraction,
  heatmapTiles,
  resampleCrop,
  runShiftSweep,
  shiftSchedule,
  summarize,
  withoutSigmoid,
  type BlazePoseMaps,
  type BlazePoseResult,
  type CropFraction,
  type Photo,
  type ShiftSweepFrame,
} from '../../../../lib/index.ts';
import { publish } from '../../../ui/published.ts';
import { CH9_ARGMAX, CH9_PEAKS } from '../published.ts';
import type { BlazePoseRuntime } from '../runtime.ts';
import { ch9Session, update, type SessionRun, type SessionTarget } from './state.ts';

/** How long the crop must stay put before the shift test starts on it, ms. */
export const SWEEP_DELAY_MS = 500;

let runtime: BlazePoseRuntime | null = null;
/** The crop the chapter's state names, while a figure is connected. */
let aimed: CropFraction | null = null;
let sweepsWanted = 0;
let changedAt = 0;
let pumping = false;
let pumpTimer: ReturnType<typeof setTimeout> | undefined;
const times: number[] = [];

/** Runs the loaded model from now on. */
export function startRuns(loaded: BlazePoseRuntime): void {
  runtime = loaded;
  changed();
}

/** The crop the chapter's state names (null once no figure is connected): run the model on it. */
export function aim(crop: CropFraction | null): void {
  aimed = crop;
  if (crop) changed();
}

/** A figure that draws the shift test connects (+1) or leaves (−1). */
export function wantSweep(change: 1 | -1): void {
  sweepsWanted += change;
  if (change > 0) schedulePump(0);
}

/** The photo or the crop changed: run now, and the shift test once the crop stays put. */
function changed(): void {
  changedAt = performance.now();
  schedulePump(0);
}

/** The aimed crop, in photo pixels, on the photo in use (null before its pixels are in). */
function target(): SessionTarget | null {
  if (!aimed) return null;
  const photo = ch9Session.get().photo;
  if (!photo.pixels) return null;
  const crop = cropFromFraction(aimed, photo.width, photo.height);
  const key = `${photo.id}|${crop.x.toFixed(3)}|${crop.y.toFixed(3)}|${crop.size.toFixed(3)}`;
  return { key, photo, crop };
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
      const { run, sweep } = ch9Session.get();
      if (run?.key !== t.key) {
        update({ busy: 'run' });
        const input = resampleCrop(t.photo.pixels as Photo, t.crop);
        const result = await timedRun(input);
        update({ run: { key: t.key, photoId: t.photo.id, crop: t.crop, input, result }, sweep: null, busy: null });
        const tiles = heatmapTiles(result);
        publish(CH9_PEAKS, { peaks: tiles.peaks, seen: tiles.seen, names: tiles.names });
        continue;
      }
      if (sweepsWanted <= 0 || (sweep?.key === t.key && sweep.done)) break;
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
    if (ch9Session.get().busy) update({ busy: null });
  }
}

/** The shift test on the run's crop; its first crop is the run itself. */
async function runSweep(t: SessionTarget, run: SessionRun): Promise<void> {
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
