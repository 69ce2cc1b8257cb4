/**
 * Chapter 9's session at work, on a fake model and fake timers: a run for each new crop, the shift
 * test once the crop stays put, a sweep cancelled by a new crop, and what each publishes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CROP } from '../../../../../src/components/state/ch9.ts';
import {
  cropFromFraction,
  resampleCrop,
  shiftCrop,
  shiftSchedule,
  type CropFraction,
} from '../../../../../src/lib/index.ts';
import { fakeRuntime, fakeTime, testPhoto } from './fakes.ts';

const SHIFTS = shiftSchedule().length;
const pixels = testPhoto();
const cropOf = (f: CropFraction) => cropFromFraction(f, 512, 512);

beforeEach(fakeTime);
afterEach(() => vi.useRealTimers());

/** A fresh session whose bundled photo has its pixels, a fake model, and its published values. */
async function pump(options: { fail?: string } = {}) {
  vi.resetModules();
  const pumpModule = await import('../../../../../src/components/figures/blazepose/session/pump.ts');
  const state = await import('../../../../../src/components/figures/blazepose/session/state.ts');
  const { CH9_ARGMAX, CH9_PEAKS } = await import('../../../../../src/components/figures/blazepose/published.ts');
  const { published } = await import('../../../../../src/components/ui/published.ts');
  state.update({ photo: { ...state.BUNDLED_PHOTO, pixels } });
  const fake = fakeRuntime(options);
  return {
    ...pumpModule,
    session: state.ch9Session,
    inputs: fake.inputs,
    runtime: fake.runtime,
    peaks: () => published(CH9_PEAKS),
    argmax: () => published(CH9_ARGMAX),
  };
}

describe('the session’s runs', () => {
  it('wait for the model and for a crop', async () => {
    const p = await pump();
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.inputs).toEqual([]);
    p.aim(null);
    p.startRuns(p.runtime);
    await vi.advanceTimersByTimeAsync(1000);
    expect(p.inputs).toEqual([]);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.inputs).toHaveLength(1);
  });

  it('run the model on the crop, keep its input and result, time it, and publish the peaks', async () => {
    const p = await pump();
    const busy: (string | null)[] = [];
    p.session.subscribe(() => busy.push(p.session.get().busy));
    p.startRuns(p.runtime);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(1);
    const run = p.session.get().run;
    const crop = cropOf(DEFAULT_CROP);
    expect(run).toMatchObject({ photoId: 0, crop });
    expect(run?.key).toBe(`0|${crop.x.toFixed(3)}|${crop.y.toFixed(3)}|${crop.size.toFixed(3)}`);
    expect(run?.input).toEqual(resampleCrop(pixels, crop));
    expect(p.session.get().times).toEqual({ runs: 1, medianMs: 0, firstMs: 0 });
    expect(busy[0]).toBe('run');
    expect(p.session.get().busy).toBeNull();
    expect(p.peaks()?.peaks).toHaveLength(39);
    // Nothing more for the same crop; no shift test unless a figure wants it.
    p.aim({ ...DEFAULT_CROP });
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.inputs).toHaveLength(1);
    expect(p.session.get().sweep).toBeNull();
  });

  it('run the shift test once the crop has stayed put, and publish argmax’s columns', async () => {
    const p = await pump();
    p.startRuns(p.runtime);
    p.wantSweep(1);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(490);
    expect(p.inputs).toHaveLength(1);
    expect(p.session.get().sweep).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    const { run, sweep } = p.session.get();
    expect(sweep).toMatchObject({ key: run?.key, total: SHIFTS, done: true });
    expect(sweep?.frames.map((f) => f.shift)).toEqual(shiftSchedule());
    // The first crop is the run itself; the others move right by each shift.
    expect(p.inputs).toHaveLength(SHIFTS);
    expect(p.inputs[2]).toEqual(resampleCrop(pixels, shiftCrop(cropOf(DEFAULT_CROP), shiftSchedule()[2] as number)));
    expect(p.session.get().times.runs).toBe(SHIFTS);
    expect(p.argmax()?.shifts).toEqual(shiftSchedule());
    expect(p.argmax()?.columns).toHaveLength(39);
    expect(p.argmax()?.columns[0]).toHaveLength(SHIFTS);
    expect(p.session.get().busy).toBeNull();
  });

  it('give up a shift test when the crop changes under it, and run the new crop', async () => {
    const p = await pump();
    p.startRuns(p.runtime);
    p.wantSweep(1);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(503);
    expect(p.session.get().busy).toBe('sweep');
    const moved = { ...DEFAULT_CROP, cx: DEFAULT_CROP.cx + 0.05 };
    p.aim(moved);
    await vi.advanceTimersByTimeAsync(5);
    expect(p.session.get().run?.crop).toEqual(cropOf(moved));
    expect(p.session.get().sweep).toBeNull();
    expect(p.argmax()).toBeUndefined();
  });

  it('run no shift test once the figure that wanted it has left', async () => {
    const p = await pump();
    p.startRuns(p.runtime);
    p.wantSweep(1);
    p.wantSweep(-1);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(2000);
    expect(p.inputs).toHaveLength(1);
  });

  it('stop with a notice when a run fails', async () => {
    const p = await pump({ fail: 'out of memory' });
    p.startRuns(p.runtime);
    p.aim(DEFAULT_CROP);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.session.get()).toMatchObject({ notice: 'The model stopped: out of memory', busy: null, run: null });
  });
});
