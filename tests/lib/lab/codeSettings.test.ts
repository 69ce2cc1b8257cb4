/** What copy as code reproduces of a Lab run on the loaded files. */
import { describe, expect, it } from 'vitest';
import { COCO17_FLIP_PAIRS, flipIndicesFromPairs, labCodeSettings } from '../../../src/lib/index.ts';
import { RUN } from './lab-run.ts';

const run = {
  ...RUN,
  decoders: [...RUN.decoders],
  pairs: COCO17_FLIP_PAIRS.map(([a, b]) => [a, b] as [number, number]),
};

describe('labCodeSettings(run, context)', () => {
  it('heatmaps: the run’s decoders, the input size, the file the script can read, and the flip test when it fits', () => {
    const input = { kind: 'heatmaps' as const, source: 'maps.npy', k: 17, w: 48, h: 64 };
    expect(labCodeSettings(run, { input, flipped: 'flip.npy' })).toEqual({
      input: 'heatmaps',
      convention: 'reference',
      decoders: ['argmax', 'dark'],
      kernel: 11,
      beta: 20,
      mapping: 'stride',
      stride: 4,
      heatmapW: 48,
      heatmapH: 64,
      splitRatio: 2,
      sigma: [6, 6],
      flip: { file: 'flip.npy', flipIndices: flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17), shift: 1 },
      file: 'maps.npy',
    });
    // Pairs that do not fit five keypoints, a flip test turned off, no flipped file: no flip test.
    expect(labCodeSettings(run, { input: { ...input, k: 5 }, flipped: 'flip.npy' }).flip).toBeNull();
    expect(labCodeSettings({ ...run, flip: 'off' }, { input, flipped: 'flip.npy' }).flip).toBeNull();
    expect(labCodeSettings(run, { input }).flip).toBeNull();
    // An archive member or a JSON file is not what the script reads.
    expect(labCodeSettings(run, { input: { ...input, source: 'maps.npz:heatmaps' } }).file).toBeUndefined();
  });

  it('SimCC: the SimCC decoders, input size = bins / k, stride 1, no flip test', () => {
    const simcc = labCodeSettings(run, {
      input: { kind: 'simcc', source: 'rtm.npz', k: 17, w: 384, h: 512 },
      flipped: 'flip.npy',
    });
    expect(simcc).toMatchObject({
      input: 'simcc',
      decoders: ['simccArgmax'],
      file: 'rtm.npz',
      stride: 1,
      heatmapW: 384 / 2,
      heatmapH: 512 / 2,
      flip: null,
    });
  });

  it('nothing loaded: heatmaps of no known size, read from heatmaps.npy', () => {
    const none = labCodeSettings(run);
    expect(none.input).toBe('heatmaps');
    expect(none.heatmapW).toBeUndefined();
    expect(none.file).toBeUndefined();
  });
});

describe('labCodeSettings: what the Lab detected (issue 27 item 4)', () => {
  it('a channels-last stack is read channels last by the code; a SimCC pair of .npy files is read from both', () => {
    const last = {
      kind: 'heatmaps' as const,
      source: 'maps.npy',
      k: 17,
      w: 48,
      h: 64,
      layout: 'channelsLast' as const,
    };
    expect(labCodeSettings(run, { input: last }).layout).toBe('channelsLast');
    expect(labCodeSettings(run, { input: { ...last, layout: undefined } }).layout).toBeUndefined();
    const files = { x: 'a_x.npy', y: 'a_y.npy' };
    const pair = { kind: 'simcc' as const, source: 'a_x.npy + a_y.npy', k: 17, w: 384, h: 512, files };
    const settings = labCodeSettings(run, { input: pair });
    expect(settings.simccFiles).toEqual(files);
    expect(settings.file).toBeUndefined();
  });
});
