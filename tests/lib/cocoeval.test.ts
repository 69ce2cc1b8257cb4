/** COCO keypoint evaluation on hand-worked cases (pycocotools' own numbers: cocoeval.golden.test.ts). */
import { describe, expect, it } from 'vitest';
import { CocoEvalError, cocoEvaluate, type CocoEvalInput, type CocoEvalTruth } from '../../src/lib/index.ts';

const sigmas = [0.1, 0.1];
const truth = (id: number, imageId: number, area: number, extra: Partial<CocoEvalTruth> = {}): CocoEvalTruth => ({
  id,
  imageId,
  categoryId: 1,
  keypoints: [
    { x: 10, y: 10 },
    { x: 20, y: 30 },
  ],
  visibility: [2, 2],
  numKeypoints: 2,
  bbox: [5, 5, 20, 30],
  area,
  iscrowd: false,
  ...extra,
});
const at = (imageId: number, score: number, dx = 0) => ({
  imageId,
  categoryId: 1,
  keypoints: [
    { x: 10 + dx, y: 10 },
    { x: 20 + dx, y: 30 },
  ],
  score,
});
const input = (over: Partial<CocoEvalInput>): CocoEvalInput => ({
  imageIds: [1, 2],
  categoryIds: [1],
  truths: [],
  results: [],
  sigmas,
  ...over,
});

describe('cocoEvaluate', () => {
  it('exact results for two medium people: every AP and AR is 1, large has no one (−1)', () => {
    const { stats, truths, results } = cocoEvaluate(
      input({ truths: [truth(1, 1, 2000), truth(2, 2, 2000)], results: [at(1, 0.9), at(2, 0.8)] }),
    );
    for (const name of ['ap', 'ap50', 'ap75', 'apm', 'ar', 'arm'] as const) expect(stats[name]).toBeCloseTo(1, 12);
    expect(stats.apl).toBe(-1);
    expect(stats.arl).toBe(-1);
    expect([truths, results]).toEqual([2, 2]);
  });

  it('a false positive scored above the only true one halves precision at every recall: AP 0.5', () => {
    // OKS of a result 3 px off on area 2000 with κ = 0.2: exp(−9 / (2 · 2000 · 0.04)) ≈ 0.946 (≥ 0.5 … 0.9).
    const { stats } = cocoEvaluate(input({ truths: [truth(1, 1, 2000)], results: [at(2, 0.9), at(1, 0.5, 3)] }));
    expect(stats.ap50).toBeCloseTo(0.5, 12);
    expect(stats.ar50).toBe(1);
    // At OKS 0.95 the 3 px result no longer matches.
    expect(stats.ar).toBeCloseTo(0.9, 12);
  });

  it('ignores crowds and people with num_keypoints 0: only the third person counts', () => {
    const { truths, stats } = cocoEvaluate(
      input({
        truths: [truth(1, 1, 2000, { iscrowd: true }), truth(2, 1, 2000, { numKeypoints: 0 }), truth(3, 2, 2000)],
        results: [at(2, 0.9)],
      }),
    );
    expect(truths).toBe(1);
    // Precision is tp / (tp + fp + np.spacing(1)): a hair under 1.
    expect(stats.ap).toBeCloseTo(1, 12);
  });

  it('with no results, AP and AR are 0 (pycocotools itself fails on an empty list)', () => {
    const { stats } = cocoEvaluate(input({ truths: [truth(1, 1, 2000)] }));
    expect(stats.ap).toBe(0);
    expect(stats.ar).toBe(0);
  });

  it('refuses results on images the ground truth does not list, and duplicate annotation ids', () => {
    expect(() => cocoEvaluate(input({ truths: [truth(1, 1, 2000)], results: [at(9, 0.5)] }))).toThrow(
      /result 0 is on image 9, which the ground truth does not list/,
    );
    expect(() => cocoEvaluate(input({ truths: [truth(1, 1, 2000), truth(1, 2, 2000)] }))).toThrow(CocoEvalError);
    expect(() => cocoEvaluate(input({ sigmas: [] }))).toThrow(/no keypoint σ/);
  });

  it('says when a file has an annotation id of 0, no categories, or more than maxDets results on an image', () => {
    const many = Array.from({ length: 21 }, (_, i) => at(1, i / 21));
    const { notes } = cocoEvaluate(input({ truths: [truth(0, 1, 2000)], results: many }));
    expect(notes.join(' ')).toMatch(/id 0/);
    expect(notes.join(' ')).toMatch(/1 image has more than 20 results/);
    expect(cocoEvaluate(input({ categoryIds: [] })).notes.join(' ')).toMatch(/no categories/);
  });
});
