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
  /** What a control offers for it (Slider, Segmented, NumberField…): its range and step, or its choices. */
  readonly control: ParamControl;
  /**
   * Reads what a reader typed into a text field, more leniently than `parse` reads the URL
   * (`1-2, 3-4` for `1-2,3-4`); undefined when the text is not a value. `expected` says what a
   * value looks like, for the note a refused text gets.
   */
  readonly typed?: { read(text: string): T | undefined; expected: string };
}

/** A control's view of a parameter. */
export type ParamControl =
  | {
      kind: 'number';
      min: number;
      max: number;
      /** A slider's or number field's step. */
      step: number;
      /** Decimals a control shows the value with. */
      digits: number;
    }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'text' };

/** The longest raw value any parameter reads; longer strings are refused unread. */
const MAX_RAW_LENGTH = 64;

/** A finite number in [min, max], rounded to `digits` decimals in the URL. */
export function numberParam(options: {
  default: number;
  min: number;
  max: number;
  /** Decimals in the URL (default 2). */
  digits?: number;
  integer?: boolean;
  /** A control's step (default: 1 for integers, else one unit of the last decimal shown). */
  step?: number;
  /** Decimals a control shows (default: `digits`, 0 for integers). */
  shown?: number;
}): Param<number> {
  const { min, max, digits = 2, integer = false } = options;
  const shown = options.shown ?? (integer ? 0 : digits);
  const step = options.step ?? (integer ? 1 : 10 ** -shown);
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
    control: { kind: 'number', min, max, step, digits: shown },
  };
}

/** One of a fixed list of strings. */
export function choiceParam<T extends string>(values: readonly T[], fallback: T): Param<T> {
  return {
    default: fallback,
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined),
    format: (v) => v,
    clamp: (v) => ((values as readonly string[]).includes(v) ? v : fallback),
    control: { kind: 'choice', values },
  };
}

/** A boolean written as 1 or 0. */
export function booleanParam(fallback: boolean): Param<boolean> {
  return {
    default: fallback,
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
    format: (v) => (v ? '1' : '0'),
    clamp: (v) => v,
    control: { kind: 'boolean' },
  };
}

/**
 * A set of some of `values` (the series a reader switched off, say), written as a comma list in
 * their order; empty by default, and left out of the URL then.
 */
export function setParam<T extends string>(values: readonly T[]): Param<readonly T[]> {
  const none: readonly T[] = [];
  const tidy = (v: readonly T[]): readonly T[] => {
    const kept = values.filter((x) => v.includes(x));
    return kept.length === 0 ? none : kept;
  };
  return {
    default: none,
    parse(raw) {
      if (raw.length > MAX_RAW_LENGTH * 4) return undefined;
      if (raw === '') return none;
      const parts = raw.split(',');
      if (!parts.every((p) => (values as readonly string[]).includes(p))) return undefined;
      if (new Set(parts).size !== parts.length) return undefined;
      return tidy(parts as T[]);
    },
    format: (v) => tidy(v).join(','),
    clamp: tidy,
    control: { kind: 'text' },
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

/** `param` opening on `value`, the same object each time for the same pair (a store requires one parameter per key). */
const reopened = new WeakMap<Param<unknown>, Map<string, Param<unknown>>>();
export function withDefault<T>(param: Param<T>, value: T): Param<T> {
  const text = param.format(value);
  if (text === param.format(param.default)) return param;
  let byValue = reopened.get(param as Param<unknown>);
  if (!byValue) reopened.set(param as Param<unknown>, (byValue = new Map()));
  let out = byValue.get(text) as Param<T> | undefined;
  if (!out) byValue.set(text, (out = { ...param, default: value }) as Param<unknown>);
  return out;
}

/**
 * `schema` with the defaults `openings` gives (as the URL writes them: `{ target: 'biased' }`);
 * a key the schema lacks is ignored, a value its parameter refuses throws.
 */
export function reopen<S>(schema: Schema<S>, openings: Readonly<Record<string, string>> | undefined): Schema<S> {
  if (!openings) return schema;
  const out = { ...schema };
  for (const [key, text] of Object.entries(openings)) {
    const param = out[key as keyof S] as Param<unknown> | undefined;
    if (!param) continue;
    const value = param.parse(text);
    if (value === undefined) throw new Error(`'${text}' is not a value of '${key}'`);
    (out as Record<string, Param<unknown>>)[key] = withDefault(param, value);
  }
  return out;
}

/** The parameters of `keys` only: what one figure reads of its chapter's schema. */
export function pick<S, K extends keyof S>(schema: Schema<S>, ...keys: K[]): Schema<Pick<S, K>> {
  const out = {} as Schema<Pick<S, K>>;
  for (const key of keys) out[key] = schema[key];
  return out;
}

/** The number parameter `key` of `schema`; throws (failing the build) when it is not one. */
export function numberControl(
  schema: Readonly<Record<string, Param<unknown>>>,
  key: string,
): Extract<ParamControl, { kind: 'number' }> & { default: number } {
  const param = schema[key];
  if (param?.control.kind !== 'number') throw new Error(`'${key}' is not a number parameter of this schema`);
  return { ...param.control, default: param.default as number };
}

/** The choices of the choice parameter `key` of `schema`; throws when it is not one. */
export function choiceControl(
  schema: Readonly<Record<string, Param<unknown>>>,
  key: string,
): { values: readonly string[]; default: string } {
  const param = schema[key];
  if (param?.control.kind !== 'choice') throw new Error(`'${key}' is not a choice parameter of this schema`);
  return { values: param.control.values, default: param.default as string };
}
