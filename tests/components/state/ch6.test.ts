import { describe, expect, it } from 'vitest';
import { ch6, LABEL_NAMES } from '../../../src/components/state/ch6.ts';
import { CROP_BOUNDS } from '../../../src/components/state/keypoint.ts';
import { describeSchema } from './schema.ts';

describeSchema('ch6', ch6);

describe('ch6', () => {
  it('keeps its keypoint on the crop, as the other chapters do', () => {
    expect(ch6.x.control).toMatchObject({ min: CROP_BOUNDS.minX, max: CROP_BOUNDS.maxX });
    expect(ch6.y.control).toMatchObject({ min: CROP_BOUNDS.minY, max: CROP_BOUNDS.maxY });
  });

  it('names each label kind it offers', () => {
    const kinds = ch6.label.control.kind === 'choice' ? ch6.label.control.values : [];
    expect(Object.keys(LABEL_NAMES).sort()).toEqual([...kinds].sort());
  });
});
