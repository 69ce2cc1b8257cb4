/** The worker's seeded sample sets: made once, and the library's held-out samples. */
import { describe, expect, it } from 'vitest';
import { heldOutSet } from '../../../../../src/components/figures/model/worker/held-out.ts';
import { HELD_OUT, heldOut } from '../../../../../src/lib/index.ts';

describe('heldOutSet', () => {
  it('is heldOut(size, n, seed), seeded by HELD_OUT.seed by default', () => {
    expect(heldOutSet(64, 3)).toEqual(heldOut(64, 3, HELD_OUT.seed));
    expect(heldOutSet(64, 3, 7)).toEqual(heldOut(64, 3, 7));
    expect(heldOutSet(64, 3, 7)).not.toEqual(heldOutSet(64, 3));
  });

  it('makes each set once: the same samples at every evaluation', () => {
    expect(heldOutSet(64, 2, 11)).toBe(heldOutSet(64, 2, 11));
    expect(heldOutSet(128, 2, 11)).not.toBe(heldOutSet(64, 2, 11));
  });
});
