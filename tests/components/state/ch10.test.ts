import { describe, expect, it } from 'vitest';
import { ch10, FLIP_SHIFT_VALUES, flipShiftOf } from '../../../src/components/state/ch10.ts';
import { FLIP_SETTING, UDP_FIGURE } from '../../../src/lib/index.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch10', ch10);

describe('ch10', () => {
  it("keeps figure 10.1's keypoint on its crop and figure 10.2's in the flip test's box", () => {
    expect(ch10.x.control).toMatchObject({ min: 0, max: UDP_FIGURE.inputW - 1 });
    expect(ch10.y.control).toMatchObject({ min: 0, max: UDP_FIGURE.inputH - 1 });
    const box = FLIP_SETTING.keypoint;
    expect(ch10.fx.control).toMatchObject({ min: box.minX, max: box.maxX });
    expect(ch10.fy.control).toMatchObject({ min: box.minY, max: box.maxY });
  });
});

describe('flipShiftOf(state)', () => {
  it("reads each shift's URL value as the library's number", () => {
    expect(FLIP_SHIFT_VALUES.map((shift) => flipShiftOf({ shift }))).toEqual([0, 1, 2]);
  });
});
