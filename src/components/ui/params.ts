/**
 * Typed URL parameters: each knows its default, how to read itself from a string and how to
 * write itself back. Reading never throws: a missing, malformed or hostile value gives
 * `undefined`, and the store falls back to the default.
 */

export interface Param<T> {
  readonly default: T;
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** Brings any value of the right type into range (used by `set` too). */
  clamp(value: T): T;
}

/** The longest raw value any parameter reads; longer strings are refused unread. */
const MAX_RAW_LENGTH = 64;

/** A finite number in [min, max], rounded to `digits` decimals in the URL. */
export function numberParam(options: {
  default: number;
  min: number;
  max: number;
  digits?: number;
  integer?: boolean;
}): Param<number> {
  const { min, max, digits = 2, integer = false } = options;
  const clamp = (v: number): number => {
    const c = Math.min(max, Math.max(min, v));
    return integer ? Math.round(c) : c;
  };
  return {
    default: options.default,
    parse(raw) {
      if (raw.length > MAX_RAW_LENGTH || !/^-?\d+(\.\d+)?$/.test(raw.trim())) return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v)) return undefined;
      if (integer && !Number.isInteger(v)) return undefined;
      return v < min || v > max ? undefined : v;
    },
    format: (v) => (integer ? String(Math.round(v)) : String(Number(v.toFixed(digits)))),
    clamp,
  };
}

/** One of a fixed list of strings. */
export function choiceParam<T extends string>(values: readonly T[], fallback: T): Param<T> {
  return {
    default: fallback,
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    format: (v) => v,
    clamp: (v) => ((values as readonly string[]).includes(v) ? v : fallback),
  };
}

/** A boolean written as 1 or 0. */
export function booleanParam(fallback: boolean): Param<boolean> {
  return {
    default: fallback,
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
    clamp: (v) => v,
  };
}

/** The parameters of a store, keyed like its state. */
export type Schema<S> = { [K in keyof S]: Param<S[K]> };

/** The default state of a schema. */
export function defaultsOf<S>(schema: Schema<S>): S {
  const out = {} as S;
  for (const key of Object.keys(schema) as (keyof S)[]) out[key] = schema[key].default;
  return out;
}

/**
 * Reads a state from URL search parameters named `${prefix}.${key}`; each key that is missing
 * or invalid keeps its default. Returns the keys that were rejected, so a page can say so.
 */
export function readState<S>(
  schema: Schema<S>,
  prefix: string,
  search: URLSearchParams,
): { state: S; rejected: string[] } {
  const state = defaultsOf(schema);
  const rejected: string[] = [];
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const raw = search.get(`${prefix}.${key}`);
    if (raw === null) continue;
    const value = schema[key].parse(raw);
    if (value === undefined) rejected.push(key);
    else state[key] = value;
  }
  return { state, rejected };
}

/** Writes a state into URL search parameters; keys at their default are removed. */
export function writeState<S>(schema: Schema<S>, prefix: string, state: S, search: URLSearchParams): void {
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const param = schema[key];
    const name = `${prefix}.${key}`;
    const text = param.format(state[key]);
    if (text === param.format(param.default)) search.delete(name);
    else search.set(name, text);
  }
}

/** The parameters of `keys` only: what one figure reads of its chapter's schema. */
export function pick<S, K extends keyof S>(schema: Schema<S>, ...keys: K[]): Schema<Pick<S, K>> {
  const out = {} as Schema<Pick<S, K>>;
  for (const key of keys) out[key] = schema[key];
  return out;
}
