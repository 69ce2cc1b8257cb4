/**
 * MMPose's CocoMetric against its own code: tests/fixtures/cocometric/cases.json holds COCO files,
 * top-down predictions as MMPose's test loop hands them to `CocoMetric.process`, the results file
 * `compute_metrics` dumped (rescored, after OKS-NMS) and its ten statistics, written by
 * scripts/cocometric-goldens.py from MMPose and cocoapi snapshots (see the README there). The
 * results agree entry by entry (scores to float32, as MMPose computes them), the statistics to 1e-9.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COCO17_SIGMAS,
  COCO_EVAL_STAT_NAMES,
  cocoKeypointsFromJson,
  cocoDetectionsFromJson,
  cocoMetric,
  mmposeDetectionInstances,
  type CocoMetricInstance,
} from '../../../src/lib/index.ts';

interface Instance {
  id: number;
  img_id: number;
  category_id: number;
  keypoints: [number, number][];
  keypoint_scores: number[];
  bbox: [number, number, number, number];
  bbox_score: number;
  bbox_scale: [number, number];
}
interface Result {
  image_id: number;
  category_id: number;
  keypoints: number[];
  score: number;
  bbox: number[];
}
interface Case {
  name: string;
  gt: unknown;
  /** Detected-box cases: the detector's file, the threshold, and the samples MMPose's dataset made of it. */
  detections?: unknown;
  bboxScoreThr?: number | null;
  dataList?: { id: number; img_id: number; bbox: [number, number, number, number]; bbox_score: number }[];
  instances: Instance[];
  results: Result[];
  stats: number[];
  statNames: string[];
}
const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/cocometric/cases.json'), 'utf8')) as {
  mmpose: { commit: string };
  cases: Case[];
};
const f32 = Math.fround;

/** A data sample as MMPose's metric reads it: the box as xyxy, turned into xywh; the area as bbox_scales w·h. */
const instanceOf = (i: Instance): CocoMetricInstance => ({
  id: i.id,
  imageId: i.img_id,
  categoryId: i.category_id,
  keypoints: i.keypoints.map(([x, y]) => ({ x, y })),
  keypointScores: i.keypoint_scores,
  bbox: [i.bbox[0], i.bbox[1], f32(i.bbox[2] - i.bbox[0]), f32(i.bbox[3] - i.bbox[1])],
  bboxScore: i.bbox_score,
  area: f32(i.bbox_scale[0] * i.bbox_scale[1]),
});

describe(`cocoMetric against MMPose ${fixture.mmpose.commit.slice(0, 7)}'s CocoMetric`, () => {
  it('the fixture has cases where OKS-NMS and duplicate ids drop instances', () => {
    expect(fixture.cases.some((c) => c.results.length < c.instances.length)).toBe(true);
    expect(fixture.cases[0]!.statNames).toEqual([
      'AP',
      'AP .5',
      'AP .75',
      'AP (M)',
      'AP (L)',
      'AR',
      'AR .5',
      'AR .75',
      'AR (M)',
      'AR (L)',
    ]);
  });

  it('the fixture has detected-box cases that drop other categories, and one that filters by box score', () => {
    const detected = fixture.cases.filter((c) => c.detections);
    expect(detected.length).toBeGreaterThanOrEqual(2);
    for (const c of detected) {
      expect(c.dataList!.length).toBeLessThan((c.detections as unknown[]).length);
    }
    expect(detected.some((c) => typeof c.bboxScoreThr === 'number' && c.bboxScoreThr > 0)).toBe(true);
  });

  for (const c of fixture.cases.filter((c) => c.detections)) {
    it(`${c.name}: the samples are those of MMPose's dataset (_load_detection_results, filter_data)`, () => {
      const coco = cocoKeypointsFromJson(c.gt, 'gt.json');
      const { instances } = mmposeDetectionInstances(
        coco,
        cocoDetectionsFromJson(c.detections, 'det.json'),
        c.bboxScoreThr ?? 0,
      );
      expect(
        instances.map((i) => ({
          id: i.id,
          img_id: i.imageId,
          bbox: [i.bbox[0], i.bbox[1], f32(i.bbox[0] + i.bbox[2]), f32(i.bbox[1] + i.bbox[3])],
          bbox_score: i.bboxScore,
        })),
      ).toEqual(c.dataList);
    });
  }

  for (const c of fixture.cases) {
    it(c.name, () => {
      const coco = cocoKeypointsFromJson(c.gt, 'gt.json');
      const { evaluation, results } = cocoMetric(coco, c.instances.map(instanceOf), { sigmas: COCO17_SIGMAS });
      expect(
        results.map((r) => ({
          image_id: r.imageId,
          category_id: r.categoryId,
          keypoints: r.keypoints.flatMap((p, j) => [p.x, p.y, r.keypointScores![j]!]),
          score: r.score,
          bbox: [...r.bbox!],
        })),
      ).toEqual(c.results.map((r) => ({ ...r, bbox: r.bbox })));
      COCO_EVAL_STAT_NAMES.forEach((name, i) => {
        expect(Math.abs(evaluation.stats[name] - c.stats[i]!), `${name}`).toBeLessThan(1e-9);
      });
    });
  }
});
