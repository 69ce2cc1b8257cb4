import { describe, expect, it } from 'vitest';
import { ch5, dsntInput } from '../../../src/components/state/ch5.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch5', ch5);

describe('dsntInput(state)', () => {
  it('gives the library the two bumps, β, the target and σt', () => {
    const s = defaultsOf(ch5);
    expect(dsntInput({ ...s, x2: 12.5, a2: 3 })).toEqual({
      peaks: [
        { x: s.x1, y: s.y1, amplitude: s.a1 },
        { x: 12.5, y: s.y2, amplitude: 3 },
      ],
      beta: s.beta,
      target: { x: s.tx, y: s.ty },
      sigmaT: s.sigmaT,
    });
  });
});
