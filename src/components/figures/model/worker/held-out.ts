/**
 * The seeded sample sets chapter 8's worker evaluates on (the live evaluation's held-out samples,
 * the gallery's), each made once and kept for the worker's life: the same samples at every step.
 */
import { heldOut, type Batch } from '../../../../lib/index.ts';

const sets = new Map<string, Batch>();

/** `heldOut(size, n, seed)`, made on first use. */
export function heldOutSet(size: number, n: number, seed?: number): Batch {
  const key = `${size}-${n}-${seed}`;
  let set = sets.get(key);
  if (!set) {
    set = heldOut(size, n, seed);
    sets.set(key, set);
  }
  return set;
}
