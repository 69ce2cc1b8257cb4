import { describe, expect, it } from 'vitest';
import { cropTruth, labMeanError, labMetrics, type LabRow, type Point } from '../../../src/lib/index.ts';

// Two samples of 17 keypoints in a 192 × 256 input, heatmap stride 4.
const truthPoints = (n: number): Point[] =>
  Array.from({ length: 17 }, (_, j) => ({ x: 40 + 5 * j + n, y: 60 + 8 * j }));
const truths = [0, 1].map((n) => cropTruth(truthPoints(n), 192, 256));

/** Rows whose argmax point is the truth (heatmap px) moved by `dx` input px, score 0.8. */
function rows(dx: (n: number, j: number) => number): LabRow[] {
  return [0, 1].flatMap((n) =>
    truthPoints(n).map((p, j) => ({
      index: n * 17 + j,
      n,
      k: j,
      points: { argmax: { x: (p.x + dx(n, j)) / 4, y: p.y / 4, score: 0.8 } },
      spread: 0,
      errors: {},
    })),
  );
}

describe('labMetrics', () => {
  it('a perfect decoder: zero error, PCK 1, OKS 1, AP 1, named keypoints', () => {
    const [m] = labMetrics({ rows: rows(() => 0), k: 17, decoders: ['argmax'], truths, scale: { x: 4, y: 4 } });
    expect(m!.perKeypoint[0]).toEqual({ name: 'nose', meanError: 0, count: 2, pck05: 1, pck10: 1 });
    expect([m!.pck05, m!.pck10, m!.meanOks]).toEqual([1, 1, 1]);
    expect(m!.ap!.ap).toBeCloseTo(1, 12);
    expect(m!.meanScore).toBeCloseTo(0.8, 12);
  });

  it('errors in input pixels per keypoint; PCK against α·max(box side) = α·204.8', () => {
    // Keypoint 3 off by 12 px in sample 0 and 8 px in sample 1: mean 10; 0.05·204.8 = 10.24.
    const m = labMetrics({
      rows: rows((n, j) => (j === 3 ? (n === 0 ? 12 : 8) : 0)),
      k: 17,
      decoders: ['argmax'],
      truths,
      scale: { x: 4, y: 4 },
    })[0]!;
    expect(m.perKeypoint[3]!.meanError).toBeCloseTo(10, 12);
    expect(m.perKeypoint[3]!.pck05).toBe(0.5);
    expect(m.perKeypoint[3]!.pck10).toBe(1);
    expect(m.pck05).toBeCloseTo(1 - 0.5 / 17, 12);
  });

  it('a keypoint the decoder could not place counts as infinitely far for OKS, and not in the mean error', () => {
    const r = rows(() => 0);
    r[5]!.points.argmax = { x: Number.NaN, y: Number.NaN, score: Number.NaN };
    const m = labMetrics({ rows: r, k: 17, decoders: ['argmax'], truths, scale: { x: 4, y: 4 } })[0]!;
    // Sample 0 loses one of 17 similarities: OKS 16/17; sample 1 keeps 1.
    expect(m.meanOks).toBeCloseTo((16 / 17 + 1) / 2, 12);
    expect(m.perKeypoint[5]).toMatchObject({ meanError: 0, count: 1 });
  });

  it('leaves OKS and AP out without κ for a skeleton other than COCO-17', () => {
    const r = rows(() => 0).filter((row) => row.k < 5);
    const t = truths.map((tr) => cropTruth(tr.keypoints.slice(0, 5), 192, 256));
    const [m] = labMetrics({
      rows: r.map((row) => ({ ...row, index: row.n * 5 + row.k })),
      k: 5,
      decoders: ['argmax'],
      truths: t,
      scale: { x: 4, y: 4 },
    });
    expect(m!.meanOks).toBeUndefined();
    expect(m!.ap).toBeUndefined();
    expect(m!.perKeypoint.map((p) => p.name)).toEqual([
      'keypoint 0',
      'keypoint 1',
      'keypoint 2',
      'keypoint 3',
      'keypoint 4',
    ]);
  });
});

describe('labMeanError(metrics)', () => {
  it('weights each keypoint’s mean by its count and skips keypoints never labelled', () => {
    const perKeypoint = [
      { name: 'a', meanError: 1, count: 3, pck05: 1, pck10: 1 },
      { name: 'b', meanError: 5, count: 1, pck05: 0, pck10: 1 },
      { name: 'c', meanError: Number.NaN, count: 0, pck05: Number.NaN, pck10: Number.NaN },
    ];
    expect(labMeanError({ perKeypoint })).toBe((1 * 3 + 5 * 1) / 4);
    expect(labMeanError({ perKeypoint: perKeypoint.slice(2) })).toBeNaN();
  });
});
