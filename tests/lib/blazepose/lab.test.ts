/** BlazePose's results as a Decoder Lab stack. */
import { describe, expect, it } from 'vitest';
import { blazePoseLabStack, BLAZEPOSE_KEYPOINT_NAMES } from '../../../src/lib/index.ts';
import { syntheticResult } from './synthetic.ts';

describe('blazePoseLabStack', () => {
  const a = syntheticResult(
    [
      { x: 10, y: 20 },
      { x: 30, y: 40 },
    ],
    [
      { x: 40, y: 80 },
      { x: 120, y: 160 },
    ],
  );
  const b = syntheticResult(
    [
      { x: 11, y: 21 },
      { x: 31, y: 41 },
    ],
    [
      { x: 44, y: 84 },
      { x: 124, y: 164 },
    ],
  );

  it('stacks the sigmoid maps of each run as sample n, in the Lab’s [N, K, H, W] order, with stride 4', () => {
    const { stack, names, stride, regressed } = blazePoseLabStack([a, b], 'BlazePose lite on the bundled photo');
    expect([stack.n, stack.k, stack.h, stack.w]).toEqual([2, 2, 64, 64]);
    expect(stack.data.subarray(0, 2 * 64 * 64)).toEqual(a.heatmaps.data);
    expect(stack.data.subarray(2 * 64 * 64)).toEqual(b.heatmaps.data);
    expect(stack.source).toBe('BlazePose lite on the bundled photo');
    expect(names).toBe(BLAZEPOSE_KEYPOINT_NAMES);
    expect(stride).toBe(4);
    expect(regressed).toEqual([
      { x: 40, y: 80 },
      { x: 120, y: 160 },
      { x: 44, y: 84 },
      { x: 124, y: 164 },
    ]);
  });

  it('refuses no results and results of different shapes', () => {
    expect(() => blazePoseLabStack([], 'none')).toThrow(RangeError);
    const one = syntheticResult([{ x: 10, y: 20 }], [{ x: 40, y: 80 }]);
    expect(() => blazePoseLabStack([a, one], 'mixed')).toThrow(RangeError);
  });
});
