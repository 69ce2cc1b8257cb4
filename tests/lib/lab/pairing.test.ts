/** Pairing the Lab's ground-truth files with its samples, on cases worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  cocoTruthInInput,
  pairTruth,
  parseCocoKeypoints,
  type ReadTruthFile,
  type TruthUnits,
} from '../../../src/lib/index.ts';

/** Rows in input pixels halved (heatmap px at stride 2); a points file already in rows' units. */
const units: TruthUnits = {
  toInput: (p) => ({ x: 2 * p.x, y: 2 * p.y }),
  toRows: (p) => ({ x: p.x / 2, y: p.y / 2 }),
  fromFile: (points) => points,
};
const geometry = { n: 2, k: 2, inputW: 100, inputH: 80, mapping: 'stride' as const };
const points = (name: string, list: [number, number][]): ReadTruthFile => ({
  name,
  file: { kind: 'points', points: list.map(([x, y]) => ({ x, y })) },
});

describe('pairTruth(files, geometry, units)', () => {
  it('a points file: one point per map, each sample boxed by the crop without its 1.25 padding', () => {
    const paired = pairTruth(
      [
        points('gt.json', [
          [10, 20],
          [30, 5],
          [1, 2],
          [Number.NaN, 0],
        ]),
      ],
      geometry,
      units,
    );
    expect(paired.messages).toEqual([]);
    expect(paired.truth?.kind).toBe('points');
    expect(paired.truth?.perMap).toEqual([
      { x: 10, y: 20 },
      { x: 30, y: 5 },
      { x: 1, y: 2 },
      { x: Number.NaN, y: 0 },
    ]);
    // The crop is 100 × 80 input px; the box 100/1.25 × 80/1.25 = 80 × 64, centred.
    const [first, second] = paired.truth?.perSample ?? [];
    expect(first).toEqual({
      keypoints: [
        { x: 20, y: 40 },
        { x: 60, y: 10 },
      ],
      visibility: [2, 2],
      area: 80 * 64,
      bbox: [10, 8, 80, 64],
    });
    expect(second?.visibility).toEqual([2, 0]);
  });

  it('one ground truth at a time: the first is used, the others are named in a message; errors pass through', () => {
    const paired = pairTruth(
      [
        { name: 'broken.csv', error: 'broken.csv: row 2 has no numeric x and y' },
        points('a.json', [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
        points('b.json', [
          [0, 0],
          [1, 1],
          [2, 2],
          [3, 3],
        ]),
      ],
      geometry,
      units,
    );
    expect(paired.truth?.source).toBe('a.json');
    expect(paired.messages).toEqual([
      'broken.csv: row 2 has no numeric x and y',
      'b.json: one ground truth at a time; a.json is used',
    ]);
  });

  it('a COCO results list is kept to score, beside or without a ground truth', () => {
    const list = [{ imageId: 1, categoryId: 1, keypoints: [], keypointScores: [], score: 0.5 }];
    const paired = pairTruth([{ name: 'res.json', file: { kind: 'cocoResults', results: list } }], geometry, units);
    expect(paired.results).toEqual({ source: 'res.json', list });
    expect(paired.truth).toBeUndefined();
  });

  const kps = (x: number, y: number) => [x, y, 2, x + 4, y + 6, 0];
  const coco = (annotations: number) =>
    parseCocoKeypoints(
      JSON.stringify({
        images: [{ id: 1 }, { id: 2 }, { id: 3 }],
        annotations: Array.from({ length: annotations }, (_, i) => ({
          id: i + 1,
          image_id: i + 1,
          keypoints: kps(100 + 10 * i, 50),
          bbox: [90 + 10 * i, 40, 40, 30],
          area: 900,
        })),
        categories: [{ id: 1, keypoints: ['head', 'tail'] }],
      }),
      'gt.json',
    );

  it('a COCO file: sample n is the n-th annotation in its crop; unlabelled keypoints have no point; its names', () => {
    const file = coco(2);
    const paired = pairTruth([{ name: 'gt.json', file: { kind: 'coco', coco: file } }], geometry, units);
    expect(paired.messages).toEqual([]);
    const truths = file.annotations.map((a) => cocoTruthInInput(a, 100, 80, 'stride').truth);
    expect(paired.truth?.perSample).toEqual(truths);
    expect(paired.truth?.perMap).toEqual([
      units.toRows(truths[0]!.keypoints[0]!),
      { x: Number.NaN, y: Number.NaN },
      units.toRows(truths[1]!.keypoints[0]!),
      { x: Number.NaN, y: Number.NaN },
    ]);
    expect(paired.truth?.names).toEqual(['head', 'tail']);
  });

  it('a COCO file that does not fit the samples is refused with a message saying why', () => {
    const three = pairTruth([{ name: 'gt.json', file: { kind: 'coco', coco: coco(3) } }], geometry, units);
    expect(three.truth).toBeUndefined();
    expect(three.messages).toEqual([
      "gt.json: MMPose's top-down order keeps 3 of 3 annotations; 3 images have no width or height, so their boxes are not clipped as MMPose clips them, but the input holds 2 samples. The Lab pairs sample n with the n-th of them, as a dump of MMPose's test (with ground-truth boxes) is ordered, so the counts must match.",
    ]);
    const one = pairTruth([{ name: 'gt.json', file: { kind: 'coco', coco: coco(1) } }], { ...geometry, n: 1 }, units);
    expect(one.messages).toEqual([]);
    const wide = pairTruth([{ name: 'gt.json', file: { kind: 'coco', coco: coco(2) } }], { ...geometry, k: 3 }, units);
    expect(wide.messages).toEqual(['gt.json: its annotations have 2 keypoints, but the input has 3 per sample']);
  });
});
