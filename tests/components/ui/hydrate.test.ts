/**
 * defineFigure on a server-side DOM with a fake IntersectionObserver: the figure's module loads
 * only when the element nears the viewport (or the page prints), mounts (its `mount`, or the
 * framework for a spec), marks `data-hydrated`, and unmounts when the element leaves the page; a
 * module that throws marks the figure failed and says so in it.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineSpec } from '../../../src/components/ui/figure.ts';
import type { FigureModule } from '../../../src/components/ui/hydrate.ts';

const mountFigure = vi.fn((_root: HTMLElement, _spec: unknown) => unmountSpec);
const unmountSpec = vi.fn();
vi.mock('../../../src/components/ui/mount-figure.ts', () => ({ mountFigure }));

interface Observed {
  callback: IntersectionObserverCallback;
  options: IntersectionObserverInit | undefined;
  targets: Element[];
  disconnected: boolean;
}
let observers: Observed[];
let windowListeners: Record<string, (() => void)[]>;
let printListeners: ((event: { matches: boolean }) => void)[];
let doc: Document;

beforeEach(() => {
  vi.resetModules();
  mountFigure.mockClear();
  unmountSpec.mockClear();
  observers = [];
  windowListeners = {};
  printListeners = [];
  const page = parseHTML('<!doctype html><html><body></body></html>');
  doc = page.document as unknown as Document;
  vi.stubGlobal('document', doc);
  vi.stubGlobal('HTMLElement', page.HTMLElement);
  vi.stubGlobal('customElements', page.customElements);
  vi.stubGlobal('window', {
    addEventListener: (type: string, l: () => void) => (windowListeners[type] ??= []).push(l),
  });
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    addEventListener: (_type: string, l: (event: { matches: boolean }) => void) => {
      if (query === 'print') printListeners.push(l);
    },
  }));
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      record: Observed;
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        this.record = { callback, options, targets: [], disconnected: false };
        observers.push(this.record);
      }
      observe(el: Element) {
        this.record.targets.push(el);
      }
      disconnect() {
        this.record.disconnected = true;
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

/** The hydrate module, fresh: its print hook and waiting list are the page's. */
const hydrate = () => import('../../../src/components/ui/hydrate.ts');

/** Tells `observer` that its element is (or is not) intersecting. */
const intersect = (observer: Observed, isIntersecting: boolean) =>
  observer.callback([{ isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);

/** Lets the module's load and mount run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A figure element of `tag` put on the page. */
function place(tag: string): HTMLElement {
  const el = doc.createElement(tag);
  doc.body.append(el);
  return el;
}

describe('defineFigure(tag, load)', () => {
  it('loads nothing until the element nears the viewport, then mounts the module and marks it hydrated', async () => {
    const { defineFigure } = await hydrate();
    const unmount = vi.fn();
    const mount = vi.fn((_root: HTMLElement) => unmount);
    const load = vi.fn(async (): Promise<FigureModule> => ({ mount }));
    defineFigure('test-app', load);
    const el = place('test-app');
    const [observer] = observers;
    expect(observer!.targets).toEqual([el]);
    expect(observer!.options).toEqual({ rootMargin: '400px 0px' });
    intersect(observer!, false);
    await settle();
    expect(load).not.toHaveBeenCalled();
    intersect(observer!, true);
    await settle();
    expect(mount).toHaveBeenCalledWith(el);
    expect(el.dataset.hydrated).toBe('true');
    expect(observer!.disconnected).toBe(true);
    el.remove();
    expect(unmount).toHaveBeenCalledTimes(1);
  });

  it("mounts a spec module's default with the framework", async () => {
    const { defineFigure } = await hydrate();
    const spec = defineSpec({ name: 'test', params: {} });
    defineFigure('test-spec', async () => ({ default: spec }));
    const el = place('test-spec');
    intersect(observers[0]!, true);
    await settle();
    expect(mountFigure).toHaveBeenCalledWith(el, spec);
    expect(el.dataset.hydrated).toBe('true');
    el.remove();
    expect(unmountSpec).toHaveBeenCalledTimes(1);
  });

  it('defines a tag once, keeping the first module', async () => {
    const { defineFigure } = await hydrate();
    const first = vi.fn(async (): Promise<FigureModule> => ({ mount: () => {} }));
    const second = vi.fn(async (): Promise<FigureModule> => ({ mount: () => {} }));
    defineFigure('test-once', first);
    defineFigure('test-once', second);
    place('test-once');
    intersect(observers[0]!, true);
    await settle();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 0]);
  });

  it('starts every waiting figure before the page prints', async () => {
    const { defineFigure } = await hydrate();
    const load = vi.fn(async (): Promise<FigureModule> => ({ mount: () => {} }));
    defineFigure('test-print', load);
    const a = place('test-print');
    const b = place('test-print');
    windowListeners.beforeprint!.forEach((l) => l());
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect([a.dataset.hydrated, b.dataset.hydrated]).toEqual(['true', 'true']);
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });

  it('starts them when the print media query matches, and not when it stops matching', async () => {
    const { defineFigure } = await hydrate();
    const load = vi.fn(async (): Promise<FigureModule> => ({ mount: () => {} }));
    defineFigure('test-media', load);
    place('test-media');
    printListeners.forEach((l) => l({ matches: false }));
    await settle();
    expect(load).not.toHaveBeenCalled();
    printListeners.forEach((l) => l({ matches: true }));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not start a figure that left the page', async () => {
    const { defineFigure } = await hydrate();
    const load = vi.fn(async (): Promise<FigureModule> => ({ mount: () => {} }));
    defineFigure('test-gone', load);
    place('test-gone').remove();
    expect(observers[0]!.disconnected).toBe(true);
    windowListeners.beforeprint!.forEach((l) => l());
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('marks a figure whose module throws failed, and says so in it', async () => {
    // The error goes on to the console as an unhandled rejection, which the browser reports:
    // here it is caught, so that the run does not fail on it.
    const rejections: unknown[] = [];
    const previous = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', (reason) => rejections.push(reason));
    try {
      const { defineFigure } = await hydrate();
      defineFigure('test-broken', async () => {
        throw new Error('chunk failed to load');
      });
      const el = place('test-broken');
      intersect(observers[0]!, true);
      await settle();
      await settle();
      expect(el.dataset.hydrated).toBe('failed');
      const note = el.querySelector('p.figure-error')!;
      expect(note.getAttribute('role')).toBe('status');
      expect(note.textContent).toBe(
        'This figure could not start; it shows its default state. Reload the page to try again.',
      );
      expect(rejections).toEqual([new Error('chunk failed to load')]);
    } finally {
      process.removeAllListeners('unhandledRejection');
      for (const listener of previous) process.on('unhandledRejection', listener);
    }
  });
});
