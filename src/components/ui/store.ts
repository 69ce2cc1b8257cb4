/**
 * One small typed store per chapter, mirrored in the URL so that any configuration is a
 * link. Figures subscribe; only the store touches `history`.
 *
 * A chapter's parameters are declared once, in its state module (`src/components/state/chN.ts`).
 * A figure asks for the store with only the parameters it reads (`chapterStore('ch7',
 * pick(ch7, 'scale', 'tx'))`): the first figure to name a key adds it to the store and reads it
 * from the URL; any later figure must name it with the very same parameter object, so two
 * figures can never read one URL key two ways.
 */
import { CHAPTER_OPENINGS } from '../state/openings.ts';
import { readState, reopen, writeState, type Param, type Schema } from './params.ts';

export interface Store<S> {
  get(): Readonly<S>;
  set(patch: Partial<S>): void;
  subscribe(listener: (state: Readonly<S>) => void): () => void;
  /** Keys of this view's schema that the URL held but were invalid and fell back to their default. */
  readonly rejected: readonly string[];
}

type AnyState = Record<string, unknown>;

/** The shared state behind every view of one chapter's store. */
interface Shared {
  prefix: string;
  schema: Record<string, Param<unknown>>;
  state: AnyState;
  rejected: Set<string>;
  listeners: Set<(s: Readonly<AnyState>) => void>;
  search: URLSearchParams;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const stores = new Map<string, Shared>();
const URL_WRITE_DELAY_MS = 200;
/** Stores whose latest state has not reached the URL yet, each with the function that writes it. */
const pendingWrites = new Map<Shared, () => void>();

/** Writes every store's pending state to the URL now (before the URL is copied, say). */
export function flushUrl(): void {
  for (const write of [...pendingWrites.values()]) write();
}

/** The state of the chapter store named `prefix`, if a figure has created it. */
export function storeState(prefix: string): Readonly<Record<string, unknown>> | undefined {
  return stores.get(prefix)?.state;
}

function writeUrl(shared: Shared): void {
  if (shared.timer !== undefined) clearTimeout(shared.timer);
  shared.timer = undefined;
  pendingWrites.delete(shared);
  const url = new URL(location.href);
  writeState(shared.schema, shared.prefix, shared.state, url.searchParams);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

/** Adds `schema`'s keys to the shared store (reading them from the URL); throws on a clash. */
function extend(shared: Shared, schema: Record<string, Param<unknown>>): void {
  const added: Record<string, Param<unknown>> = {};
  for (const [key, param] of Object.entries(schema)) {
    const known = shared.schema[key];
    if (known === undefined) added[key] = param;
    else if (known !== param)
      throw new Error(`store '${shared.prefix}': '${key}' is declared with two different parameters`);
  }
  if (Object.keys(added).length === 0) return;
  const { state, rejected } = readState(added, shared.prefix, shared.search);
  Object.assign(shared.schema, added);
  shared.state = { ...shared.state, ...state };
  for (const key of rejected) shared.rejected.add(key);
}

function newShared(prefix: string, search: URLSearchParams): Shared {
  return { prefix, schema: {}, state: {}, rejected: new Set(), listeners: new Set(), search, timer: undefined };
}

function view<S>(shared: Shared, keys: readonly string[]): Store<S> {
  return {
    get rejected() {
      return keys.filter((k) => shared.rejected.has(k));
    },
    get: () => shared.state as unknown as S,
    set(patch) {
      let next: AnyState | undefined;
      for (const [key, raw] of Object.entries(patch as AnyState)) {
        const param = shared.schema[key];
        if (!param) throw new Error(`store '${shared.prefix}': no parameter '${key}'`);
        const value = param.clamp(raw);
        if (value !== (next ?? shared.state)[key]) {
          next ??= { ...shared.state };
          next[key] = value;
        }
      }
      if (!next) return;
      shared.state = next;
      for (const listener of shared.listeners) listener(next);
      // Many events per second while dragging: write the URL once things settle.
      if (shared.timer !== undefined) clearTimeout(shared.timer);
      const write = (): void => writeUrl(shared);
      shared.timer = setTimeout(write, URL_WRITE_DELAY_MS);
      pendingWrites.set(shared, write);
    },
    subscribe(listener) {
      const l = listener as (s: Readonly<AnyState>) => void;
      shared.listeners.add(l);
      l(shared.state);
      return () => shared.listeners.delete(l);
    },
  };
}

/** `schema` as the chapter store `prefix` holds it: with the defaults its chapter opens on (`state/openings.ts`). */
export function storeSchema<S>(prefix: string, schema: Schema<S>): Schema<S> {
  return reopen(schema, CHAPTER_OPENINGS[prefix]);
}

/**
 * A store on its own (not shared by name), for tests and pages with a single figure: `search`
 * stands for the page's query.
 */
export function createStore<S>(
  prefix: string,
  schema: Schema<S>,
  search = new URLSearchParams(location.search),
): Store<S> {
  const shared = newShared(prefix, search);
  extend(shared, schema as Record<string, Param<unknown>>);
  return view<S>(shared, Object.keys(schema));
}

/**
 * The chapter's store named `prefix`, created on first use from the current URL and extended
 * with `schema`'s keys. Its state holds every key any figure of the page declared; read only
 * your own.
 */
export function chapterStore<S>(prefix: string, schema: Schema<S>): Store<S> {
  schema = storeSchema(prefix, schema);
  let shared = stores.get(prefix);
  if (!shared) {
    shared = newShared(prefix, new URLSearchParams(location.search));
    stores.set(prefix, shared);
  }
  extend(shared, schema as Record<string, Param<unknown>>);
  return view<S>(shared, Object.keys(schema));
}
