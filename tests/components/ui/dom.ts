/**
 * A server-side DOM (linkedom) for the framework's tests, and the events a browser would fire:
 * linkedom has no KeyboardEvent or PointerEvent, so an event is its plain `Event` carrying the
 * fields the code reads (`key`, `shiftKey`, `clientX`, `pointerId`, `button`, `pointerType`).
 */
import { parseHTML } from 'linkedom';

/** A fresh document whose body holds `body`. */
export function pageWith(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}

/** Fires `type` at `target` (bubbling, cancelable) with `init`'s fields; returns the event. */
export function fire(target: Element, type: string, init: Record<string, unknown> = {}): Event {
  const { Event: PageEvent } = target.ownerDocument.defaultView as unknown as typeof globalThis;
  const event = Object.assign(new PageEvent(type, { bubbles: true, cancelable: true }), init);
  target.dispatchEvent(event);
  return event;
}

/** A canvas 2-D context that records the pixels put on it (linkedom's canvas has none). */
export function fakeContext() {
  const put: ImageData[] = [];
  const context = {
    put,
    createImageData: (w: number, h: number) =>
      ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }) as unknown as ImageData,
    putImageData: (pixels: ImageData) => {
      put.push({ ...pixels, data: pixels.data.slice() } as ImageData);
    },
  };
  return context;
}

/** Gives `canvas` a recording 2-D context; returns it. */
export function withContext(canvas: HTMLCanvasElement) {
  const context = fakeContext();
  canvas.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
  return context;
}

/** Sets what `el.getBoundingClientRect()` answers (linkedom lays nothing out). */
export function place(el: Element, rect: { left?: number; top?: number; width: number; height?: number }): void {
  const { left = 0, top = 0, width, height = 0 } = rect;
  el.getBoundingClientRect = () =>
    ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
}

/** An affine matrix as DOMMatrix holds it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** A DOMPoint that applies an affine matrix, for `vi.stubGlobal('DOMPoint', AffinePoint)`. */
export class AffinePoint {
  constructor(
    public x = 0,
    public y = 0,
  ) {}
  matrixTransform(m: Affine): AffinePoint {
    return new AffinePoint(m.a * this.x + m.c * this.y + m.e, m.b * this.x + m.d * this.y + m.f);
  }
}

/**
 * Lays `surface` (an SVG) out on the screen at `scale` CSS px per user unit from (`left`, `top`),
 * and gives it pointer capture, which it records: `captured` holds the pointers it holds.
 */
export function onScreen(surface: Element, { scale = 10, left = 100, top = 200 } = {}): { captured: Set<number> } {
  const captured = new Set<number>();
  const inverse: Affine = { a: 1 / scale, b: 0, c: 0, d: 1 / scale, e: -left / scale, f: -top / scale };
  Object.assign(surface, {
    getScreenCTM: () => ({ inverse: () => inverse }),
    setPointerCapture: (id: number) => captured.add(id),
    hasPointerCapture: (id: number) => captured.has(id),
    releasePointerCapture: (id: number) => captured.delete(id),
  });
  return { captured };
}
