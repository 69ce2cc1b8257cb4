/** The channels-last rule of src/lib/lab/layout.ts, case by case, and through the readers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelsLastToFirst,
  LabInputError,
  readHeatmapLayout,
  stackFromJson,
  stackFromNpy,
  writeNpy,
  type LayoutReading,
} from '../../../src/lib/index.ts';

const reading = (shape: number[]) => readHeatmapLayout(shape) as LayoutReading & { refused?: string };
const dims = (r: LayoutReading) => [r.layout, r.n, r.k, r.h, r.w];

describe('readHeatmapLayout(shape): the rule', () => {
  it('reads typical channels-first shapes as they are, without a note', () => {
    expect(dims(reading([17, 64, 48]))).toEqual(['channelsFirst', 1, 17, 64, 48]);
    expect(dims(reading([4, 17, 64, 48]))).toEqual(['channelsFirst', 4, 17, 64, 48]);
    // 17 × 16 is not exactly square, so [17, 16, 12] is not 12 maps of 17 × 16.
    expect(dims(reading([17, 16, 12]))).toEqual(['channelsFirst', 1, 17, 16, 12]);
    expect(dims(reading([6, 48, 48]))).toEqual(['channelsFirst', 1, 6, 48, 48]);
    expect(reading([17, 64, 48]).note).toBeUndefined();
  });

  it('reads channels-last shapes (TensorFlow, BlazePose, MoveNet) as such, with a note', () => {
    expect(dims(reading([64, 48, 17]))).toEqual(['channelsLast', 1, 17, 64, 48]);
    expect(dims(reading([1, 64, 64, 39]))).toEqual(['channelsLast', 1, 39, 64, 64]);
    expect(dims(reading([1, 48, 48, 17]))).toEqual(['channelsLast', 1, 17, 48, 48]);
    expect(reading([64, 48, 17]).note).toMatch(/channels last \[H, W, K\] = \[64, 48, 17\] \(17 maps of 64 × 48\)/);
  });

  it('refuses shapes that read as heatmaps both ways, naming both and the fix', () => {
    for (const shape of [
      [64, 64, 64],
      [48, 64, 48],
      [2, 3, 4, 5],
    ]) {
      expect(reading(shape).refused, shape.join()).toMatch(
        /could be .* \(channels first\) or .* \(channels last\); choose the layout/,
      );
    }
  });

  it('refuses shapes that read as heatmaps neither way (SimCC vectors, 2-D arrays)', () => {
    expect(reading([1, 17, 384]).refused).toMatch(/does not read as heatmaps either way.*simcc_x and simcc_y/);
    expect(reading([17, 384]).refused).toMatch(/has 2 dimensions/);
  });

  it('takes the plausible reading when neither is typical: maps no more than twice as long as wide', () => {
    expect(dims(reading([17, 50, 70]))).toEqual(['channelsFirst', 1, 17, 50, 70]);
    expect(dims(reading([50, 70, 17]))).toEqual(['channelsLast', 1, 17, 50, 70]);
    expect(dims(reading([1, 3, 3]))).toEqual(['channelsFirst', 1, 1, 3, 3]);
  });

  it('obeys an explicit choice', () => {
    expect(dims(readHeatmapLayout([64, 64, 64], 'channelsLast') as LayoutReading)).toEqual([
      'channelsLast',
      1,
      64,
      64,
      64,
    ]);
    expect(dims(readHeatmapLayout([64, 48, 17], 'channelsFirst') as LayoutReading)).toEqual([
      'channelsFirst',
      1,
      64,
      48,
      17,
    ]);
  });

  it('never takes one reading when both look like pose heatmaps, and agrees with the forced reading (property)', () => {
    const typical = (h: number, w: number) => h >= 8 && w >= 8 && (h === w || 3 * h === 4 * w || 4 * h === 3 * w);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(3, 8, 12, 16, 17, 24, 32, 39, 48, 64, 72, 96), { minLength: 3, maxLength: 4 }),
        (shape) => {
          const r = readHeatmapLayout(shape);
          const [a, b, c] = shape.slice(-3) as [number, number, number];
          if (typical(b, c) && typical(a, b)) return 'refused' in r;
          if ('refused' in r) return true;
          const forced = readHeatmapLayout(shape, r.layout) as LayoutReading;
          return dims(forced).join() === dims(r).join();
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('channels last through the readers', () => {
  // [H, W, K] = [16, 12, 3]: value (y, x, k) = 1000k + 100y + x... kept small: k·1000 + y·12 + x.
  const h = 16;
  const w = 12;
  const k = 3;
  const hwk = Float32Array.from({ length: h * w * k }, (_, i) => {
    const m = i % k;
    const cell = Math.floor(i / k);
    return m * 1000 + cell;
  });

  it('transposes [H, W, K] to [K, H, W]: map m holds its cells in row-major order', () => {
    const out = channelsLastToFirst(hwk, 1, h, w, k);
    for (let m = 0; m < k; m++) for (let c = 0; c < h * w; c++) expect(out[m * h * w + c]).toBe(m * 1000 + c);
  });

  it('stackFromNpy reads a [16, 12, 3] file as 3 maps of 16 × 12, transposed, with the note', () => {
    const stack = stackFromNpy(writeNpy(hwk, [h, w, k]), 'tf.npy');
    expect([stack.n, stack.k, stack.h, stack.w]).toEqual([1, 3, 16, 12]);
    expect(stack.data[2 * h * w + 5]).toBe(2005);
    expect(stack.note).toMatch(/channels last/);
  });

  it('stackFromJson applies the same rule to nested arrays', () => {
    const nested = Array.from({ length: h }, (_, y) =>
      Array.from({ length: w }, (_, x) => Array.from({ length: k }, (_, m) => m * 1000 + y * w + x)),
    );
    const stack = stackFromJson(JSON.stringify(nested), 'tf.json');
    expect([stack.k, stack.h, stack.w]).toEqual([3, 16, 12]);
    expect(stack.data[1 * h * w + 13]).toBe(1013);
  });

  it('refuses an ambiguous file with a LabInputError naming the file', () => {
    expect(() => stackFromNpy(writeNpy(new Float32Array(8 * 8 * 8), [8, 8, 8]), 'cube.npy')).toThrow(LabInputError);
    expect(() => stackFromNpy(writeNpy(new Float32Array(8 * 8 * 8), [8, 8, 8]), 'cube.npy')).toThrow(
      /^cube\.npy: shape \(8, 8, 8\) could be/,
    );
  });
});
