import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chapterStore, createStore, flushUrl, storeState } from '../../../src/components/ui/store.ts';
import { numberParam, pick } from '../../../src/components/ui/params.ts';

const chapter = {
  a: numberParam({ default: 1, min: 0, max: 10 }),
  b: numberParam({ default: 2, min: 0, max: 10 }),
};

// The store reads the page's query and writes it back with history.replaceState.
let url: URL;
beforeEach(() => {
  url = new URL('https://example.test/ch/?t.a=5&t.b=oops&u.a=7');
  vi.stubGlobal('location', {
    get href() {
      return url.href;
    },
    get search() {
      return url.search;
    },
  });
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_s: unknown, _t: string, next: URL) => (url = new URL(next)),
  });
});
// A write still pending (a set the test did not flush) goes to the stubbed URL before the stubs go:
// left to its timer, it would fire after them (on a busy machine, after the file) and find no location.
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

describe('chapterStore(prefix, schema)', () => {
  it('is shared by name: each figure adds the keys it reads, read from the URL as they are added', () => {
    const first = chapterStore('t', pick(chapter, 'a'));
    expect(first.get()).toMatchObject({ a: 5 });
    expect(storeState('t')).toEqual({ a: 5 });
    const second = chapterStore('t', pick(chapter, 'b'));
    expect(second.get()).toMatchObject({ a: 5, b: 2 });
    second.set({ b: 6 });
    first.set({ a: 6 });
    expect(storeState('t')).toEqual({ a: 6, b: 6 });
  });

  it('reports refused URL values to the figures that read them, and only to those', () => {
    const readsA = chapterStore('t', pick(chapter, 'a'));
    const readsB = chapterStore('t', pick(chapter, 'b'));
    expect(readsA.rejected).toEqual([]);
    expect(readsB.rejected).toEqual(['b']);
  });

  it('refuses one key declared with two different parameters', () => {
    chapterStore('u', pick(chapter, 'a'));
    expect(() => chapterStore('u', { a: numberParam({ default: 1, min: 0, max: 10 }) })).toThrow(/'a'/);
  });

  it('refuses to set a key no figure declared', () => {
    const store = chapterStore('t', pick(chapter, 'a'));
    expect(() => store.set({ zz: 1 } as never)).toThrow(/no parameter 'zz'/);
  });
});

describe('createStore(prefix, schema, search)', () => {
  it('clamps what it is given, tells its listeners once per change, and writes the URL when asked', () => {
    const store = createStore('v', chapter, new URLSearchParams(''));
    const heard: number[] = [];
    store.subscribe((s) => heard.push(s.a));
    store.set({ a: 99 });
    store.set({ a: 10 });
    expect(heard).toEqual([1, 10]);
    flushUrl();
    expect(url.searchParams.get('v.a')).toBe('10');
    expect(url.searchParams.has('v.b')).toBe(false);
  });
});

describe('a store writing the URL', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the URL once, 200 ms after the last of a run of changes', () => {
    vi.useFakeTimers();
    const store = createStore('w', chapter, new URLSearchParams(''));
    const writes = vi.spyOn(history, 'replaceState');
    store.set({ a: 3 });
    vi.advanceTimersByTime(150);
    store.set({ a: 4 });
    vi.advanceTimersByTime(199);
    expect(writes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(url.searchParams.get('w.a')).toBe('4');
  });

  it('removes a key set back to its default from the URL, and leaves other query keys alone', () => {
    const store = createStore('t', chapter, new URLSearchParams(''));
    store.set({ a: 7 });
    flushUrl();
    expect(url.searchParams.get('t.a')).toBe('7');
    store.set({ a: 1 });
    flushUrl();
    expect(url.searchParams.has('t.a')).toBe(false);
    expect(url.searchParams.get('u.a')).toBe('7');
  });
});

describe('Store.set(patch) and Store.subscribe(listener)', () => {
  it('tells a new listener the state at once, and no one of a patch that changes nothing', () => {
    const store = createStore('x', chapter, new URLSearchParams('x.a=4'));
    const heard: number[] = [];
    const stop = store.subscribe((s) => heard.push(s.a));
    store.set({ a: 4 });
    store.set({ a: 4.5, b: 2 });
    stop();
    store.set({ a: 5 });
    expect(heard).toEqual([4, 4.5]);
    expect(store.get()).toEqual({ a: 5, b: 2 });
  });

  it('replaces the state object on a change, never changing one a reader holds', () => {
    const store = createStore('x', chapter, new URLSearchParams(''));
    const before = store.get();
    store.set({ b: 9 });
    expect(before).toEqual({ a: 1, b: 2 });
    expect(store.get()).not.toBe(before);
  });
});
