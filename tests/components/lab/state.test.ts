import { describe, expect, it } from 'vitest';
import { COCO17_FLIP_PAIRS, flipIndicesFromPairs } from '../../../src/lib/index.ts';
import {
  codeSettings,
  COCO17_PAIRS_TEXT,
  labSchema,
  normalizePairs,
  pairsOf,
  runKey,
  runOf,
} from '../../../src/components/lab/state.ts';
import { defaultsOf, readState, writeState } from '../../../src/components/ui/params.ts';

const defaults = defaultsOf(labSchema);

describe('Lab state', () => {
  it('defaults: the reference convention, stride mapping, COCO-17 flip pairs with MMPose’s one-cell shift', () => {
    expect(runOf(defaults)).toEqual({
      convention: 'reference',
      mapping: 'stride',
      decoders: ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax'],
      simccDecoders: ['simccArgmax', 'simccExpectation', 'simccDark'],
      kernel: 11,
      beta: 20,
      stride: 4,
      units: 'input',
      splitRatio: 2,
      sigma: [6, 6],
      flip: 1,
      pairs: COCO17_FLIP_PAIRS.map(([a, b]) => [a, b]),
    });
    expect(COCO17_PAIRS_TEXT).toBe('1-2,3-4,5-6,7-8,9-10,11-12,13-14,15-16');
  });

  it('flip pairs read as the reader types them, and are refused when they are not pairs', () => {
    expect(normalizePairs('(1, 2), (3, 4)')).toBe('1-2,3-4');
    expect(normalizePairs('[[1,2],[3,4]]')).toBe('1-2,3-4');
    expect(normalizePairs('1-2; 5-6')).toBe('1-2,5-6');
    expect(normalizePairs('')).toBe('');
    expect(normalizePairs('1-2, 3')).toBeUndefined();
    expect(normalizePairs('left-right')).toBeUndefined();
    expect(pairsOf('1-2,15-16')).toEqual([
      [1, 2],
      [15, 16],
    ]);
  });

  it('the URL carries the convention, mapping, new decoders, SimCC settings, flip and pairs, and refuses hostile values', () => {
    const state = { ...defaults, convention: 'mmpose' as const, mapping: 'udp' as const, darkUdp: true, megvii: true };
    const s = {
      ...state,
      split: 2.5,
      sigmaX: 4.9,
      sigmaY: 5.66,
      flip: '0' as const,
      pairs: '1-2,3-4',
      layout: 'channelsLast' as const,
    };
    const search = new URLSearchParams();
    writeState(labSchema, 'lab', s, search);
    expect(search.toString()).toBe(
      'lab.darkUdp=1&lab.megvii=1&lab.convention=mmpose&lab.mapping=udp&lab.split=2.5&lab.sigmaX=4.9&lab.sigmaY=5.66&lab.flip=0&lab.pairs=1-2%2C3-4&lab.layout=channelsLast',
    );
    expect(readState(labSchema, 'lab', search).state).toEqual(s);
    const hostile = new URLSearchParams('lab.convention=hrnet&lab.pairs=1-2,<script>&lab.flip=2&lab.split=1e9');
    const read = readState(labSchema, 'lab', hostile);
    expect(read.rejected.sort()).toEqual(['convention', 'flip', 'pairs', 'split']);
    expect(read.state).toEqual(defaults);
  });

  it('a decode depends on the settings of what is loaded, not on the selected map or the order', () => {
    const key = runKey(defaults, 'heatmaps');
    expect(runKey({ ...defaults, map: 5, sort: 'error', split: 3 }, 'heatmaps')).toBe(key);
    expect(runKey({ ...defaults, convention: 'mmpose' }, 'heatmaps')).not.toBe(key);
    expect(runKey({ ...defaults, kernel: '3' }, 'simcc')).toBe(runKey(defaults, 'simcc'));
    expect(runKey({ ...defaults, split: 3 }, 'simcc')).not.toBe(runKey(defaults, 'simcc'));
  });

  it('copy as code: the loaded kind’s decoders, the file when the script can read it, the flip test when it fits', () => {
    const input = { kind: 'heatmaps' as const, source: 'maps.npy', k: 17, w: 48, h: 64 };
    expect(codeSettings(defaults, { input, flipped: 'flip.npy' })).toEqual({
      input: 'heatmaps',
      convention: 'reference',
      decoders: ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax'],
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
    expect(codeSettings(defaults, { input: { ...input, k: 5 }, flipped: 'flip.npy' }).flip).toBeNull();
    expect(codeSettings(defaults, { input: { ...input, source: 'maps.npz:heatmaps' } }).file).toBeUndefined();
    const simcc = codeSettings(defaults, { input: { kind: 'simcc', source: 'rtm.npz', k: 17, w: 384, h: 512 } });
    expect(simcc).toMatchObject({
      input: 'simcc',
      decoders: ['simccArgmax', 'simccExpectation', 'simccDark'],
      file: 'rtm.npz',
      stride: 1,
      heatmapW: 192,
      heatmapH: 256,
      flip: null,
    });
  });
});
