/**
 * A person detector's boxes in the Lab: read as MMPose's dataset reads its `bbox_file`, paired
 * with the samples in its order, and scored by CocoMetric alone (the samples have no annotation).
 * The samples and statistics are checked against MMPose's own code in cocoMetric.golden.test.ts;
 * here, the reading, the messages and the path through the Lab's metrics.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COCO_EVAL_STAT_NAMES,
  cocoDetectionsFromJson,
  cocoKeypointsFromJson,
  describeDetectionPairing,
  imageToInput,
  isCocoDetections,
  labMetrics,
  labSigmas,
  LabInputError,
  mmposeCrop,
  mmposeDetectionInstances,
  pairTruth,
  parseCocoKeypoints,
  readGroundTruth,
  type LabRow,
  type ReadTruthFile,
} from '../../../src/lib/index.ts';

const coco = parseCocoKeypoints(
  JSON.stringify({
    images: [
      { id: 1, width: 200, height: 100 },
      { id: 2, width: 200, height: 100 },
    ],
    annotations: [
      {
        id: 7,
        image_id: 1,
        category_id: 1,
        keypoints: [50, 40, 2, 60, 50, 2],
        num_keypoints: 2,
        bbox: [40, 30, 30, 30],
        area: 900,
        iscrowd: 0,
      },
    ],
    categories: [{ id: 1, keypoints: ['nose', 'tail'] }],
  }),
  'gt.json',
);
const detections = [
  { image_id: 2, category_id: 1, bbox: [10.1, 20, 30, 40], score: 0.9 },
  { image_id: 1, category_id: 3, bbox: [0, 0, 10, 10], score: 0.99 },
  { image_id: 1, category_id: 1, bbox: [40, 30, 31, 29], score: 0.25 },
  { image_id: 1, category_id: 1, bbox: [41, 31, 30, 30], score: 0.8 },
];
const f32 = Math.fround;

describe('a detector results file', () => {
  it('is told apart from a results list by its boxes without keypoints, and read whole', () => {
    expect(isCocoDetections(detections)).toBe(true);
    expect(isCocoDetections([{ image_id: 1, keypoints: [1, 2, 1], score: 1, bbox: [0, 0, 1, 1] }])).toBe(false);
    const file = readGroundTruth(JSON.stringify(detections), 'det.json', Number.NaN);
    expect(file.kind).toBe('detections');
  });

  it('names the entry that is wrong', () => {
    expect(() =>
      cocoDetectionsFromJson([{ image_id: 1, category_id: 1, bbox: [0, 0, 1], score: 1 }], 'det.json'),
    ).toThrow('det.json: [0].bbox should be [x, y, width, height]');
    expect(() =>
      cocoDetectionsFromJson([{ image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], score: 'high' }], 'det.json'),
    ).toThrow('det.json: [0].score is "high", not a finite number');
  });
});

describe("mmposeDetectionInstances: MMPose's _load_detection_results and filter_data", () => {
  const list = cocoDetectionsFromJson(detections, 'det.json');

  it('numbers the person detections in file order, boxes as float32, other categories skipped', () => {
    const pairing = mmposeDetectionInstances(coco, list);
    expect(pairing.instances.map((i) => [i.id, i.imageId, i.bboxScore])).toEqual([
      [0, 2, f32(0.9)],
      [1, 1, f32(0.25)],
      [2, 1, f32(0.8)],
    ]);
    expect(pairing.instances[0]!.bbox).toEqual([f32(10.1), 20, f32(f32(f32(10.1) + 30) - f32(10.1)), 40]);
    expect(pairing.instances.every((i) => i.annotation === undefined)).toBe(true);
    expect(describeDetectionPairing(pairing, list.length, 0)).toBe(
      "MMPose's test with detected boxes keeps 3 of 4 detections (dropped: 1 not of a person (category_id ≠ 1))",
    );
  });

  it('drops detections below bbox_score_thr after numbering them, so their ids stay unused', () => {
    const pairing = mmposeDetectionInstances(coco, list, 0.3);
    expect(pairing.instances.map((i) => i.id)).toEqual([0, 2]);
    expect(pairing.belowThreshold).toBe(1);
  });

  it('refuses a detection on an image the ground truth does not list, where MMPose raises KeyError', () => {
    const stray = cocoDetectionsFromJson([{ image_id: 9, category_id: 1, bbox: [0, 0, 5, 5], score: 1 }], 'det.json');
    expect(() => mmposeDetectionInstances(coco, stray, 0, 'det.json')).toThrow(LabInputError);
    expect(() => mmposeDetectionInstances(coco, stray, 0, 'det.json')).toThrow(
      'det.json: detection [0] is on image 9, which the ground-truth file does not list (MMPose stops there too)',
    );
  });
});

describe('pairTruth with a detector results file', () => {
  const units = {
    toInput: (p: { x: number; y: number }) => p,
    toRows: (p: { x: number; y: number }) => p,
    fromFile: (p: { x: number; y: number }[]) => p,
  };
  const files: ReadTruthFile[] = [
    { name: 'det.json', file: { kind: 'detections', detections: cocoDetectionsFromJson(detections, 'det.json') } },
    { name: 'gt.json', file: { kind: 'coco', coco } },
  ];

  it('makes sample n the n-th detection kept, with no labelled point, and says what it dropped', () => {
    const paired = pairTruth(files, { n: 3, k: 2, inputW: 48, inputH: 64, mapping: 'stride' }, units);
    expect(paired.truth?.detections).toBe('det.json');
    expect(paired.truth?.instances?.map((i) => i.id)).toEqual([0, 1, 2]);
    expect(paired.truth?.perMap.every((p) => Number.isNaN(p.x))).toBe(true);
    expect(paired.truth?.names).toEqual(['nose', 'tail']);
    expect(paired.messages).toEqual([
      "det.json: MMPose's test with detected boxes keeps 3 of 4 detections (dropped: 1 not of a person (category_id ≠ 1)).",
    ]);
  });

  it('with another count of samples, says so and points at the threshold', () => {
    const paired = pairTruth(files, { n: 2, k: 2, inputW: 48, inputH: 64, mapping: 'stride' }, units);
    expect(paired.truth).toBeUndefined();
    expect(paired.messages[0]).toContain('but the input holds 2 samples');
    expect(paired.messages[0]).toContain('filter_cfg=dict(bbox_score_thr=…)');
    // The COCO file was there: nothing asks for it.
    expect(paired.messages).toHaveLength(1);
    const filtered = pairTruth(
      files,
      { n: 2, k: 2, inputW: 48, inputH: 64, mapping: 'stride', bboxScoreThr: 0.3 },
      units,
    );
    expect(filtered.truth?.instances?.map((i) => i.id)).toEqual([0, 2]);
  });

  it('without the COCO file, asks for it', () => {
    const paired = pairTruth(files.slice(0, 1), { n: 3, k: 2, inputW: 48, inputH: 64, mapping: 'stride' }, units);
    expect(paired.truth).toBeUndefined();
    expect(paired.messages).toEqual([
      "det.json: a detector's boxes are read with the COCO keypoints file of their images (MMPose's ann_file); load that too",
    ]);
  });
});

describe('labMetrics on detected boxes', () => {
  interface Case {
    name: string;
    gt: unknown;
    detections?: unknown;
    bboxScoreThr?: number | null;
    instances: { keypoints: [number, number][]; keypoint_scores: number[] }[];
    stats: number[];
  }
  const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/cocometric/cases.json'), 'utf8')) as {
    cases: Case[];
  };
  const c = fixture.cases.find((x) => x.detections)!;

  it("reports CocoMetric's AP for the decoded points mapped through each detection's crop, and no PCK or OKS", () => {
    const gt = cocoKeypointsFromJson(c.gt, 'gt.json');
    const { instances } = mmposeDetectionInstances(
      gt,
      cocoDetectionsFromJson(c.detections, 'det.json'),
      c.bboxScoreThr ?? 0,
    );
    const [inputW, inputH] = [192, 256];
    // Rows in input pixels (scale 1): MMPose's predictions, mapped into each detection's crop.
    const rows: LabRow<'argmax'>[] = c.instances.flatMap((inst, n) => {
      const crop = mmposeCrop(instances[n]!.bbox, inputW, inputH);
      return inst.keypoints.map(([x, y], j) => {
        const p = imageToInput({ x, y }, crop, inputW, inputH, 'stride');
        const row: LabRow<'argmax'> = {
          index: n * 17 + j,
          n,
          k: j,
          points: { argmax: { ...p, score: inst.keypoint_scores[j]! } },
          spread: 0,
          errors: {},
        };
        return row;
      });
    });
    const unlabelled = {
      visibility: new Array<number>(17).fill(0),
      area: 1,
      bbox: [0, 0, 1, 1] as [number, number, number, number],
    };
    const [m] = labMetrics({
      rows,
      k: 17,
      decoders: ['argmax'],
      truths: instances.map(() => ({ ...unlabelled, keypoints: new Array(17).fill({ x: Number.NaN, y: Number.NaN }) })),
      scale: { x: 1, y: 1 },
      ...labSigmas([], 17),
      coco: { coco: gt, instances, mapping: 'stride', inputW, inputH },
    });
    expect(m!.meanOks).toBeUndefined();
    expect(m!.pck05).toBeNaN();
    COCO_EVAL_STAT_NAMES.forEach((name, i) => {
      expect(Math.abs(m!.coco![name] - c.stats[i]!), name).toBeLessThan(1e-6);
    });
  });
});

describe('labSigmas', () => {
  it("uses the reader's σ when there is one per keypoint, COCO-17's for 17 keypoints, and none otherwise", () => {
    expect(labSigmas([0.1, 0.2], 2)).toEqual({ sigmas: [0.1, 0.2] });
    expect(labSigmas([], 17).sigmas).toHaveLength(17);
    expect(labSigmas([], 5)).toEqual({});
    expect(labSigmas([0.1], 5)).toEqual({
      problem: '1 OKS σ typed under Settings, but the input has 5 keypoints; OKS and AP are not measured',
    });
  });
});
