/**
 * attachKeypointControl on a server-side DOM: the handle's ARIA values; the arrow keys move
 * exactly one step on one axis (1, or 0.1 with Shift), clamped to the bounds; a mouse press moves
 * the point there and drags it; a touch drags only from the handle, and a tap elsewhere moves it;
 * `grab` lets a control decline a press; detach stops it all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachKeypointControl, type KeypointControlOptions } from '../../../src/components/ui/keypoint-control.ts';
import type { Point } from '../../../src/lib/index.ts';
import { AffinePoint, fire, onScreen, pageWith } from './dom.ts';

const bounds = { minX: 0, maxX: 48, minY: 0, maxY: 64 };

/**
 * A surface laid out at 10 CSS px per unit from (100, 200) holding one handle (with a hit circle
 * inside it), and a control over a point the test reads back.
 */
function setUp(start: Point, options: Partial<KeypointControlOptions> = {}) {
  const doc = pageWith(`<svg data-role="surface">
    <g class="fig-handle" data-role="dot" tabindex="0" role="slider"><circle class="hit"></circle></g>
    <rect class="cell"></rect>
  </svg>`);
  const surface = doc.querySelector('svg') as unknown as SVGSVGElement;
  const handle = doc.querySelector('.fig-handle') as unknown as SVGGElement;
  const focused: unknown[] = [];
  handle.focus = (o?: FocusOptions) => focused.push(o);
  const { captured } = onScreen(surface);
  let point = start;
  const set = vi.fn((p: Point) => (point = p));
  const control = attachKeypointControl({
    handle,
    surface,
    bounds,
    get: () => point,
    set,
    describe: (p) => `x ${p.x.toFixed(1)} px, y ${p.y.toFixed(1)} px`,
    ...options,
  });
  return {
    control,
    handle,
    surface,
    hit: doc.querySelector('.hit')!,
    cell: doc.querySelector('.cell')!,
    captured,
    focused,
    set,
    point: () => point,
  };
}

/** Where user point (x, y) is on the screen. */
const at = (x: number, y: number) => ({ clientX: 100 + 10 * x, clientY: 200 + 10 * y });

beforeEach(() => vi.stubGlobal('DOMPoint', AffinePoint));
afterEach(() => vi.unstubAllGlobals());

describe('attachKeypointControl(options): ARIA', () => {
  it('gives the handle its value now and its value text, and again on refresh', () => {
    const { handle, control, set } = setUp({ x: 10.25, y: 3 });
    expect(handle.getAttribute('aria-valuenow')).toBe('10.3');
    expect(handle.getAttribute('aria-valuetext')).toBe('x 10.3 px, y 3.0 px');
    set({ x: 2, y: 40 });
    control.refresh();
    expect(handle.getAttribute('aria-valuenow')).toBe('2.0');
    expect(handle.getAttribute('aria-valuetext')).toBe('x 2.0 px, y 40.0 px');
  });
});

describe('attachKeypointControl(options): keys', () => {
  it("moves exactly 1 on the arrow's axis, or 0.1 with Shift, leaving the other axis to the last digit", () => {
    const { handle, point } = setUp({ x: 10.2, y: 47.123456789 });
    const right = fire(handle, 'keydown', { key: 'ArrowRight' });
    expect(point()).toEqual({ x: 11.2, y: 47.123456789 });
    expect(right.defaultPrevented).toBe(true);
    // 10.2 + 0.1 is 10.299999999999999 in floating point; the control says 10.3.
    fire(handle, 'keydown', { key: 'ArrowLeft' });
    fire(handle, 'keydown', { key: 'ArrowRight', shiftKey: true });
    expect(point().x).toBe(10.3);
    fire(handle, 'keydown', { key: 'ArrowUp' });
    expect(point()).toEqual({ x: 10.3, y: 46.123457 });
    fire(handle, 'keydown', { key: 'ArrowDown', shiftKey: true });
    expect(point().y).toBe(46.223457);
  });

  it('clamps a step to the bounds, and takes the steps it is given', () => {
    const { handle, point } = setUp({ x: 47.5, y: 0.5 }, { coarseStep: 4, fineStep: 0.25 });
    fire(handle, 'keydown', { key: 'ArrowRight' });
    fire(handle, 'keydown', { key: 'ArrowUp' });
    expect(point()).toEqual({ x: 48, y: 0 });
    fire(handle, 'keydown', { key: 'ArrowLeft' });
    fire(handle, 'keydown', { key: 'ArrowDown', shiftKey: true });
    expect(point()).toEqual({ x: 44, y: 0.25 });
  });

  it('leaves other keys to the page', () => {
    const { handle, set } = setUp({ x: 1, y: 1 });
    expect(fire(handle, 'keydown', { key: 'Enter' }).defaultPrevented).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('attachKeypointControl(options): pointer', () => {
  it('moves the point to a mouse press, focuses the handle, and follows the drag until release', () => {
    const { cell, surface, point, focused, captured } = setUp({ x: 1, y: 1 });
    fire(cell, 'pointerdown', { button: 0, pointerId: 5, pointerType: 'mouse', ...at(12.5, 30.25) });
    expect(point()).toEqual({ x: 12.5, y: 30.25 });
    expect(focused).toEqual([{ preventScroll: true }]);
    expect([...captured]).toEqual([5]);
    fire(surface, 'pointermove', { pointerId: 5, ...at(60, -3) });
    expect(point()).toEqual({ x: 48, y: 0 });
    fire(surface, 'pointerup', { pointerId: 5 });
    expect([...captured]).toEqual([]);
    fire(surface, 'pointermove', { pointerId: 5, ...at(2, 2) });
    expect(point()).toEqual({ x: 48, y: 0 });
  });

  it('ignores another button and the moves of another pointer', () => {
    const { cell, surface, set } = setUp({ x: 1, y: 1 });
    fire(cell, 'pointerdown', { button: 1, pointerId: 5, pointerType: 'mouse', ...at(3, 3) });
    fire(surface, 'pointermove', { pointerId: 6, ...at(4, 4) });
    expect(set).not.toHaveBeenCalled();
  });

  it('leaves a touch that does not start on the handle to the page, and drags one that does', () => {
    const { cell, hit, surface, point } = setUp({ x: 1, y: 1 });
    const swipe = fire(cell, 'pointerdown', { button: 0, pointerId: 2, pointerType: 'touch', ...at(20, 20) });
    expect(swipe.defaultPrevented).toBe(false);
    expect(point()).toEqual({ x: 1, y: 1 });
    const drag = fire(hit, 'pointerdown', { button: 0, pointerId: 3, pointerType: 'touch', ...at(1.5, 1) });
    expect(drag.defaultPrevented).toBe(true);
    fire(surface, 'pointermove', { pointerId: 3, ...at(8, 9) });
    expect(point()).toEqual({ x: 8, y: 9 });
  });

  it('moves the point to a tap away from the handle, but not to a mouse click', () => {
    const { cell, hit, point } = setUp({ x: 1, y: 1 });
    fire(cell, 'click', { pointerType: 'mouse', ...at(5, 5) });
    fire(hit, 'click', { pointerType: 'touch', ...at(6, 6) });
    expect(point()).toEqual({ x: 1, y: 1 });
    fire(cell, 'click', { pointerType: 'touch', ...at(7, 70) });
    expect(point()).toEqual({ x: 7, y: 64 });
  });

  it('keeps a touch that starts on the handle from panning the page', () => {
    const { hit } = setUp({ x: 1, y: 1 });
    expect(fire(hit, 'touchstart').defaultPrevented).toBe(true);
  });

  it('declines a mouse press or a tap that grab refuses, and is asked where in surface units', () => {
    const grab = vi.fn((p: Point) => p.x < 10);
    const { cell, point } = setUp({ x: 1, y: 1 }, { grab });
    fire(cell, 'pointerdown', { button: 0, pointerId: 1, pointerType: 'mouse', ...at(20, 2) });
    fire(cell, 'click', { pointerType: 'touch', ...at(30, 2) });
    expect(point()).toEqual({ x: 1, y: 1 });
    expect(grab).toHaveBeenCalledWith({ x: 20, y: 2 });
    fire(cell, 'pointerdown', { button: 0, pointerId: 1, pointerType: 'mouse', ...at(4, 2) });
    expect(point()).toEqual({ x: 4, y: 2 });
  });

  it('does nothing once detached', () => {
    const { control, cell, handle, hit, set } = setUp({ x: 1, y: 1 });
    control.detach();
    fire(handle, 'keydown', { key: 'ArrowRight' });
    fire(cell, 'pointerdown', { button: 0, pointerId: 1, pointerType: 'mouse', ...at(4, 2) });
    fire(cell, 'click', { pointerType: 'touch', ...at(4, 2) });
    expect(set).not.toHaveBeenCalled();
    expect(fire(hit, 'touchstart').defaultPrevented).toBe(false);
  });
});
