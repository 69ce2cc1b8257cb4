/** A COCO results list scored against its ground truth with no heatmaps loaded (issue 27 item 8). */
import { describe, expect, it } from 'vitest';
import { labResultsAlone, readGroundTruth, type ReadTruthFile } from '../../../src/lib/index.ts';

const kps = Array.from({ length: 17 }, (_, i) => [100 + 3 * i, 50 + 5 * i, 2]).flat();
const gt = {
  images: [{ id: 1 }, { id: 2 }],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, keypoints: kps, num_keypoints: 17, bbox: [90, 40, 70, 100], area: 5000 },
  ],
  categories: [{ id: 1 }],
};
const read = (name: string, value: unknown): ReadTruthFile => ({
  name,
  file: readGroundTruth(JSON.stringify(value), name, Number.NaN),
});

describe('labResultsAlone(files)', () => {
  it('scores the list with COCOeval: one exact result and one false positive on the other image', () => {
    const results = [
      { image_id: 1, category_id: 1, keypoints: kps, score: 0.5 },
      { image_id: 2, category_id: 1, keypoints: kps, score: 0.9 },
    ];
    const result = labResultsAlone([read('gt.json', gt), read('results.json', results)]);
    expect(result?.rows).toEqual([]);
    expect(result?.truth).toEqual({ kind: 'coco', source: 'gt.json' });
    // The false positive ranks first: precision 1/2 at every recall.
    expect(result?.results?.stats.ap).toBeCloseTo(0.5, 9);
    expect(result?.results?.stats.ar).toBeCloseTo(1, 9);
    expect(result?.messages).toEqual([]);
  });

  it('says what is missing, and waits for heatmaps when there is no results list', () => {
    const results = [{ image_id: 1, category_id: 1, keypoints: kps, score: 0.5 }];
    expect(labResultsAlone([read('results.json', results)])?.messages).toEqual([
      'results.json: a COCO results list is scored against the COCO keypoints file it was made for; load that too',
    ]);
    expect(labResultsAlone([read('gt.json', gt)])).toBeUndefined();
    const stray = [{ image_id: 7, category_id: 1, keypoints: kps, score: 0.5 }];
    expect(labResultsAlone([read('gt.json', gt), read('r.json', stray)])?.messages[0]).toMatch(
      /^r\.json: result 0 is on image 7, which the ground truth does not list/,
    );
    const points = { name: 'p.json', file: readGroundTruth('[[1, 2], [3, 4]]', 'p.json', Number.NaN) };
    expect(labResultsAlone([points, read('gt.json', gt), read('results.json', results)])?.notes).toEqual([
      'p.json: points are compared with decoded heatmaps; load the heatmaps to use them.',
    ]);
  });
});
