/** observeWidth with a fake ResizeObserver: whole-pixel widths, each told once, and a disconnect. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeWidth } from '../../../src/components/ui/resize.ts';

let observers: { callback: ResizeObserverCallback; observed: Element[]; disconnected: boolean }[];
beforeEach(() => {
  observers = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      record: (typeof observers)[number];
      constructor(callback: ResizeObserverCallback) {
        this.record = { callback, observed: [], disconnected: false };
        observers.push(this.record);
      }
      observe(el: Element) {
        this.record.observed.push(el);
      }
      disconnect() {
        this.record.disconnected = true;
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

const element = (width: number) => ({ getBoundingClientRect: () => ({ width }) }) as unknown as Element;
const resize = (...widths: number[]) =>
  observers[0]!.callback(
    widths.map((width) => ({ contentRect: { width } }) as ResizeObserverEntry),
    {} as ResizeObserver,
  );

describe('observeWidth(element, onWidth)', () => {
  it('tells the width now, rounded, then each new whole-pixel width', () => {
    const widths: number[] = [];
    const el = element(320.4);
    observeWidth(el, (w) => widths.push(w));
    expect(observers[0]!.observed).toEqual([el]);
    resize(320.2, 319.6, 480);
    expect(widths).toEqual([320, 480]);
  });

  it('waits for a box with a width', () => {
    const widths: number[] = [];
    observeWidth(element(0), (w) => widths.push(w));
    expect(widths).toEqual([]);
    resize(0.3, 200);
    expect(widths).toEqual([200]);
  });

  it('disconnects its observer when stopped', () => {
    const stop = observeWidth(element(10), () => {});
    stop();
    expect(observers[0]!.disconnected).toBe(true);
  });
});
