import { describe, expect, it } from 'vitest';
import {
  decodeLabStack,
  labCsv,
  labJson,
  makeLabSample,
  LAB_SAMPLE,
  groundTruthInHeatmap,
  type HeatmapDecoderId,
  type LabSettings,
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
