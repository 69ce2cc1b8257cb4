import { describe, expect, it } from 'vitest';
import { COCO17_FLIP_PAIRS } from '../../../src/lib/index.ts';
import { COCO17_PAIRS_TEXT, normalizePairs, pairsOf } from '../../../src/components/lab/list-params.ts';
import { labSchema, runOf, RUN_KEYS } from '../../../src/components/lab/state.ts';
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
      sigmas: [],
      names: [],
      bboxScoreThr: 0,
    });
    expect(COCO17_PAIRS_TEXT).toBe('1-2,3-4,5-6,7-8,9-10,11-12,13-14,15-16');
  });

  it("the flip shift follows MMPose's configs for the mapping by default: 1 cell under the stride mapping, 0 under UDP", () => {
    expect(defaults.flip).toBe('auto');
    expect(runOf({ ...defaults, mapping: 'udp' }).flip).toBe(0);
    expect(runOf({ ...defaults, mapping: 'udp', flip: '1' }).flip).toBe(1);
    expect(runOf({ ...defaults, flip: '0' }).flip).toBe(0);
    expect(runOf({ ...defaults, flip: 'off' }).flip).toBe('off');
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

  it('the run reads every key that says how to decode, and no other', () => {
    const moved = { ...defaults, map: 9, sort: 'error' as const, layout: 'channelsLast' as const };
    expect(runOf(moved)).toEqual(runOf(defaults));
    for (const key of RUN_KEYS) {
      const param = labSchema[key];
      const other =
        param.control.kind === 'boolean'
          ? !defaults[key]
          : param.control.kind === 'number'
            ? 3
            : key === 'pairs'
              ? '1-2'
              : key === 'sigmas'
                ? '0.1'
                : key === 'names'
                  ? 'nose'
                  : param.control.kind === 'choice'
                    ? param.control.values.find((v) => v !== defaults[key])
                    : undefined;
      expect(runOf({ ...defaults, [key]: other }), key).not.toEqual(runOf(defaults));
    }
  });
});
