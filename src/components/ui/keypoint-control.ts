/**
 * A draggable sub-pixel keypoint on an SVG surface, by mouse, touch and keyboard.
 *
 * - Mouse and pen: drag the handle; a press elsewhere on the surface moves it there.
 * - Touch: a drag must start on the handle (its hit circle), so a swipe across the figure
 *   scrolls the page; a tap elsewhere on the surface moves the handle there.
 * - Keyboard: each arrow press moves exactly 1 px; with Shift, 0.1 px.
 * - Screen readers: the handle is a slider whose accessible name says what it is and whose
 *   value text says where it is, in the surface's units.
 */
import type { Point } from '../../lib/index.ts';
import { ARROW_STEPS } from './arrow-keys.ts';
import { listen } from './listen.ts';

export interface KeypointControlOptions {
  /** The focusable handle (role="slider"); its position is the caller's to draw. */
  handle: SVGGraphicsElement;
  /** The SVG whose user units are the keypoint's units. */
  surface: SVGSVGElement;
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
  get(): Point;
  set(point: Point): void;
  /** Value text, such as "x 101.3 px, y 47.0 px". */
  describe(point: Point): string;
  fineStep?: number;
  coarseStep?: number;
  /**
   * Whether a pointer press at `p` (surface units) is this control's: lets several handles
   * share one surface (each takes the presses nearest to it). Default: every press.
   */
  grab?: (p: Point) => boolean;
}

/** Wires the handle; returns a function that updates its ARIA values and one that detaches. */
export function attachKeypointControl(options: KeypointControlOptions): { refresh(): void; detach(): void } {
  const { handle, surface, bounds, get, set, describe } = options;
  const fine = options.fineStep ?? 0.1;
  const coarse = options.coarseStep ?? 1;
  // Removes float noise (0.1 + 0.2) without touching the position's own sub-step digits.
  const tidy = (v: number): number => Number(v.toFixed(6));
  const clamp = (p: Point): Point => ({
    x: Math.min(bounds.maxX, Math.max(bounds.minX, p.x)),
    y: Math.min(bounds.maxY, Math.max(bounds.minY, p.y)),
  });

  const toSurface = (event: PointerEvent): Point | undefined => {
    const matrix = surface.getScreenCTM();
    if (!matrix) return undefined;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  };

  let dragging: number | undefined;
  const onHandle = (event: Event): boolean => (event.target as Element | null)?.closest('.fig-handle') === handle;
  const onDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    // A touch that does not start on this handle may be a swipe: leave it to the page.
    if (event.pointerType === 'touch' && !onHandle(event)) return;
    const p = toSurface(event);
    if (!p || (event.pointerType !== 'touch' && options.grab && !options.grab(p))) return;
    event.preventDefault();
    handle.focus({ preventScroll: true });
    dragging = event.pointerId;
    surface.setPointerCapture(event.pointerId);
    set(clamp(p));
  };
  const onMove = (event: PointerEvent): void => {
    if (event.pointerId !== dragging) return;
    const p = toSurface(event);
    if (p) set(clamp(p));
  };
  const onUp = (event: PointerEvent): void => {
    if (event.pointerId !== dragging) return;
    dragging = undefined;
    if (surface.hasPointerCapture(event.pointerId)) surface.releasePointerCapture(event.pointerId);
  };
  // A tap (a touch that did not scroll) away from every handle moves the nearest one there.
  const onClick = (event: MouseEvent): void => {
    if ((event as PointerEvent).pointerType !== 'touch' || (event.target as Element | null)?.closest('.fig-handle'))
      return;
    const p = toSurface(event as PointerEvent);
    if (!p || (options.grab && !options.grab(p))) return;
    set(clamp(p));
  };
  const onKey = (event: KeyboardEvent): void => {
    const move = ARROW_STEPS[event.key];
    if (!move) return;
    event.preventDefault();
    const step = event.shiftKey ? fine : coarse;
    const p = get();
    // Exactly one step on the moved axis; the other keeps its value to the last digit.
    set(clamp({ x: move[0] ? tidy(p.x + move[0] * step) : p.x, y: move[1] ? tidy(p.y + move[1] * step) : p.y }));
  };

  // Chromium ignores touch-action on SVG shapes, so a finger that starts on the handle would
  // pan the page once it had moved a few pixels, and the browser would cancel the drag
  // (pointercancel): a touch that starts on a handle is the figure's.
  const onTouchStart = (event: TouchEvent): void => {
    if (event.cancelable) event.preventDefault();
  };

  const unlisten = [
    listen(handle, { touchstart: onTouchStart }, { passive: false }),
    listen(handle, { keydown: onKey }),
    listen(surface, { pointerdown: onDown, pointermove: onMove, pointerup: onUp, pointercancel: onUp, click: onClick }),
  ];

  const refresh = (): void => {
    const p = get();
    handle.setAttribute('aria-valuenow', p.x.toFixed(1));
    handle.setAttribute('aria-valuetext', describe(p));
  };
  refresh();
  return {
    refresh,
    detach() {
      for (const remove of unlisten) remove();
    },
  };
}
