import { describe, expect, it } from 'vitest';
import { ch3 } from '../../../src/components/state/ch3.ts';
import { readState } from '../../../src/components/ui/params.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch3', ch3);

describe('ch3', () => {
  it("keeps the keypoint's offset off its cell's edge", () => {
    const { state, rejected } = readState(ch3, 'ch3', new URLSearchParams('ch3.u=0.5&ch3.v=-0.49'));
    expect(rejected).toEqual(['u']);
    expect(state.v).toBe(-0.49);
  });
});
