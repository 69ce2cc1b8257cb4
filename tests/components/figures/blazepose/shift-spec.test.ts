/**
 * Figure 9.3 drawn from its spec, before the model, during the shift test and after it, on a
 * made-up run (`after-run.ts`): its data is the library's `buildShiftFigure` of the crops so far
 * (each crop decoded once, however often the figure is drawn); its status follows the test; its
 * summary waits for the last crop; its close-up and announcement read the shift being read.
 */
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/blazepose/shift-spec.ts';
import { INITIAL_SESSION, type Ch9Session } from '../../../../src/components/figures/blazepose/session/state.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildShiftFigure, SHIFT_TEST_IDEAL_SLOPE, SHIFT_ZOOM_SIZE } from '../../../../src/lib/index.ts';
import { SESSION_AFTER_RUN } from './session/after-run.ts';

const sweep = SESSION_AFTER_RUN.sweep!;
const TOTAL = sweep.total;
/** The session with the shift test `done` crops in, running or waiting. */
const partway = (done: number, busy: Ch9Session['busy'] = 'sweep'): Ch9Session => ({
  ...SESSION_AFTER_RUN,
  busy,
  sweep: { ...sweep, frames: sweep.frames.slice(0, done), done: false },
});
const signed = (v: number | undefined) => (v === undefined ? '—' : `${v > 0 ? '+' : ''}${fmt(v, 2)}`);

describe('figure 9.3: its data', () => {
  it("is the library's shift figure of the crops so far, for the joint, kernel and shift", () => {
    const state = { joint: 3, kernel: '5' as const, shift: 2.5 };
    const { data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state });
    expect(data.figure).toEqual(buildShiftFigure({ frames: sweep.frames, joint: 3, shift: 2.5, kernel: 5 }));
    expect(data.progress).toEqual({ done: TOTAL, total: TOTAL, running: false });
  });
});

describe('figure 9.3: its status', () => {
  const status = (fed: Ch9Session) => renderFigure(spec, { fed }).view.text['sweep-status'];

  it('says the test waits for the model, then for the crop to stay put', () => {
    expect(status(INITIAL_SESSION)).toBe(
      'The shift test runs once the model is loaded: 33 crops, each a run of the model.',
    );
    expect(status({ ...SESSION_AFTER_RUN, sweep: null })).toBe(
      'The shift test starts once the crop has stayed put for a moment.',
    );
  });

  it('counts the crops while the test runs or waits, and says when it is done', () => {
    expect(status(partway(5))).toBe(`Running the shift test: 5 of ${TOTAL} crops…`);
    expect(status(partway(5, null))).toBe(`Running the shift test: 5 of ${TOTAL} crops (waiting)`);
    expect(status(SESSION_AFTER_RUN)).toBe(`The shift test ran on all ${TOTAL} crops of this crop.`);
  });

  it('marks the figure waiting before any crop, and complete after the last', () => {
    expect(renderFigure(spec, { fed: INITIAL_SESSION }).view.attrs['shift-body']).toMatchObject({
      'data-waiting': 'true',
      'data-complete': 'false',
    });
    expect(renderFigure(spec, { fed: SESSION_AFTER_RUN }).view.attrs['shift-body']).toMatchObject({
      'data-waiting': 'false',
      'data-complete': 'true',
    });
  });
});

describe('figure 9.3: its summary and readings', () => {
  it('sums the test up in words only once every crop has run', () => {
    expect(renderFigure(spec, { fed: partway(20) }).view.text['shift-summary']).toBe('');
    const { view, data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { joint: 0 } });
    const argmax = data.figure.summary!.series.argmax!;
    expect(view.text['shift-summary']).toMatch(
      new RegExp(
        `^Over 0–8 px the nose should move ${fmt(8 * SHIFT_TEST_IDEAL_SLOPE, 2)} cells\\. Argmax took ${argmax.distinct} values?, all whole cells,`,
      ),
    );
  });

  it("reads each curve's answer at the shift read, against the ideal", () => {
    const { view, data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { joint: 0, shift: 2 } });
    const { atDx } = data.figure;
    expect(view.text['shift-read']).toBe(
      `At 2.00 px the nose should have moved ${fmt(2 * SHIFT_TEST_IDEAL_SLOPE, 2)} cells: argmax ${signed(atDx.argmax)}, DARK ${signed(atDx.dark)}, regressed ${signed(atDx.regressed)}.`,
    );
    expect(view.text['s-dark-here']).toBe(signed(atDx.dark));
    expect(view.text['s-dark-slope']).toBe(fmt(data.figure.summary!.series.dark!.slope, 3));
    expect(spec.charts![0]!.announce!({ joint: 0, kernel: '11', shift: 2, off: [] }, data)).toBe(
      `At 2.00 px, ideal ${signed(2 * SHIFT_TEST_IDEAL_SLOPE)} cells: argmax ${signed(atDx.argmax)}, DARK ${signed(atDx.dark)}, MediaPipe ${signed(atDx.mediapipe)}, regressed ${signed(atDx.regressed)}.`,
    );
  });

  it('reads only the shift before any crop has run, and announces nothing', () => {
    const { view, data } = renderFigure(spec, { fed: INITIAL_SESSION, state: { shift: 1.25 } });
    expect(view.text['shift-read']).toBe('Shift read: 1.25 px.');
    expect(view.text['s-dark-slope']).toBe('—');
    expect(view.attrs['shift-dark']).toEqual({ visibility: 'hidden' });
    expect(spec.charts![0]!.announce!({ joint: 0, kernel: '11', shift: 1.25, off: [] }, data)).toBe('');
  });

  it("shows the joint's close-up at the shift read, with its cells numbered on the whole map", () => {
    const { maps, data } = renderFigure(spec, { fed: SESSION_AFTER_RUN, state: { joint: 0, shift: 2 } });
    const zoom = data.figure.zoom!;
    expect(maps.zoom).toEqual({ values: zoom.data, w: SHIFT_ZOOM_SIZE, h: SHIFT_ZOOM_SIZE, domain: [0, 1] });
    expect(spec.maps!.zoom!.describe!({ x: 1, y: 2 }, 0.12345, data)).toBe(
      `cell (${1 + zoom.x0}, ${2 + zoom.y0}) = 0.123`,
    );
    const before = renderFigure(spec, { fed: INITIAL_SESSION });
    expect(before.maps.zoom).toEqual({
      values: new Float32Array(SHIFT_ZOOM_SIZE * SHIFT_ZOOM_SIZE),
      w: SHIFT_ZOOM_SIZE,
      h: SHIFT_ZOOM_SIZE,
      domain: [0, 1],
    });
  });
});
