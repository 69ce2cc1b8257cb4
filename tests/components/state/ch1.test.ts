import { describe, expect, it } from 'vitest';
import { ch1 } from '../../../src/components/state/ch1.ts';
import { keypointSchema } from '../../../src/components/state/keypoint.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch1', ch1);

describe('ch1', () => {
  it("is the shared keypoint's state, parameter for parameter", () => {
    expect(Object.keys(ch1)).toEqual(Object.keys(keypointSchema));
    for (const [key, param] of Object.entries(keypointSchema)) expect(ch1[key as keyof typeof ch1]).toBe(param);
  });
});
