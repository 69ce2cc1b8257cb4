import { describe, expect, it } from 'vitest';
import {
  BRANCH_JOINT,
  BRANCH_KEYS,
  BRANCH_PERSON,
  BRANCHES,
  branchJoint,
  ch7,
} from '../../../src/components/state/ch7.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { STICK_JOINTS } from '../../../src/lib/index.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch7', ch7);

describe('ch7', () => {
  it('names a joint of the stick figure for each branch', () => {
    expect(BRANCHES.map((b) => STICK_JOINTS[BRANCH_JOINT[b]])).toEqual([
      'nose',
      'left shoulder',
      'left knee',
      'left ankle',
    ]);
  });

  it("starts each branch's joint where the figure's person has it, to two decimals", () => {
    const s = defaultsOf(ch7);
    for (const b of BRANCHES) {
      const joint = BRANCH_PERSON.joints[BRANCH_JOINT[b]]!;
      expect(branchJoint(s, b).x).toBeCloseTo(joint.x, 2);
      expect(branchJoint(s, b).y).toBeCloseTo(joint.y, 2);
    }
  });
});

describe('branchJoint(state, branch)', () => {
  it("reads the branch's own keys", () => {
    const s = { ...defaultsOf(ch7), kx: 3.5, ky: 20.25 };
    expect(branchJoint(s, 'knee')).toEqual({ x: 3.5, y: 20.25 });
    expect(BRANCH_KEYS.knee).toEqual(['kx', 'ky']);
  });
});
