/** The Lab's .npz heatmap input and its per-map count of NaN or infinite cells. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LabInputError,
  npzEntriesForLab,
  scanNonFinite,
  stackFromNpz,
  writeNpz,
  type LabStack,
} from '../../../src/lib/index.ts';
import { refusal } from './refusal.ts';

const maps = Float32Array.from({ length: 2 * 16 * 12 }, (_, i) => i);

describe('stackFromNpz', () => {
  it('reads the only array of an archive', () => {
    const s = stackFromNpz(writeNpz({ heatmaps: { data: maps, shape: [2, 16, 12] } }), 'a.npz');
    expect([s.n, s.k, s.h, s.w]).toEqual([1, 2, 16, 12]);
    expect(s.source).toBe('a.npz:heatmaps');
    expect(s.data[100]).toBe(100);
  });

  it('reads the array chosen by name, channels last with its note', () => {
    const archive = writeNpz({
      image: { data: new Float32Array(4), shape: [2, 2] },
      tf: { data: maps, shape: [16, 12, 2] },
    });
    const s = stackFromNpz(archive, 'b.npz', { array: 'tf' });
    expect([s.k, s.h, s.w]).toEqual([2, 16, 12]);
    expect(s.note).toMatch(/channels last/);
  });

  it('refuses an archive of several arrays with none chosen, listing them', () => {
    const archive = writeNpz({
      a: { data: maps, shape: [2, 16, 12] },
      b: { data: maps, shape: [2, 16, 12] },
    });
    expect(refusal(() => stackFromNpz(archive, 'c.npz'))).toMatch(
      /^c\.npz: the archive holds 2 arrays \(a \d+ B, b \d+ B\); choose the one holding the heatmaps$/,
    );
    expect(npzEntriesForLab(archive, 'c.npz').map((e) => e.name)).toEqual(['a', 'b']);
    expect(refusal(() => stackFromNpz(archive, 'c.npz', { array: 'x' }))).toMatch(
      /no array named 'x' \(it holds a, b\)/,
    );
  });

  it('throws nothing but LabInputError on random or mutated archives (property)', () => {
    const valid = writeNpz({ a: { data: maps, shape: [2, 16, 12] } });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(valid.length),
        (edits, cut) => {
          const bytes = valid.slice(0, cut || valid.length);
          for (const [i, v] of edits) if (i < bytes.length) bytes[i] = v;
          try {
            stackFromNpz(bytes, 'f.npz');
          } catch (error) {
            return error instanceof LabInputError;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scanNonFinite: bad cells per map', () => {
  it('counts each map’s NaN and infinite cells, and flags maps with no finite cell', () => {
    const data = new Float32Array(3 * 9);
    data[0] = Number.NaN;
    data[4] = Number.POSITIVE_INFINITY;
    data.fill(Number.NaN, 9, 18);
    const stack: LabStack = { n: 1, k: 3, h: 3, w: 3, data, source: 't' };
    const report = scanNonFinite(stack);
    expect(report.count).toBe(11);
    expect(report.badCells).toEqual([2, 9, 0]);
    expect(report.emptyMaps).toEqual([false, true, false]);
    expect(report.badMaps).toEqual([true, true, false]);
    expect(report.first[0]).toEqual({ n: 0, k: 0, x: 0, y: 0, value: Number.NaN });
  });
});
