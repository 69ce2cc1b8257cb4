/**
 * Actions that several figures share (a spec's `actions`, pressed through `data-action`): a new
 * seed, and a button's `data-value` as a number.
 *
 * ```ts
 * actions: { reseed: reseed('seed'), joint: choose('joint') },
 * // <button data-action="reseed">New noise</button>   <button data-action="joint" data-value="3">
 * ```
 */

/** The highest seed a chapter's seed parameters take (they run from 1). */
export const MAX_SEED = 9999;

/**
 * Moves the number at `key` to the next seed, from {@link MAX_SEED} back to 1, so that pressing
 * "New scene" again and again walks every seed the URL takes.
 */
export function reseed<K extends string>(key: K): (state: Readonly<Record<K, number>>) => Record<K, number> {
  return (state) => ({ [key]: (state[key] % MAX_SEED) + 1 }) as Record<K, number>;
}

/**
 * Sets `key` to the pressed button's `data-value`, a whole number (a tile's joint, a gallery's
 * sample, a step); asks for nothing when the value is not one. The store clamps it to the range.
 */
export function choose<K extends string>(
  key: K,
): (state: unknown, value: string | undefined) => Partial<Record<K, number>> {
  return (_state, value) => (/^\d+$/.test(value ?? '') ? ({ [key]: Number(value) } as Record<K, number>) : {});
}

/**
 * Sets `key` to the pressed button's `data-value`, or back to `none` when it holds that value
 * already: a legend key that shows its series alone, pressed again to show them all. The store
 * refuses a value its parameter does not take (a choice falls back to its default).
 */
export function toggle<K extends string, V extends string>(
  key: K,
  none: V,
): (state: Readonly<Record<K, V>>, value: string | undefined) => Partial<Record<K, V>> {
  // An unknown value reaches the store as is, where the parameter's clamp refuses it.
  return (state, value) =>
    value === undefined ? {} : ({ [key]: state[key] === value ? none : (value as V) } as Record<K, V>);
}

/**
 * Adds the pressed button's `data-value` to the set at `key`, or takes it out if it is in: a
 * legend key that switches its series off and on. The store drops values its parameter lacks.
 */
export function toggleIn<K extends string, V extends string>(
  key: K,
): (state: Readonly<Record<K, readonly V[]>>, value: string | undefined) => Partial<Record<K, readonly V[]>> {
  return (state, value) => {
    if (value === undefined) return {};
    const set = state[key];
    const next: readonly V[] = set.includes(value as V) ? set.filter((v) => v !== value) : [...set, value as V];
    const patch: Partial<Record<K, readonly V[]>> = {};
    patch[key] = next;
    return patch;
  };
}
