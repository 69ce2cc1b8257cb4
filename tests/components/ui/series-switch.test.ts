/**
 * A legend key hides its series by CSS (figures 9.2–9.4 in blazepose.css, the Lab's score chart in
 * lab.css): each stylesheet must have a rule for every series its state can switch off, or a key
 * would press and hide nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labSchema } from '../../../src/components/lab/state.ts';
import { HEATMAP_DECODER_IDS, SIMCC_DECODER_IDS } from '../../../src/lib/index.ts';
import { CH9_SERIES, ch9 } from '../../../src/components/state/ch9.ts';

/** The series a stylesheet hides under `[data-off~='<id>']`. */
function hidden(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/\[data-off~='([\w-]+)'\]/g)].map((m) => m[1]!);
}

/** Every value a set parameter takes: read back from the URL form of all of them. */
const valuesOf = (param: { parse(raw: string): readonly string[] | undefined }, all: readonly string[]) =>
  param.parse(all.join(',')) ?? [];

describe('every series a legend can switch off has a rule that hides it', () => {
  it('chapter 9 (blazepose.css)', () => {
    expect(new Set(hidden('src/components/figures/blazepose/blazepose.css'))).toEqual(
      new Set(valuesOf(ch9.off, CH9_SERIES)),
    );
  });

  it('the Lab (lab.css)', () => {
    const ids = [...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS];
    expect(valuesOf(labSchema.off, ids)).toEqual(ids);
    expect(new Set(hidden('src/components/lab/lab.css'))).toEqual(new Set(ids));
  });
});
