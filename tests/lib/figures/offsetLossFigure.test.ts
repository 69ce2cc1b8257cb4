import { describe, expect, it } from 'vitest';
import { buildOffsetLoss, smoothL1 } from '../../../src/lib/index.ts';

describe('buildOffsetLoss(small, large, error)', () => {
  it('divides the same smooth-L1 loss by each person’s diagonal', () => {
    const d = buildOffsetLoss({ small: 32, large: 256, error: 5 });
    expect(d.small.plain).toBeCloseTo(smoothL1(5), 12);
    expect(d.large.plain).toBeCloseTo(smoothL1(5), 12);
    expect(d.small.loss).toBeCloseTo(smoothL1(5) / d.small.diagonal, 12);
    // Boxes scale with height, so the ratio of losses is the ratio of heights.
    expect(d.ratio).toBeCloseTo(256 / 32, 9);
    expect(d.small.relative).toBeCloseTo(5 / 32, 12);
  });

  it('the curve falls as 1/height', () => {
    const d = buildOffsetLoss({ small: 32, large: 256, error: 3, curveSteps: 10 });
    for (let i = 1; i < d.curve.length; i++) {
      const a = d.curve[i - 1]!;
      const b = d.curve[i]!;
      expect(b.loss).toBeLessThan(a.loss);
      expect(a.loss * a.height).toBeCloseTo(b.loss * b.height, 9);
    }
  });
});
