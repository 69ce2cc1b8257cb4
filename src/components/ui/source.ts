/**
 * Data that does not live in the URL and arrives while the page runs: a model's output, a file the
 * reader loaded. A figure whose spec names a `source` reads its value in `build` and redraws when it
 * changes; at build time `get()` gives what the page shows before anything arrives.
 */
export interface Source<X> {
  get(): X;
  /** Calls `listener` after each change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** A `Source` holding one value that anyone may replace (`set`) — the usual way to make one. */
export function createSource<X>(initial: X): Source<X> & { set(value: X): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Several sources read as one: `get()` gives each one's value under its name (the same object
 * until one of them changes), and a change of any tells the listeners.
 */
export function combineSources<T extends Record<string, unknown>>(sources: {
  [K in keyof T]: Source<T[K]>;
}): Source<T> {
  const keys = Object.keys(sources) as (keyof T)[];
  let last: T | undefined;
  return {
    get() {
      if (!last || keys.some((k) => last?.[k] !== sources[k].get()))
        last = Object.fromEntries(keys.map((k) => [k, sources[k].get()])) as T;
      return last;
    },
    subscribe(listener) {
      const stops = keys.map((k) => sources[k].subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
  };
}
