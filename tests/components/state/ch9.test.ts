import { describe, expect, it } from 'vitest';
import { ch9, CROP_SIDE, DEFAULT_CROP } from '../../../src/components/state/ch9.ts';
import {
  ASTRONAUT_DEFAULT_CROP,
  ASTRONAUT_SIZE,
  BLAZEPOSE_KEYPOINT_COUNT,
  cropFromFraction,
  fractionFromCrop,
} from '../../../src/lib/index.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch9', ch9);

describe('ch9', () => {
  it("starts on the bundled photo's default crop, as fractions of its longer side", () => {
    expect(DEFAULT_CROP).toEqual(fractionFromCrop(ASTRONAUT_DEFAULT_CROP, ASTRONAUT_SIZE.width, ASTRONAUT_SIZE.height));
    expect({ cx: ch9.cx.default, cy: ch9.cy.default, side: ch9.side.default }).toEqual(DEFAULT_CROP);
    const back = cropFromFraction(DEFAULT_CROP, ASTRONAUT_SIZE.width, ASTRONAUT_SIZE.height);
    for (const key of ['x', 'y', 'size'] as const) expect(back[key]).toBeCloseTo(ASTRONAUT_DEFAULT_CROP[key], 9);
  });

  it("follows one of the model's keypoints, and crops within the side's limits", () => {
    expect(ch9.joint.control).toMatchObject({ min: 0, max: BLAZEPOSE_KEYPOINT_COUNT - 1 });
    expect(ch9.side.control).toMatchObject({ min: CROP_SIDE.min, max: CROP_SIDE.max });
  });
});
