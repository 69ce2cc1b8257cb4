/**
 * Looking up a computed prose value by name and printing it as `<Num>` does. Values are
 * computed on first use and kept for the build; an unknown name, or a unit the sentence
 * expects but the value does not have, throws, so a typo fails the build.
 */
import { formatProseValue, PROSE_UNITS, type ProseUnit, type ProseValue } from './format.ts';
import { PROSE_VALUES, type ProseEntry, type ProseName } from './values.ts';

const computed = new Map<string, ProseValue>();

/** Whether `name` names a computed prose value. */
export function isProseName(name: string): name is ProseName {
  return Object.hasOwn(PROSE_VALUES, name);
}

/** Edit distance between two names (for suggestions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** The entry of a named value; throws on an unknown name, suggesting the nearest. */
export function proseEntry(name: string): ProseEntry {
  if (isProseName(name)) return PROSE_VALUES[name];
  const near = Object.keys(PROSE_VALUES)
    .map((n) => ({ n, d: distance(name, n) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.n);
  throw new Error(`no computed prose value "${name}" in src/lib/prose/values.ts; nearest: ${near.join(', ')}`);
}

/** The value of a named prose number, computed once per build. */
export function proseValue(name: string): ProseValue {
  const entry = proseEntry(name);
  if (!computed.has(name)) computed.set(name, entry.value());
  return computed.get(name) as ProseValue;
}

/** What a sentence may say about a computed number: its decimals, the unit it expects, whether to print the unit. */
export interface NumOptions {
  digits?: number;
  /** The unit the sentence expects; it must be the value's (a check, not a conversion). */
  unit?: string;
  /** Leave the unit out. */
  bare?: boolean;
}

/** The text `<Num of={name} … />` shows; throws on an unknown name or a unit that is not the value's. */
export function renderProse(name: string, { digits, unit, bare = false }: NumOptions = {}): string {
  const entry = proseEntry(name);
  if (unit !== undefined) {
    if (!(PROSE_UNITS as readonly string[]).includes(unit))
      throw new Error(`<Num of="${name}">: unknown unit "${unit}"`);
    if (unit !== entry.unit)
      throw new Error(`<Num of="${name}" unit="${unit}">: the value is in "${entry.unit}", not "${unit}"`);
  }
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 6))
    throw new Error(`<Num of="${name}">: digits must be a whole number from 0 to 6`);
  return formatProseValue(proseValue(name), {
    digits: digits ?? entry.digits,
    unit: entry.unit as ProseUnit,
    bare,
    ...(entry.signed ? { signed: true } : {}),
  });
}
