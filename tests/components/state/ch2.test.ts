import { describe, expect, it } from 'vitest';
import { ch2 } from '../../../src/components/state/ch2.ts';
import { keypointSchema } from '../../../src/components/state/keypoint.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch2', ch2);

describe('ch2', () => {
  it("is the shared keypoint's state, parameter for parameter", () => {
    expect(Object.keys(ch2)).toEqual(Object.keys(keypointSchema));
    for (const [key, param] of Object.entries(keypointSchema)) expect(ch2[key as keyof typeof ch2]).toBe(param);
  });
});
