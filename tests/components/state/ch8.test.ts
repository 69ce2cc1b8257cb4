import { describe, expect, it } from 'vitest';
import { ch8, GALLERY, SIZES } from '../../../src/components/state/ch8.ts';
import { HEADS } from '../../../src/lib/tf/names.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch8', ch8);

describe('ch8', () => {
  it("offers every head, the shipped models' sizes, and one selection per gallery sample", () => {
    expect(ch8.head.control).toEqual({ kind: 'choice', values: HEADS });
    expect(ch8.size.control).toEqual({ kind: 'choice', values: SIZES.map(String) });
    expect(ch8.sample.control).toMatchObject({ min: 0, max: GALLERY - 1 });
  });
});
