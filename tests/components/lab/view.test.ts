import { describe, expect, it } from 'vitest';
import {
  decodeLabStack,
  groundTruthInHeatmap,
  LAB_SAMPLE,
  makeLabSample,
  nonFiniteSummary,
  scanNonFinite,
} from '../../../src/lib/index.ts';
import {
  followsText,
  mapLines,
  mapName,
  nonFiniteMessage,
  scoreConventionOf,
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

  it('says in one message how many cells were bad, what was decoded, and where the first are', () => {
    const data = Float32Array.from(stack.data.subarray(0, 2 * 64 * 48));
    data[64 * 48 + 2 * 48 + 9] = Number.NEGATIVE_INFINITY;
    const small = { n: 1, k: 2, h: 64, w: 48, data, source: 'x.npy' };
    const report = scanNonFinite(small);
    const rows = decodeLabStack(small, settings, undefined, report.emptyMaps);
    expect(nonFiniteMessage('x.npy', { summary: nonFiniteSummary(rows)!, first: report.first })).toBe(
      'x.npy: 1 NaN or infinite cell in 1 map: decoded 2 maps of 2 from their finite cells. First at n 0, k 1, x 9, y 2 (−∞).',
    );
    expect(nonFiniteSummary(decodeLabStack(stack, settings))).toBeUndefined();
    expect(stackLine(small)).toBe('x.npy: 1 sample × 2 keypoints of 64 × 48 cells (2 maps).');
    expect(stackLine({ kind: 'simcc', source: 'a + b', n: 2, k: 17, w: 384, h: 512 })).toBe(
      'a + b: 2 samples × 17 keypoints, SimCC vectors of 384 (x) and 512 (y) bins.',
    );
  });

  it('lists the selected map’s points in both frames', () => {
    const rows = decodeLabStack(stack, settings);
    const [argmax] = mapLines(rows[0], [...decoders], 4);
    const p = rows[0]!.points.argmax!;
    expect(argmax!.heatmap).toBe(`${p.x.toFixed(3)}, ${p.y.toFixed(3)}`);
    expect(argmax!.input).toBe(`${(4 * p.x).toFixed(2)}, ${(4 * p.y).toFixed(2)}`);
    expect(argmax!.error).toBe('—');
    expect(argmax!.score).toBe(p.score.toFixed(4));
    // SimCC rows are input pixels: the first column is bins (× k), the second the points.
    const [simcc] = mapLines(
      { ...rows[0]!, points: { simccArgmax: { x: 10.5, y: 3, score: 1 } } },
      ['simccArgmax'],
      1,
      2,
    );
    expect([simcc!.heatmap, simcc!.input]).toEqual(['21.000, 6.000', '10.50, 3.00']);
  });

  it('names maps by sample, keypoint and its name, and each decoder by the toolkit function it follows', () => {
    expect(
      mapName(25, 17, [
        'nose',
        'left_eye',
        'right_eye',
        'left_ear',
        'right_ear',
        'left_shoulder',
        'right_shoulder',
        'left_elbow',
        'right_elbow',
      ]),
    ).toBe('sample 1, keypoint 8 (right_elbow)');
    expect(mapName(3, 4, ['keypoint 0', 'keypoint 1', 'keypoint 2', 'keypoint 3'])).toBe('sample 0, keypoint 3');
    expect(followsText('mmpose', 'quarter')).toBe(
      'refine_keypoints (MSRAHeatmap, unbiased=False), open-mmlab/mmpose mmpose/codecs/utils/refinement.py',
    );
    expect(followsText('reference', 'quarter')).toMatch(/^get_final_preds \(no DARK\), leoxiaobin/);
    expect(followsText('reference', 'darkUdp')).toMatch(/^refine_keypoints_dark_udp/);
    expect(followsText('mmpose', 'simccExpectation')).toMatch(/no MMPose decoder/);
    expect([scoreConventionOf('megvii'), scoreConventionOf('simccDark'), scoreConventionOf('dark')]).toEqual([
      'megvii',
      'simccMin',
      'heatmapMax',
    ]);
  });
});
