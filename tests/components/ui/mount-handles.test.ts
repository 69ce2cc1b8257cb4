/**
 * mountHandles on a server-side DOM: each handle part becomes a keypoint control that sets the
 * store through the part's `set`; on a surface two handles share, a press moves the nearest
 * active one; a handle whose markup is missing names the figure.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountHandles } from '../../../src/components/ui/mount-handles.ts';
import { booleanParam, numberParam } from '../../../src/components/ui/params.ts';
import type { HandlePart } from '../../../src/components/ui/parts.ts';
import { createStore, flushUrl } from '../../../src/components/ui/store.ts';
import { AffinePoint, fire, onScreen, pageWith } from './dom.ts';

const coordinate = (d: number) => numberParam({ default: d, min: 0, max: 40, digits: 3 });
const schema = {
  ax: coordinate(5),
  ay: coordinate(5),
  bx: coordinate(30),
  by: coordinate(5),
  both: booleanParam(true),
};
type State = { ax: number; ay: number; bx: number; by: number; both: boolean };

const bounds = { minX: 0, maxX: 40, minY: 0, maxY: 20 };
const a: HandlePart<State> = {
  role: 'a',
  surface: 'surface',
  bounds,
  get: (s) => ({ x: s.ax, y: s.ay }),
  set: (p) => ({ ax: p.x, ay: p.y }),
  describe: (p) => `a at ${p.x}`,
};
const b: HandlePart<State> = {
  role: 'b',
  surface: 'surface',
  bounds,
  get: (s) => ({ x: s.bx, y: s.by }),
  set: (p) => ({ bx: p.x, by: p.y }),
  describe: (p) => `b at ${p.x}`,
  active: (s) => s.both,
  coarseStep: 5,
};

function setUp(handles: HandlePart<State>[] = [a, b]) {
  const doc = pageWith(`<figure-x><svg data-role="surface">
    <g class="fig-handle" data-role="a" tabindex="0"></g><g class="fig-handle" data-role="b" tabindex="0"></g>
  </svg></figure-x>`);
  const root = doc.querySelector<HTMLElement>('figure-x')!;
  const surface = root.querySelector('svg')!;
  for (const g of root.querySelectorAll<HTMLElement>('g')) g.focus = () => {};
  onScreen(surface);
  const store = createStore('t', schema, new URLSearchParams());
  const unmount = mountHandles(root, handles, store, 'two-points');
  return { root, surface, store, unmount };
}

/** A mouse press at user point (x, y) on a surface laid out at 10 px per unit from (100, 200). */
const press = (surface: Element, x: number, y: number) =>
  fire(surface, 'pointerdown', {
    button: 0,
    pointerId: 1,
    pointerType: 'mouse',
    clientX: 100 + 10 * x,
    clientY: 200 + 10 * y,
  });

beforeEach(() => {
  vi.stubGlobal('DOMPoint', AffinePoint);
  vi.stubGlobal('location', new URL('https://example.test/ch/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

describe('mountHandles(root, handles, store, figure)', () => {
  it('moves the nearest handle to a press on the shared surface, and only that one', () => {
    const { surface, store } = setUp();
    press(surface, 26, 8);
    expect(store.get()).toMatchObject({ ax: 5, ay: 5, bx: 26, by: 8 });
    press(surface, 12, 2);
    expect(store.get()).toMatchObject({ ax: 12, ay: 2, bx: 26, by: 8 });
  });

  it('passes over a handle that is not active', () => {
    const { surface, store } = setUp();
    store.set({ both: false });
    press(surface, 29, 5);
    expect(store.get()).toMatchObject({ ax: 29, ay: 5, bx: 30, by: 5 });
  });

  it("sets the store from a handle's keys, with the part's own step", () => {
    const { root, store } = setUp();
    fire(root.querySelector('[data-role="a"]')!, 'keydown', { key: 'ArrowRight' });
    fire(root.querySelector('[data-role="b"]')!, 'keydown', { key: 'ArrowDown' });
    expect(store.get()).toMatchObject({ ax: 6, ay: 5, bx: 30, by: 10 });
  });

  it('gives each handle its ARIA values as it mounts', () => {
    const { root } = setUp();
    expect(root.querySelector('[data-role="b"]')!.getAttribute('aria-valuetext')).toBe('b at 30');
  });

  it('stops every control when cleaned up', () => {
    const { root, surface, store, unmount } = setUp();
    unmount();
    press(surface, 26, 8);
    fire(root.querySelector('[data-role="a"]')!, 'keydown', { key: 'ArrowRight' });
    expect(store.get()).toMatchObject({ ax: 5, ay: 5, bx: 30, by: 5 });
  });

  it('throws, naming the figure and the selector, when a handle is missing from the markup', () => {
    expect(() => setUp([a, { ...b, role: 'c' }])).toThrow('two-points: missing [data-role="c"]');
  });
});
