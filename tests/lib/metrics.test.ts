/** OKS, AP, PCK and per-keypoint error against examples worked by hand from COCO's and MMPose's definitions. */
import { describe, expect, it } from 'vitest';
import {
  COCO17_FLIP_PAIRS,
  COCO17_KEYPOINTS,
  COCO17_SIGMAS,
  keypointAp,
  keypointNames,
  meanErrorPerKeypoint,
  meanOks,
  OKS_THRESHOLDS,
  oks,
  pck,
  type KeypointTruth,
  type Point,
} from '../../src/lib/index.ts';

const origin17 = (): Point[] => Array.from({ length: 17 }, () => ({ x: 0, y: 0 }));

describe('oks: COCOeval.computeOks', () => {
  it('one visible keypoint: exp(-d²/(2·area·(2σ)²)) (left shoulder, σ = 0.079)', () => {
    const truth: KeypointTruth = {
      keypoints: origin17(),
      visibility: COCO17_KEYPOINTS.map((_, i) => (i === 5 ? 2 : 0)),
      area: 1000,
      bbox: [0, 0, 10, 10],
    };
    const prediction = origin17();
    prediction[5] = { x: 3, y: 4 };
    // d² = 25, (2σ)² = 0.024964: e = 25 / 0.024964 / 1000 / 2 = 0.50072… → OKS 0.60610…
    expect(oks(prediction, truth, COCO17_SIGMAS)).toBeCloseTo(Math.exp(-25 / 0.024964 / 1000 / 2), 9);
    expect(oks(prediction, truth, COCO17_SIGMAS)).toBeCloseTo(0.6061, 4);
  });

  it('averages over the visible keypoints only, and is 1 for a perfect prediction', () => {
    const truth: KeypointTruth = {
      keypoints: origin17(),
      visibility: COCO17_KEYPOINTS.map((_, i) => (i < 2 ? 1 : 0)),
      area: 400,
      bbox: [0, 0, 20, 20],
    };
    expect(oks(origin17(), truth, COCO17_SIGMAS)).toBe(1);
    const off = origin17();
    off[1] = { x: 1, y: 0 };
    // Keypoint 0 exact (1), keypoint 1 (σ 0.025) 1 px off: exp(-1/(0.0025·400·2)) = exp(-0.5).
    expect(oks(off, truth, COCO17_SIGMAS)).toBeCloseTo((1 + Math.exp(-0.5)) / 2, 9);
  });

  it('with no visible keypoint, measures each predicted keypoint’s distance to twice the box', () => {
    // Box [10, 10, 20, 20]: the region is x ∈ [-10, 50], y ∈ [-10, 50].
    const truth: KeypointTruth = {
      keypoints: origin17(),
      visibility: new Array(17).fill(0),
      area: 400,
      bbox: [10, 10, 20, 20],
    };
    const prediction = origin17();
    prediction[0] = { x: 60, y: 20 };
    const sigma = 0.026;
    // Keypoint 0 is 10 px outside; the other 16 are inside (distance 0, similarity 1).
    const e = 100 / (2 * sigma) ** 2 / 400 / 2;
    expect(oks(prediction, truth, COCO17_SIGMAS)).toBeCloseTo((Math.exp(-e) + 16) / 17, 9);
  });
});

describe('keypointAp: COCO keypoint AP over OKS 0.50:0.95 (one keypoint, σ = 0.1, area 100)', () => {
  // OKS(d) = exp(-d² / (4·0.01) / 100 / 2) = exp(-d²/8).
  const sigmas = [0.1];
  const truth = (x: number, y: number, visible = true): KeypointTruth => ({
    keypoints: [{ x, y }],
    visibility: [visible ? 2 : 0],
    area: 100,
    bbox: [x - 5, y - 5, 10, 10],
  });
  const prediction = (x: number, y: number, score: number) => ({ keypoints: [{ x, y }], score });
  // P1 exact on GT1 (OKS 1); P2 far (OKS 0); P3 1.6 px from GT2: OKS exp(-0.32) = 0.726.
  const image = {
    truths: [truth(0, 0), truth(50, 50)],
    predictions: [prediction(0, 0, 0.9), prediction(200, 200, 0.8), prediction(50, 51.6, 0.7)],
  };

  it('uses the ten thresholds np.linspace(0.5, 0.95, 10)', () => {
    expect(OKS_THRESHOLDS.length).toBe(10);
    expect(OKS_THRESHOLDS[0]).toBe(0.5);
    expect(OKS_THRESHOLDS[9]).toBe(0.95);
  });

  it('matches the hand-worked precision–recall curves', () => {
    const r = keypointAp([image], sigmas);
    // t ≤ 0.70: TP, FP, TP → precision [1, 2/3, 2/3] at recall [.5, .5, 1]: the 51 recall
    // points 0..0.50 read 1 and the 50 points 0.51..1 read 2/3: AP = (51 + 100/3)/101 = 253/303.
    // t ≥ 0.75: TP, FP, FP → recall stops at 0.5: AP = 51/101.
    expect(r.ap50).toBeCloseTo(253 / 303, 12);
    expect(r.ap75).toBeCloseTo(51 / 101, 12);
    expect(r.ap).toBeCloseTo((253 / 303 + 51 / 101) / 2, 12);
    // Recall 1 at five thresholds and 0.5 at the other five.
    expect(r.ar).toBeCloseTo(0.75, 12);
    expect(r.truths).toBe(2);
    expect(r.predictions).toBe(3);
  });

  it('ignores a prediction matched to a ground truth with no visible keypoint (COCO’s ignore)', () => {
    const withIgnored = {
      truths: [...image.truths, truth(300, 300, false)],
      predictions: [...image.predictions, prediction(305, 305, 0.95)],
    };
    const r = keypointAp([withIgnored], sigmas);
    expect(r.ap).toBeCloseTo((253 / 303 + 51 / 101) / 2, 12);
    expect(r.truths).toBe(2);
  });

  it('ranks predictions across images by score', () => {
    // Two images, each one GT and one prediction: the lower-scored one is wrong.
    const images = [
      { truths: [truth(0, 0)], predictions: [prediction(0, 0, 0.9)] },
      { truths: [truth(0, 0)], predictions: [prediction(100, 0, 0.4)] },
    ];
    // TP then FP: recall [.5, .5], precision [1, .5] → monotone [1, .5]: AP = 51/101 at every t.
    expect(keypointAp(images, sigmas).ap).toBeCloseTo(51 / 101, 12);
    // Scores swapped: FP then TP: precision [0, 0.5], recall [0, 0.5] → AP = 51 · 0.5/101.
    images[0]!.predictions = [prediction(0, 0, 0.4)];
    images[1]!.predictions = [prediction(100, 0, 0.9)];
    expect(keypointAp(images, sigmas).ap).toBeCloseTo((51 * 0.5) / 101, 12);
  });

  it('gives each ground truth at most one prediction (a duplicate is a false positive)', () => {
    const images = [{ truths: [truth(0, 0)], predictions: [prediction(0, 0, 0.9), prediction(0, 0, 0.8)] }];
    // TP, FP: precision [1, .5], recall [1, 1] → every recall point reads 1: AP = 1.
    expect(keypointAp(images, sigmas).ap).toBeCloseTo(1, 12);
    expect(keypointAp(images, sigmas).byThreshold.every((t) => t.recall === 1)).toBe(true);
  });
});

describe('pck and meanErrorPerKeypoint (MMPose PCKAccuracy, norm_item="bbox")', () => {
  const truths: KeypointTruth[] = [
    {
      keypoints: [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ],
      visibility: [2, 2],
      area: 5000,
      bbox: [0, 0, 100, 50],
    },
    {
      keypoints: [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ],
      visibility: [2, 0],
      area: 800,
      bbox: [0, 0, 20, 40],
    },
  ];
  const predictions: Point[][] = [
    [
      { x: 3, y: 0 },
      { x: 10, y: 16 },
    ],
    [
      { x: 0, y: 1.9 },
      { x: 50, y: 50 },
    ],
  ];

  it('counts a keypoint within α · max(box side) as correct, per keypoint, then averages', () => {
    // α = 0.05: thresholds 5 px and 2 px. Keypoint 0: 3 < 5 and 1.9 < 2 → 1; keypoint 1: 6 ≥ 5 → 0.
    expect(pck(predictions, truths, 0.05)).toEqual({ perKeypoint: [1, 0], mean: 0.5 });
    // α = 0.1: thresholds 10 px and 4 px: everything visible is within.
    expect(pck(predictions, truths, 0.1)).toEqual({ perKeypoint: [1, 1], mean: 1 });
  });

  it('averages the error per keypoint over visible instances', () => {
    const { mean, count } = meanErrorPerKeypoint(predictions, truths);
    expect(mean[0]).toBeCloseTo((3 + 1.9) / 2, 12);
    expect(mean[1]).toBe(6);
    expect(count).toEqual([2, 1]);
  });

  it('meanOks averages the OKS of each pair', () => {
    const sigmas = [0.1, 0.1];
    const expected = (oks(predictions[0]!, truths[0]!, sigmas) + oks(predictions[1]!, truths[1]!, sigmas)) / 2;
    expect(meanOks(predictions, truths, sigmas)).toBe(expected);
  });
});

describe('COCO-17 as data', () => {
  it('flip pairs join each left keypoint with its right one, and their σ are equal', () => {
    for (const [a, b] of COCO17_FLIP_PAIRS) {
      expect(COCO17_KEYPOINTS[a]!.replace('left_', 'right_')).toBe(COCO17_KEYPOINTS[b]);
      expect(COCO17_SIGMAS[a]).toBe(COCO17_SIGMAS[b]);
    }
    expect(COCO17_SIGMAS.length).toBe(17);
    expect(keypointNames(17)[16]).toBe('right_ankle');
    expect(keypointNames(3)).toEqual(['keypoint 0', 'keypoint 1', 'keypoint 2']);
  });
});
