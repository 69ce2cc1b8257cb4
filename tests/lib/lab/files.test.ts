/** Which reader a Lab file goes to, and what the page is told of it. */
import { zipSync } from 'fflate';
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
        { name: 'a', bytes: expect.any(Number), shape: [3, 16, 12], dtype: '<f4' },
        { name: 'b', bytes: expect.any(Number), shape: [3, 16, 12], dtype: '<f4' },
      ],
    });
    const chosen = readHeatmapFiles([file('two.npz', archive)], { layout: 'auto', array: 'b' });
    expect('source' in chosen && chosen.source).toBe('two.npz:b');
  });

  it("an archive of MMPose's preds [N, K, 3] and boxes [N, 4] is not guessed to be SimCC: the reader sees the shapes (issue 27 item 9)", () => {
    const archive = writeNpz({
      preds: { data: new Float32Array(50 * 17 * 3), shape: [50, 17, 3] },
      boxes: { data: new Float32Array(50 * 4), shape: [50, 4] },
    });
    const read = readLabInput([file('dump.npz', archive)], { layout: 'auto' });
    expect(read).toEqual({
      file: 'dump.npz',
      arrays: [
        { name: 'preds', bytes: expect.any(Number), shape: [50, 17, 3], dtype: '<f4' },
        { name: 'boxes', bytes: expect.any(Number), shape: [50, 4], dtype: '<f4' },
      ],
    });
    // Two arrays shaped as vectors are still read as a SimCC pair, with a note.
    const pair = writeNpz({
      out_x: { data: new Float32Array(2 * 17 * 384), shape: [2, 17, 384] },
      out_y: { data: new Float32Array(2 * 17 * 512), shape: [2, 17, 512] },
    });
    const simcc = readLabInput([file('rtm.npz', pair)], { layout: 'auto' });
    expect('kind' in simcc && simcc.kind).toBe('simcc');
    expect('kind' in simcc && simcc.kind === 'simcc' && simcc.simcc.note).toMatch(/read out_x as the x vectors/);
  });

  it('an archive with a string array lists it as unreadable and keeps the others (issue 27 item 9)', () => {
    const names = ['nose', 'eye'];
    const header = "{'descr': '<U4', 'fortran_order': False, 'shape': (2,), }";
    const pad = 64 - ((10 + header.length + 1) % 64);
    const text = `${header}${' '.repeat(pad % 64)}\n`;
    const npy = new Uint8Array(10 + text.length + 2 * 4 * 4);
    npy.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length & 0xff, text.length >> 8]);
    npy.set(new TextEncoder().encode(text), 10);
    const view = new DataView(npy.buffer);
    names.forEach((n, i) =>
      [...n].forEach((c, j) => view.setUint32(10 + text.length + (4 * i + j) * 4, c.codePointAt(0)!, true)),
    );
    const maps = writeNpy(new Float32Array(2 * 17 * 64 * 48), [2, 17, 64, 48]);
    const archive = zipSync({ 'names.npy': npy, 'heatmaps.npy': maps });
    const read = readLabInput([file('mixed.npz', archive)], { layout: 'auto' });
    expect('arrays' in read && read.arrays.map((a) => [a.name, a.problem ?? a.shape?.join('×')])).toEqual([
      ['names', expect.stringMatching(/dtype|<U4/)],
      ['heatmaps', '2×17×64×48'],
    ]);
    const chosen = readLabInput([file('mixed.npz', archive)], { layout: 'auto', array: 'heatmaps' });
    expect('kind' in chosen && chosen.kind).toBe('heatmaps');
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
