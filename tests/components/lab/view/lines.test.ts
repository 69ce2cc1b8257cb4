/** The Lab's table lines: the library's numbers (decoded rows, `summarizeLab`, metrics) formatted. */
import { describe, expect, it } from 'vitest';
import {
  decodeLabStack,
  DECODER_LABELS,
  groundTruthInHeatmap,
  LAB_SAMPLE,
  makeLabSample,
  SCORE_CONVENTION_INFO,
  SIMCC_DECODER_LABELS,
  summarizeLab,
} from '../../../../src/lib/index.ts';
import {
  flipLines,
  keypointLines,
  labelOf,
  mapLines,
  scoreConventionOf,
  summaryLines,
  tableLines,
  TABLE_LIMIT,
} from '../../../../src/components/lab/view/lines.ts';
import { metricsLines } from '../../../../src/components/lab/view/accuracy.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { heatmapsDecoded, runWith } from '../decoded.ts';

const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 10, k: 17 });
const decoders = ['argmax', 'dark'] as const;
const settings = { decoders: [...decoders], kernel: 11, beta: 20, stride: 4 };

describe('summaryLines(rows, decoders, meanScores)', () => {
  it('shows dashes without ground truth and the library’s statistics with it', () => {
    const bare = decodeLabStack(stack, settings);
    expect(summaryLines(bare, [...decoders]).map((l) => l.mean)).toEqual(['—', '—']);
    const rows = decodeLabStack(stack, settings, groundTruthInHeatmap(truth, 'input', 4));
    const lines = summaryLines(rows, [...decoders]);
    const stats = summarizeLab(rows, [...decoders]);
    expect(lines[1]).toMatchObject({ id: 'dark', label: 'DARK', mean: fmt(stats.dark!.mean, 3) });
    expect(lines[0]!.p95).toBe(fmt(stats.argmax!.p95, 3));
    expect(Number(lines[1]!.mean)).toBeLessThan(Number(lines[0]!.mean));
  });

  it('gives each decoder its mean score and the label of its score convention', () => {
    const rows = decodeLabStack(stack, settings);
    const [argmax, dark] = summaryLines(rows, [...decoders], { argmax: 0.8125 });
    expect([argmax!.score, argmax!.scoreKind]).toEqual([fmt(0.8125, 3), SCORE_CONVENTION_INFO.heatmapMax.label]);
    expect(dark!.score).toBe('—');
  });
});

describe('tableLines(rows, decoders, sort, unit)', () => {
  it('shows at most TABLE_LIMIT rows, in the chosen order, the most disagreeing flagged', () => {
    const rows = decodeLabStack(stack, settings, groundTruthInHeatmap(truth, 'input', 4));
    const byIndex = tableLines(rows, [...decoders], 'index');
    expect(byIndex.lines).toHaveLength(TABLE_LIMIT);
    expect(byIndex.note).toBe(`Showing ${TABLE_LIMIT} of ${10 * 17} maps; the exports hold all of them.`);
    expect(byIndex.lines[0]!.map).toBe('0, 0');
    const bySpread = tableLines(rows, [...decoders], 'spread').lines;
    const spreads = bySpread.map((l) => Number(l.spread));
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
    expect(bySpread.slice(0, 5).every((l) => l.flagged)).toBe(true);
    expect(bySpread.filter((l) => l.flagged)).toHaveLength(5);
    const byError = tableLines(rows, [...decoders], 'error').lines;
    const mean = (l: (typeof byError)[number]) => (Number(l.cells[0]!.error) + Number(l.cells[1]!.error)) / 2;
    for (let i = 1; i < byError.length; i++) expect(mean(byError[i - 1]!)).toBeGreaterThanOrEqual(mean(byError[i]!));
  });

  it('counts all the rows when they fit, naming the unit, and leaves errors empty without ground truth', () => {
    const rows = decodeLabStack(stack, settings).slice(0, 3);
    const { lines, note } = tableLines(rows, [...decoders], 'index', 'keypoint');
    expect(note).toBe('3 keypoints.');
    expect(tableLines(rows.slice(0, 1), [...decoders], 'index').note).toBe('1 map.');
    const p = rows[2]!.points.dark!;
    expect(lines[2]!.cells[1]).toEqual({ id: 'dark', point: `${fmt(p.x, 3)}, ${fmt(p.y, 3)}`, error: '' });
  });
});

describe('mapLines(row, decoders, scale, firstScale)', () => {
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
    expect([simcc!.heatmap, simcc!.input]).toEqual([`${fmt(2 * 10.5, 3)}, ${fmt(2 * 3, 3)}`, '10.50, 3.00']);
  });

  it('shows dashes for a decoder without a point, and what a decoder fell back to', () => {
    const [line] = mapLines(undefined, ['dark'], 4);
    expect(line).toEqual({ id: 'dark', label: 'DARK', heatmap: '—', input: '—', score: '—', error: '—' });
    const row = decodeLabStack(stack, settings)[0]!;
    const fallen = { ...row, points: { dark: { ...row.points.dark!, fallback: 'argmax kept' } } };
    expect(mapLines(fallen, ['dark'], 4)[0]!.fallback).toBe('argmax kept');
  });
});

describe('labelOf(id) and scoreConventionOf(id)', () => {
  it('names heatmap and SimCC decoders by the library’s labels', () => {
    expect(labelOf('megvii')).toBe(DECODER_LABELS.megvii);
    expect(labelOf('simccDark')).toBe(SIMCC_DECODER_LABELS.simccDark);
  });

  it('says Megvii’s score is its own, SimCC’s the smaller maximum, the others the map’s maximum', () => {
    expect([scoreConventionOf('megvii'), scoreConventionOf('simccDark'), scoreConventionOf('dark')]).toEqual([
      'megvii',
      'simccMin',
      'heatmapMax',
    ]);
  });
});

describe('metricsLines, keypointLines and flipLines of a LabResult', () => {
  it('give each decoder’s accuracy in percent and each keypoint’s mean error, from the library’s metrics', async () => {
    const { result } = await heatmapsDecoded({ truth: true });
    const metrics = result.metrics!;
    // 17 keypoints: COCO-17's σ give each decoder a mean OKS.
    const meanOks = metrics[0]!.meanOks!;
    const lines = metricsLines(result);
    expect(lines.map((l) => l.id)).toEqual(result.decoders);
    expect(lines[0]).toMatchObject({
      label: labelOf(metrics[0]!.decoder),
      pck05: fmt(100 * metrics[0]!.pck05, 1),
      oks: fmt(100 * meanOks, 1),
    });
    const keypoints = keypointLines(result);
    expect(keypoints.map((l) => l.name)).toEqual(result.names);
    expect(keypoints[3]!.errors).toEqual(metrics.map((m) => fmt(m.perKeypoint[3]!.meanError, 2)));
  });

  it('without ground truth, no accuracy lines and a dash for every keypoint', async () => {
    const { result } = await heatmapsDecoded();
    expect(metricsLines(result)).toEqual([]);
    expect(keypointLines(result)[0]!.errors).toEqual([]);
  });

  it('give each decoder’s mean error with the flip test off, shifted 0 and shifted 1', async () => {
    const { result } = await heatmapsDecoded({ truth: true, flipped: true, run: runWith({ flip: '1' }) });
    const comparison = result.flip!.comparison!;
    const lines = flipLines(comparison);
    expect(lines[0]).toEqual({
      id: comparison[0]!.decoder,
      label: labelOf(comparison[0]!.decoder),
      cells: [fmt(comparison[0]!.off!, 3), fmt(comparison[0]!.shift0!, 3), fmt(comparison[0]!.shift1!, 3)],
    });
    expect(flipLines([{ decoder: 'dark' }])[0]!.cells).toEqual(['—', '—', '—']);
  });
});
