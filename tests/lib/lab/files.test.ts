/** Which reader a Lab file goes to, and what the page is told of it. */
import { describe, expect, it } from 'vitest';
import {
  heatmapInput,
  inputSummary,
  readHeatmapFiles,
  readLabInput,
  writeNpy,
  writeNpz,
  xyOrder,
  type LabFile,
  type LabStack,
} from '../../../src/lib/index.ts';

const file = (name: string, data: Uint8Array | string): LabFile => ({
  name,
  bytes: (typeof data === 'string' ? new TextEncoder().encode(data) : data).slice().buffer,
});
const maps = writeNpy(new Float32Array(2 * 3 * 16 * 12), [2, 3, 16, 12]);

describe('xyOrder(a, b)', () => {
  it('tells x from y by a name ending in x or y, else takes them in name order and says so', () => {
    const [x, y] = [file('out_x.npy', ''), file('out_y.npy', '')];
    expect(xyOrder(y, x)).toEqual({ x, y });
    const [a, b] = [file('a10.npy', ''), file('a9.npy', '')];
    const ordered = xyOrder(a, b);
    expect([ordered.x.name, ordered.y.name]).toEqual(['a9.npy', 'a10.npy']);
    expect(ordered.note).toMatch(/^read a9\.npy as the x vectors and a10\.npy as the y vectors \(file-name order/);
  });
});

describe('readLabInput(files, options) and readHeatmapFiles(files, options)', () => {
  it('one .npy is a stack of heatmaps, summarised for the page', () => {
    const input = readLabInput([file('maps.npy', maps)], { layout: 'auto' });
    expect('kind' in input && inputSummary(input)).toEqual({
      kind: 'heatmaps',
      source: 'maps.npy',
      n: 2,
      k: 3,
      h: 16,
      w: 12,
    });
  });

  it('an archive of several arrays asks which, until one is named', () => {
    const archive = writeNpz({
      a: { data: new Float32Array(576), shape: [3, 16, 12] },
      b: { data: new Float32Array(576), shape: [3, 16, 12] },
    });
    const choice = readHeatmapFiles([file('two.npz', archive)], { layout: 'auto' });
    expect(choice).toEqual({
      file: 'two.npz',
      arrays: [
        { name: 'a', bytes: expect.any(Number) },
        { name: 'b', bytes: expect.any(Number) },
      ],
    });
    const chosen = readHeatmapFiles([file('two.npz', archive)], { layout: 'auto', array: 'b' });
    expect('source' in chosen && chosen.source).toBe('two.npz:b');
  });

  it('refuses what it cannot read as heatmaps with a sentence that says what to choose', () => {
    expect(() => readHeatmapFiles([], { layout: 'auto' })).toThrow(/^0 files: choose one heatmap file/);
    expect(() =>
      readLabInput([file('a.txt', 'x'), file('b.json', '[]'), file('c.npy', maps)], { layout: 'auto' }),
    ).toThrow(/^3 files: choose one \.npy, \.npz or \.json file of heatmaps, two \.npy files of SimCC vectors/);
  });
});

describe('heatmapInput(stack, names)', () => {
  const stack: LabStack = { n: 1, k: 2, h: 1, w: 2, data: Float32Array.from([1, Number.NaN, 0, 0]), source: 'model' };
  it('counts the stack’s non-finite cells and keeps the names of its keypoints', () => {
    const input = heatmapInput(stack, ['left', 'right']);
    expect(input.kind === 'heatmaps' && [input.report.badCells, input.names]).toEqual([
      [1, 0],
      ['left', 'right'],
    ]);
  });
  it('refuses names that do not fit its keypoints', () => {
    expect(() => heatmapInput(stack, ['one'])).toThrow('model: 1 keypoint names for 2 maps per sample');
  });
});
