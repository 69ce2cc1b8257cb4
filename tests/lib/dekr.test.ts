import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  IDENTITY_AFFINE,
  REGULAR_GRID,
  adaptiveOffsets,
  bilinearSample,
  bilinearTaps,
  centreNms,
  conv3x3,
  deformConv3x3,
  offsetLoss,
  poseExtentDiagonal,
  poseNms,
  poseNmsMinJoints,
  posesFromOffsets,
  type Pose,
  samplingPoints,
  smoothL1,
} from '../../src/lib/index.ts';

describe('adaptive convolution geometry', () => {
  it('the identity affine and zero translation give zero offsets', () => {
    expect(Array.from(adaptiveOffsets(IDENTITY_AFFINE, [0, 0])).every((v) => v === 0)).toBe(true);
  });

  it('the sampling points are p + A·G_n + t, and p + G_n + offset_n says the same (property)', () => {
    const num = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(num, num, num, num, num, num, (a, b, c, d, ty, tx) => {
        const o = adaptiveOffsets([a, b, c, d], [ty, tx]);
        const pts = samplingPoints({ x: 5, y: 7 }, [a, b, c, d], [ty, tx]);
        return REGULAR_GRID.every(([gy, gx], n) => {
          const p = pts[n]!;
          return Math.abs(p.y - (7 + gy + o[2 * n]!)) < 1e-9 && Math.abs(p.x - (5 + gx + o[2 * n + 1]!)) < 1e-9;
        });
      }),
    );
  });

  it('a scale of 2 doubles the reach of every tap', () => {
    const pts = samplingPoints({ x: 0, y: 0 }, [2, 0, 0, 2], [0, 0]);
    expect(pts[0]).toEqual({ x: -2, y: -2 });
    expect(pts[8]).toEqual({ x: 2, y: 2 });
  });
});

describe('bilinear sampling', () => {
  it('weights sum to 1 inside the map and read nothing at or beyond -1 and the size', () => {
    const taps = bilinearTaps(2.25, 1.5, 5, 5);
    expect(taps.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 12);
    expect(bilinearTaps(-1, 2, 5, 5)).toEqual([]);
    expect(bilinearTaps(2, 5, 5, 5)).toEqual([]);
  });

  it('interpolates a linear ramp exactly and fades to zero past the edge', () => {
    const f = { data: Float64Array.from({ length: 16 }, (_, i) => i % 4), c: 1, h: 4, w: 4 };
    expect(bilinearSample(f, 0, 1.25, 2.5)).toBeCloseTo(1.25, 12);
    expect(bilinearSample(f, 0, 3.5, 1)).toBeCloseTo(1.5, 12); // half of the last column's 3
  });
});

describe('deformConv3x3 with zero offsets equals conv3x3 without bias', () => {
  it('on a random input', () => {
    const c = 2;
    const f = { data: Float64Array.from({ length: c * 5 * 6 }, (_, i) => Math.sin(i)), c, h: 5, w: 6 };
    const weight = Float64Array.from({ length: 3 * c * 9 }, (_, i) => Math.cos(i));
    const zero = { data: new Float64Array(18 * 30), c: 18, h: 5, w: 6 };
    const a = deformConv3x3(f, zero, weight, 3).data;
    const b = conv3x3(f, weight, 3).data;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
  });
});

describe('bottom-up decoding', () => {
  const w = 20;
  const h = 16;
  const centre = new Float64Array(w * h);
  const bump = (cx: number, cy: number, s: number): void => {
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        centre[y * w + x] = Math.max(centre[y * w + x]!, s * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 8));
  };
  bump(5, 5, 0.9);
  bump(14, 10, 0.6);

  it('centreNms finds one peak per person, highest first', () => {
    const peaks = centreNms(centre, w, h);
    expect(peaks.map(({ x, y }) => [x, y])).toEqual([
      [5, 5],
      [14, 10],
    ]);
  });

  it('posesFromOffsets subtracts the offset (pixel − keypoint convention) and poseNms keeps distinct people', () => {
    const K = 2;
    const offsets = new Float64Array(2 * K * w * h);
    // At every pixel, keypoint 0 is 2 px left and keypoint 1 is 3 px below.
    for (let p = 0; p < w * h; p++) {
      offsets[0 * w * h + p] = 2;
      offsets[3 * w * h + p] = -3;
    }
    const poses = posesFromOffsets(centreNms(centre, w, h), offsets, K, w, h);
    expect(poses[0]!.joints).toEqual([
      { x: 3, y: 5 },
      { x: 5, y: 8 },
    ]);
    expect(poseNms(poses, Math.hypot(w, h))).toHaveLength(2);
    const twin = { ...poses[0]!, score: poses[0]!.score / 2 };
    expect(poseNms([...poses, twin], Math.hypot(w, h), { minJoints: 1 })).toHaveLength(2);
  });
});

describe('offset loss', () => {
  it('smoothL1 is quadratic below β and linear above, continuous at β', () => {
    expect(smoothL1(0.05)).toBeCloseTo(0.5 * 0.05 ** 2 * 9, 12);
    expect(smoothL1(2)).toBeCloseTo(2 - 0.5 / 9, 12);
    expect(smoothL1(1 / 9 - 1e-12)).toBeCloseTo(smoothL1(1 / 9 + 1e-12), 9);
  });

  it('the same 5 px error costs a small person more than a large one', () => {
    const gt = [{ x: 0, y: 0 }];
    const pred = [{ x: 5, y: 0 }];
    expect(offsetLoss(pred, gt, 30, 60)).toBeGreaterThan(offsetLoss(pred, gt, 120, 240));
    expect(offsetLoss(pred, gt, 30, 60) / offsetLoss(pred, gt, 120, 240)).toBeCloseTo(4, 12);
  });
});

describe("poseNms(poses) follows DEKR's nms_core", () => {
  /** A 17-joint pose: a vertical line of joints `height` px tall at x, scored by centre and heat. */
  const person = (x: number, height: number, centre: number, heat: number, shift = 0, moved = 17): Pose => {
    const joints = Array.from({ length: 17 }, (_, j) => ({ x: x + (j < moved ? shift : 0), y: (j * height) / 16 }));
    return {
      centre: { x, y: height / 2, score: centre },
      joints,
      jointScores: joints.map(() => centre * heat),
      score: centre * heat,
      heatScore: heat,
    };
  };

  it('scales the distance by each pose’s own keypoint-extent diagonal, not the image’s', () => {
    // Two small people 1 px apart: 5 % of a 10 px person is 0.5 px, so both stay…
    const small = [person(0, 10, 0.9, 0.5), person(1, 10, 0.8, 0.5)];
    expect(poseExtentDiagonal(small[0]!.joints)).toBeCloseTo(10, 12);
    expect(poseNms(small)).toHaveLength(2);
    // …although 5 % of a 1000 px image's diagonal (50 px) would merge them.
    expect(poseNms(small, 1000)).toHaveLength(1);
    // Two tall people 10 px apart: 5 % of 400 px is 20 px, so they are one.
    expect(poseNms([person(0, 400, 0.9, 0.5), person(10, 400, 0.8, 0.5)])).toHaveLength(1);
  });

  it('counts a duplicate only when more than 8 of 17 joints are near (NMS_NUM_THRE), 7 of 14', () => {
    expect(poseNmsMinJoints(17)).toBe(8);
    expect(poseNmsMinJoints(14)).toBe(7);
    // 9 joints moved far away leave 8 near: not a duplicate; 8 moved leave 9: a duplicate.
    expect(poseNms([person(0, 100, 0.9, 0.5), person(0, 100, 0.8, 0.5, 50, 9)])).toHaveLength(2);
    expect(poseNms([person(0, 100, 0.9, 0.5), person(0, 100, 0.8, 0.5, 50, 8)])).toHaveLength(1);
  });

  it('keeps the group’s pose with the best keypoint-heatmap score, whatever its centre score', () => {
    const first = person(0, 100, 0.9, 0.2);
    const better = person(1, 100, 0.5, 0.7);
    const kept = poseNms([first, better, person(2, 100, 0.4, 0.3)]);
    expect(kept).toEqual([better]);
  });

  it('with rankBy: score keeps the group’s best centre × heat score instead', () => {
    const first = person(0, 100, 0.9, 0.2);
    const better = person(1, 100, 0.5, 0.7);
    // Scores 0.18 and 0.35: the second still wins, now on its score.
    expect(poseNms([first, better], 'pose', { rankBy: 'score' })).toEqual([better]);
    const strongCentre = person(0, 100, 0.95, 0.6);
    expect(poseNms([strongCentre, better], 'pose', { rankBy: 'score' })).toEqual([strongCentre]);
    expect(poseNms([strongCentre, better])).toEqual([better]);
  });

  it('returns the kept poses highest score first', () => {
    const a = person(0, 20, 0.5, 0.5);
    const b = person(100, 20, 0.9, 0.9);
    expect(poseNms([a, b])).toEqual([b, a]);
  });
});
