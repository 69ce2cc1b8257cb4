/**
 * One small typed store per chapter, mirrored in the URL so that any configuration is a
 * link. Figures subscribe; only the store touches `history`. Stores are shared by name, so
 * every figure of a chapter that asks for `chapterStore('ch1', schema)` gets the same one.
 */
import { readState, writeState, type Schema } from './params.ts';

export interface Store<S> {
  get(): Readonly<S>;
  set(patch: Partial<S>): void;
  subscribe(listener: (state: Readonly<S>) => void): () => void;
  /** Keys the URL held but that were invalid and fell back to their default. */
  readonly rejected: readonly string[];
}

const stores = new Map<string, { schema: unknown; store: Store<unknown> }>();
const URL_WRITE_DELAY_MS = 200;
/** Stores whose latest state has not reached the URL yet, each with the function that writes it. */
const pendingWrites = new Set<() => void>();

/** Writes every store's pending state to the URL now (before the URL is copied, say). */
export function flushUrl(): void {
  for (const write of [...pendingWrites]) write();
}

/** The state of the chapter store named `prefix`, if a figure has created it. */
export function storeState(prefix: string): Readonly<Record<string, unknown>> | undefined {
  return stores.get(prefix)?.store.get() as Readonly<Record<string, unknown>> | undefined;
}

export function createStore<S>(
  prefix: string,
  schema: Schema<S>,
  search = new URLSearchParams(location.search),
): Store<S> {
  const { state: initial, rejected } = readState(schema, prefix, search);
  let state = initial;
  const listeners = new Set<(s: Readonly<S>) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const writeUrl = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingWrites.delete(writeUrl);
    const url = new URL(location.href);
    writeState(schema, prefix, state, url.searchParams);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  };

  return {
    rejected,
    get: () => state,
    set(patch) {
      const next = { ...state };
      let changed = false;
      for (const key of Object.keys(patch) as (keyof S)[]) {
        const value = schema[key].clamp(patch[key] as S[keyof S]);
        if (value !== next[key]) {
          next[key] = value;
          changed = true;
        }
      }
      if (!changed) return;
      state = next;
      for (const listener of listeners) listener(state);
      // Many events per second while dragging: write the URL once things settle.
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(writeUrl, URL_WRITE_DELAY_MS);
      pendingWrites.add(writeUrl);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The chapter's store named `prefix`, created on first use from the current URL. Every
 * figure that shares a store must pass the same schema object: two schemas under one
 * prefix would read the same URL keys two ways.
 */
export function chapterStore<S>(prefix: string, schema: Schema<S>): Store<S> {
  const entry = stores.get(prefix);
  if (entry) {
    if (entry.schema !== schema) throw new Error(`store '${prefix}' was created with a different schema`);
    return entry.store as Store<S>;
  }
  const store = createStore(prefix, schema);
  stores.set(prefix, { schema, store: store as Store<unknown> });
  return store;
}
