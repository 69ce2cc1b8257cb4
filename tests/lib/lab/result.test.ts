/** Assembling what a Lab decode shows from a plan and its decoded rows, on rows made by hand. */
import { describe, expect, it } from 'vitest';
import {
  heatmapInput,
  labMetrics,
  labResult,
  meanScores,
  planLabDecode,
  type HeatmapPlan,
  type LabDecoderId,
  type LabRow,
  type LabStack,
  type ReadTruthFile,
} from '../../../src/lib/index.ts';
import { RUN } from './lab-run.ts';

const stack: LabStack = { n: 1, k: 3, h: 4, w: 5, data: new Float32Array(60), source: 'maps.npy' };
const flipped: LabStack = { ...stack, source: 'flipped.npy' };
const truth: ReadTruthFile[] = [
  {
    name: 'gt.json',
    file: {
      kind: 'points',
      points: [
        { x: 4, y: 4 },
        { x: 8, y: 4 },
        { x: 12, y: 8 },
      ],
    },
  },
];
const run = { ...RUN, pairs: [[1, 2]] as [number, number][] };

/** A row with argmax and DARK at the given points (score `s`), errors as given. */
const row = (index: number, s: number, errors: [number, number] | null, skipped?: string): LabRow<LabDecoderId> => ({
  index,
  n: 0,
  k: index,
  points: skipped ? {} : { argmax: { x: 1, y: 1, score: s }, dark: { x: 1.5, y: 1, score: s } },
  spread: skipped ? 0 : 2,
  errors: errors ? { argmax: errors[0], dark: errors[1] } : {},
  ...(skipped ? { skipped, badCells: 20 } : {}),
});

describe('meanScores(rows, decoders)', () => {
  it('is each decoder’s mean over the rows it decoded', () => {
    const rows = [row(0, 0.2, null), row(1, 0.6, null), row(2, 0, null, 'holds no finite value')];
    expect(meanScores(rows, ['argmax', 'dark'])).toEqual({ argmax: 0.4, dark: 0.4 });
    expect(meanScores([row(0, 1, null, 'x')], ['argmax'])).toEqual({});
  });
});

describe('labResult(plan, decoded)', () => {
  it('the shown variant’s rows, the names, the non-finite summary and the input size', () => {
    const plan = planLabDecode(heatmapInput(stack, ['a', 'b', 'c']), run, { truth: [] });
    const rows = [row(0, 0.5, null), row(1, 0.5, null), row(2, 0, null, 'holds no finite value')];
    const result = labResult(plan, [rows]);
    expect(result).toMatchObject({
      kind: 'heatmaps',
      source: 'maps.npy',
      n: 1,
      k: 3,
      w: 5,
      h: 4,
      inputW: 20,
      inputH: 16,
    });
    expect(result.rows).toEqual(rows);
    expect(result.names).toEqual(['a', 'b', 'c']);
    expect(result.decoders).toEqual(['argmax', 'dark']);
    expect(result.nonFinite?.summary).toBe(
      '20 NaN or infinite cells in 1 map: decoded 2 maps of 3 from their finite cells; 1 map with no finite value not decoded',
    );
    expect(result.truth).toBeUndefined();
    expect(result.metrics).toBeUndefined();
  });

  it('with the flip test and ground truth: each shift’s mean error per decoder, and the metrics of the shown rows', () => {
    const plan = planLabDecode(heatmapInput(stack), run, { flipped, truth }) as HeatmapPlan;
    expect(plan.variants.map((v) => v.key)).toEqual([1, 'off', 0]);
    const shift1 = [row(0, 0.9, [1, 2]), row(1, 0.9, [3, 2]), row(2, 0.9, [2, 2])];
    const off = [row(0, 0.9, [4, 4]), row(1, 0.9, [4, 6]), row(2, 0.9, [4, 8])];
    const shift0 = [row(0, 0.9, [0, 0]), row(1, 0.9, [0, 3]), row(2, 0.9, [3, 3])];
    const result = labResult(plan, [shift1, off, shift0]);
    expect(result.flip).toEqual({
      source: 'flipped.npy',
      shift: 1,
      comparison: [
        { decoder: 'argmax', off: 4, shift0: 1, shift1: 2 },
        { decoder: 'dark', off: 6, shift0: 2, shift1: 2 },
      ],
    });
    expect(result.truth).toEqual({ kind: 'points', source: 'gt.json' });
    expect(result.metrics).toEqual(
      labMetrics({
        rows: shift1,
        k: 3,
        decoders: ['argmax', 'dark'],
        truths: plan.paired.truth!.perSample,
        scale: { x: 4, y: 4 },
        names: result.names,
      }),
    );
    // A points file has no boxes: the crop less its padding, 20/1.25 × 16/1.25; and 3 keypoints have no σ.
    expect(result.notes).toEqual([
      "gt.json has no boxes: PCK, OKS and AP take each sample's box as the crop without MMPose's 1.25 padding (16 × 12.8 px). A COCO keypoints file gives the real boxes.",
      "OKS and AP need a σ per keypoint; the Lab has COCO-17's, and the input has 3 keypoints: type your dataset's σ (its metainfo's sigmas) under Settings.",
    ]);
  });

  it('a COCO results list without its COCO file says what it needs, and is not scored', () => {
    const results: ReadTruthFile = {
      name: 'res.json',
      file: {
        kind: 'cocoResults',
        results: [{ imageId: 1, categoryId: 1, keypoints: [], keypointScores: [], score: 1 }],
      },
    };
    const plan = planLabDecode(heatmapInput(stack), run, { truth: [results] });
    const result = labResult(plan, [[row(0, 1, null), row(1, 1, null), row(2, 1, null)]]);
    expect(result.results).toBeUndefined();
    expect(result.messages).toEqual([
      'res.json: a COCO results list is scored against the COCO keypoints file it was made for; load that too',
    ]);
  });
});
