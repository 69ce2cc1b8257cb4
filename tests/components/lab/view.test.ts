import { describe, expect, it } from 'vitest';
import {
  decodeLabStack,
  groundTruthInHeatmap,
  LAB_SAMPLE,
  makeLabSample,
  scanNonFinite,
} from '../../../src/lib/index.ts';
import {
  mapLines,
  nonFiniteMessage,
  stackLine,
  summaryLines,
  tableLines,
  TABLE_LIMIT,
} from '../../../src/components/lab/view.ts';

const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 10, k: 17 });
const decoders = ['argmax', 'dark'] as const;
const settings = { decoders: [...decoders], kernel: 11, beta: 20, stride: 4 };

describe('Lab views', () => {
  it('summaries show dashes without ground truth and the library’s statistics with it', () => {
    const bare = decodeLabStack(stack, settings);
    expect(summaryLines(bare, [...decoders]).map((l) => l.mean)).toEqual(['—', '—']);
    const rows = decodeLabStack(stack, settings, groundTruthInHeatmap(truth, 'input', 4));
    const lines = summaryLines(rows, [...decoders]);
    expect(lines[1]).toMatchObject({ id: 'dark', label: 'DARK' });
    expect(Number(lines[1]!.mean)).toBeLessThan(Number(lines[0]!.mean));
  });

  it('tables show at most TABLE_LIMIT rows, in the chosen order, the most disagreeing flagged', () => {
    const rows = decodeLabStack(stack, settings, groundTruthInHeatmap(truth, 'input', 4));
    const byIndex = tableLines(rows, [...decoders], 'index');
    expect(byIndex.lines).toHaveLength(TABLE_LIMIT);
    expect(byIndex.note).toBe(`Showing ${TABLE_LIMIT} of 170 maps; the exports hold all of them.`);
    expect(byIndex.lines[0]!.map).toBe('0, 0');
    const bySpread = tableLines(rows, [...decoders], 'spread').lines;
    const spreads = bySpread.map((l) => Number(l.spread));
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
    expect(bySpread.slice(0, 5).every((l) => l.flagged)).toBe(true);
    expect(bySpread.filter((l) => l.flagged)).toHaveLength(5);
    const byError = tableLines(rows, [...decoders], 'error').lines;
    const mean = (l: (typeof byError)[number]) => (Number(l.cells[0]!.error) + Number(l.cells[1]!.error)) / 2;
    expect(mean(byError[0]!)).toBeGreaterThanOrEqual(mean(byError[1]!));
  });

  it('says where the non-finite values are', () => {
    const data = Float32Array.from(stack.data.subarray(0, 2 * 64 * 48));
    data[64 * 48 + 2 * 48 + 9] = Number.NEGATIVE_INFINITY;
    const small = { n: 1, k: 2, h: 64, w: 48, data, source: 'x.npy' };
    expect(nonFiniteMessage(small, scanNonFinite(small))).toBe(
      'x.npy: 1 value is NaN or infinite, in 1 map, first at n 0, k 1, x 9, y 2 (−∞). Those maps are not decoded; the other 1 are.',
    );
    expect(nonFiniteMessage(stack, scanNonFinite(stack))).toBeUndefined();
    expect(stackLine(small)).toBe('x.npy: 1 sample × 2 keypoints of 64 × 48 cells (2 maps).');
  });

  it('lists the selected map’s points in both frames', () => {
    const rows = decodeLabStack(stack, settings);
    const [argmax] = mapLines(rows[0], [...decoders], 4);
    const p = rows[0]!.points.argmax!;
    expect(argmax!.heatmap).toBe(`${p.x.toFixed(3)}, ${p.y.toFixed(3)}`);
    expect(argmax!.input).toBe(`${(4 * p.x).toFixed(2)}, ${(4 * p.y).toFixed(2)}`);
    expect(argmax!.error).toBe('—');
  });
});
