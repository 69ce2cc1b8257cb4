/**
 * createHeatmapView on a server-side DOM: one canvas pixel per cell, coloured over the domain;
 * the readout follows the pointer, or the keyboard cursor (which starts in the middle cell and
 * stops at the edges); a click or Enter picks the cell under the cursor; the readout clears when
 * the pointer leaves an unfocused canvas or the canvas loses focus.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { colorize } from '../../../src/components/ui/colormap.ts';
import { createHeatmapView, type HeatmapViewOptions } from '../../../src/components/ui/heatmap-view.ts';
import { fire, pageWith, place, withContext } from './dom.ts';

/** A 3 × 2 map: value 10·y + x at cell (x, y). */
const VALUES = Float32Array.from([0, 1, 2, 10, 11, 12]);

function setUp(options: Partial<HeatmapViewOptions> = {}) {
  const doc = pageWith('<canvas tabindex="0"></canvas><p class="readout"></p>');
  const canvas = doc.querySelector('canvas')!;
  const readout = doc.querySelector<HTMLElement>('.readout')!;
  const context = withContext(canvas);
  const focus = { activeElement: null as Element | null };
  vi.stubGlobal('document', focus);
  // 30 × 20 CSS px from (0, 0): 10 px a cell.
  place(canvas, { width: 30, height: 20 });
  const cursor = vi.fn();
  const pick = vi.fn();
  const view = createHeatmapView({ canvas, readout, onCursor: cursor, onPick: pick, ...options });
  return { canvas, readout, context, view, cursor, pick, focus, text: () => readout.textContent };
}

afterEach(() => vi.unstubAllGlobals());

describe('createHeatmapView(options).draw(values, w, h, domain)', () => {
  it('sizes the canvas to one pixel per cell and colours the values over the domain', () => {
    const { canvas, context, view } = setUp({ palette: 'gray' });
    view.draw(VALUES, 3, 2, [0, 24]);
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
    expect([...context.put[0]!.data]).toEqual([...colorize(VALUES, [0, 24], undefined, 'gray')]);
  });

  it("colours over the values' own range when no domain is given, in viridis by default", () => {
    const { context, view } = setUp();
    view.draw(VALUES, 3, 2);
    expect([...context.put[0]!.data]).toEqual([...colorize(VALUES, [0, 12])]);
  });

  it('makes new pixels only for a map of another size', () => {
    const { context, view } = setUp();
    const made = vi.spyOn(context, 'createImageData');
    view.draw(VALUES, 3, 2);
    view.draw(
      VALUES.map((v) => -v),
      3,
      2,
    );
    expect(made).toHaveBeenCalledTimes(1);
    view.draw(VALUES, 2, 3);
    expect(made).toHaveBeenCalledTimes(2);
    expect(context.put).toHaveLength(3);
  });
});

describe('createHeatmapView(options): the readout', () => {
  let s: ReturnType<typeof setUp>;
  beforeEach(() => {
    s = setUp();
    s.view.draw(VALUES, 3, 2);
  });

  it('reads out the cell under the pointer to four decimals, and tells onCursor', () => {
    fire(s.canvas, 'pointermove', { clientX: 25, clientY: 15 });
    expect(s.text()).toBe('cell (2, 1) = 12.0000');
    expect(s.cursor).toHaveBeenLastCalledWith({ x: 2, y: 1 });
  });

  it('clears when the pointer is outside the map, or leaves an unfocused canvas', () => {
    fire(s.canvas, 'pointermove', { clientX: 31, clientY: 5 });
    expect(s.text()).toBe('');
    expect(s.cursor).toHaveBeenLastCalledWith(null);
    fire(s.canvas, 'pointermove', { clientX: 5, clientY: 5 });
    fire(s.canvas, 'pointerleave');
    expect(s.text()).toBe('');
  });

  it('keeps the cell when the pointer leaves a focused canvas', () => {
    fire(s.canvas, 'pointermove', { clientX: 5, clientY: 5 });
    s.focus.activeElement = s.canvas;
    fire(s.canvas, 'pointerleave');
    expect(s.text()).toBe('cell (0, 0) = 0.0000');
  });

  it('reads the new values out when the map is redrawn under the cursor', () => {
    fire(s.canvas, 'pointermove', { clientX: 15, clientY: 5 });
    s.view.draw(
      VALUES.map((v) => v - 1.5),
      3,
      2,
    );
    expect(s.text()).toBe('cell (1, 0) = −0.5000');
  });

  it("uses describe's text when given one", () => {
    const { canvas, view, text } = setUp({ describe: (c, v) => `joint ${c.x}/${c.y}: ${v}` });
    view.draw(VALUES, 3, 2);
    fire(canvas, 'pointermove', { clientX: 5, clientY: 15 });
    expect(text()).toBe('joint 0/1: 10');
  });
});

describe('createHeatmapView(options): the keyboard', () => {
  it('starts the cursor in the middle cell on focus, moves it with the arrows and stops at the edges', () => {
    const { canvas, view, text } = setUp();
    view.draw(VALUES, 3, 2);
    fire(canvas, 'focus');
    expect(text()).toBe('cell (1, 1) = 11.0000');
    const right = fire(canvas, 'keydown', { key: 'ArrowRight' });
    expect(right.defaultPrevented).toBe(true);
    fire(canvas, 'keydown', { key: 'ArrowRight' });
    fire(canvas, 'keydown', { key: 'ArrowDown' });
    expect(text()).toBe('cell (2, 1) = 12.0000');
    fire(canvas, 'keydown', { key: 'ArrowUp' });
    fire(canvas, 'keydown', { key: 'ArrowUp' });
    fire(canvas, 'keydown', { key: 'ArrowLeft' });
    expect(text()).toBe('cell (1, 0) = 1.0000');
  });

  it('starts from the middle cell when an arrow comes before focus', () => {
    const { canvas, view, text } = setUp();
    view.draw(VALUES, 3, 2);
    fire(canvas, 'keydown', { key: 'ArrowLeft' });
    expect(text()).toBe('cell (0, 1) = 10.0000');
  });

  it('ignores the arrows before anything is drawn, and clears on blur', () => {
    const { canvas, view, text } = setUp();
    expect(fire(canvas, 'keydown', { key: 'ArrowLeft' }).defaultPrevented).toBe(false);
    view.draw(VALUES, 3, 2);
    fire(canvas, 'focus');
    fire(canvas, 'blur');
    expect(text()).toBe('');
  });

  it('picks the cursor cell with Enter or Space, and the pointer cell with a click', () => {
    const { canvas, view, pick } = setUp();
    view.draw(VALUES, 3, 2);
    fire(canvas, 'focus');
    expect(fire(canvas, 'keydown', { key: 'Enter' }).defaultPrevented).toBe(true);
    fire(canvas, 'keydown', { key: 'ArrowLeft' });
    fire(canvas, 'keydown', { key: ' ' });
    fire(canvas, 'pointermove', { clientX: 25, clientY: 5 });
    fire(canvas, 'click');
    expect(pick.mock.calls).toEqual([[{ x: 1, y: 1 }], [{ x: 0, y: 1 }], [{ x: 2, y: 0 }]]);
  });

  it('picks nothing with no cursor', () => {
    const { canvas, view, pick } = setUp();
    view.draw(VALUES, 3, 2);
    fire(canvas, 'click');
    expect(fire(canvas, 'keydown', { key: 'Enter' }).defaultPrevented).toBe(false);
    expect(pick).not.toHaveBeenCalled();
  });
});

describe('createHeatmapView(options).destroy()', () => {
  it('stops following the pointer and the keys', () => {
    const { canvas, view, text, pick } = setUp();
    view.draw(VALUES, 3, 2);
    view.destroy();
    fire(canvas, 'focus');
    fire(canvas, 'pointermove', { clientX: 5, clientY: 5 });
    fire(canvas, 'click');
    expect(text()).toBe('');
    expect(pick).not.toHaveBeenCalled();
  });
});
