import { describe, expect, it } from 'vitest';
import {
  decodeLabSimccRange,
  decodeLabStack,
  labCsv,
  labSimccCsv,
  labSimccJson,
  labJson,
  makeLabSample,
  LAB_SAMPLE,
  groundTruthInHeatmap,
  type HeatmapDecoderId,
  type LabSettings,
  type LabSimcc,
} from '../../../src/lib/index.ts';

describe('Lab exports carry keypoint names, scores and the convention', () => {
  const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 1, k: 17 });
  const s: LabSettings<HeatmapDecoderId> = {
    decoders: ['argmax', 'megvii'],
    kernel: 11,
    beta: 1,
    stride: 4,
    convention: 'mmpose',
    mapping: 'udp',
  };
  const rows = decodeLabStack(
    stack,
    s,
    groundTruthInHeatmap(truth, 'input', 4, { mapping: 'udp', heatmapW: 48, heatmapH: 64 }),
  );

  it('CSV: a keypoint column with COCO names, each decoder’s score, input px under the mapping', () => {
    const lines = labCsv(rows, s, { heatmapW: 48, heatmapH: 64 }).trim().split('\n');
    const header = lines[0]!.split(',');
    const row = Object.fromEntries(lines[6]!.split(',').map((v, i) => [header[i], v]));
    expect(row.keypoint).toBe('left_shoulder');
    expect(Number(row.megvii_score)).toBeCloseTo(rows[5]!.points.megvii!.score, 6);
    expect(Number(row.argmax_x_in)).toBeCloseTo((rows[5]!.points.argmax!.x * 191) / 47, 3);
    expect(row.bad_cells).toBe('0');
  });

  it('JSON: settings with the convention and mapping, the names, and each row’s keypoint', () => {
    const json = JSON.parse(labJson(rows, s, 'sample', { heatmapW: 48, heatmapH: 64 }));
    expect(json.settings.convention).toBe('mmpose');
    expect(json.settings.mapping).toBe('udp');
    expect(json.keypoints[16]).toBe('right_ankle');
    expect(json.rows[16].keypoint).toBe('right_ankle');
    expect(json.units.errors).toMatch(/\(w−1\)\/\(W−1\)/);
    expect(json.rows[0].points.megvii.score).toBe(rows[0]!.points.megvii!.score);
  });

  it('CSV quotes a name holding a comma', () => {
    const csv = labCsv(rows.slice(0, 1), s, { names: ['head, top'] });
    expect(csv.split('\n')[1]).toMatch(/^0,0,ok,.*,"head, top",0$/);
    // The columns the Lab page's readers rely on come first, as before.
    expect(csv.split('\n')[0]).toMatch(/^n,k,status,truth_x_hm,truth_y_hm,spread_in,argmax_x_hm/);
  });
});

describe('SimCC exports: bins and input pixels, the smaller maximum as score', () => {
  // Two keypoints: Gaussian vectors peaking at bins (20, 31) and (50, 9), split ratio 2.
  const bump = (length: number, at: number) => Float32Array.from({ length }, (_, b) => Math.exp(-((b - at) ** 2) / 8));
  const simcc: LabSimcc = {
    n: 1,
    k: 2,
    lengthX: 64,
    lengthY: 48,
    x: Float32Array.from([...bump(64, 20), ...bump(64, 50)]),
    y: Float32Array.from([...bump(48, 31), ...bump(48, 9)]),
    source: 'pair',
  };
  const settings = { decoders: ['simccArgmax' as const], splitRatio: 2, sigma: 6, beta: 1 };
  const rows = decodeLabSimccRange(simcc, settings, 0, 2, [
    { x: 10.5, y: 15 },
    { x: 25, y: 4.5 },
  ]);

  it('CSV: argmax bins, bins / k in input px, the error in input px, the names', () => {
    const lines = labSimccCsv(rows, settings, { names: ['a', 'b'] })
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'n,k,status,truth_x_in,truth_y_in,spread_in,simccArgmax_x_bin,simccArgmax_y_bin,simccArgmax_x_in,simccArgmax_y_in,simccArgmax_score,simccArgmax_error_in,keypoint,bad_bins',
    );
    expect(lines[1]).toBe(`0,0,ok,10.5,15,0,20,31,10,15.5,1,${Number(Math.hypot(0.5, 0.5).toFixed(4))},a,0`);
    expect(lines[2]!.split(',').slice(6, 10)).toEqual(['50', '9', '25', '4.5']);
  });

  it('JSON: SimCC settings, labels and units', () => {
    const json = JSON.parse(labSimccJson(rows, settings, 'pair'));
    expect(json.input).toBe('simcc');
    expect(json.settings.splitRatio).toBe(2);
    expect(json.decoders.simccArgmax).toBe('SimCC argmax');
    expect(json.rows[1].points.simccArgmax).toMatchObject({ x: 25, y: 4.5, score: 1 });
    expect(json.units.points).toMatch(/bins \/ split ratio/);
  });
});
