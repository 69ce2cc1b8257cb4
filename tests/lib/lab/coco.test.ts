import { describe, expect, it } from 'vitest';
import {
  checkCocoSize,
  cocoApImages,
  cocoTruthInInput,
  COCO17_SIGMAS,
  keypointAp,
  parseCocoKeypoints,
  parseCocoResults,
} from '../../../src/lib/index.ts';
import { refusal } from './refusal.ts';

/** 17 keypoints spread over the box, all visible. */
const kps = (x0: number, y0: number): number[] => Array.from({ length: 17 }, (_, i) => [x0 + i, y0 + 2 * i, 2]).flat();

const gt = {
  images: [
    { id: 1, width: 640, height: 480, file_name: 'a.jpg' },
    { id: 2, width: 640, height: 480, file_name: 'b.jpg' },
  ],
  annotations: [
    {
      id: 10,
      image_id: 1,
      category_id: 1,
      keypoints: kps(100, 50),
      num_keypoints: 17,
      bbox: [95, 45, 30, 60],
      area: 1200,
      iscrowd: 0,
    },
    {
      id: 11,
      image_id: 2,
      category_id: 1,
      keypoints: kps(300, 200),
      num_keypoints: 17,
      bbox: [290, 190, 40, 80],
      area: 2000,
      iscrowd: 0,
    },
    { id: 12, image_id: 2, category_id: 1, bbox: [0, 0, 5, 5], area: 25, iscrowd: 1 },
  ],
  categories: [{ id: 1, name: 'person', keypoints: Array.from({ length: 17 }, (_, i) => `k${i}`) }],
};

describe('parseCocoKeypoints', () => {
  it('reads images, annotations with keypoints (those without are left out), boxes, areas and names', () => {
    const coco = parseCocoKeypoints(JSON.stringify(gt), 'gt.json');
    expect(coco.images.map((i) => i.fileName)).toEqual(['a.jpg', 'b.jpg']);
    expect(coco.annotations.map((a) => a.id)).toEqual([10, 11]);
    expect(coco.k).toBe(17);
    expect(coco.keypointNames[3]).toBe('k3');
    expect(coco.annotations[0]!.keypoints[2]).toEqual({ x: 102, y: 54 });
    expect(coco.annotations[0]!.visibility.every((v) => v === 2)).toBe(true);
  });

  it('names the entry that is wrong', () => {
    const bad = structuredClone(gt);
    (bad.annotations[1] as { keypoints: unknown[] }).keypoints[4] = 'seven';
    expect(refusal(() => parseCocoKeypoints(JSON.stringify(bad), 'gt.json'))).toBe(
      'gt.json: annotations[1].keypoints[4] is "seven", not a finite number',
    );
    const short = structuredClone(gt);
    short.annotations[1]!.keypoints = [1, 2, 2];
    expect(refusal(() => parseCocoKeypoints(JSON.stringify(short), 'gt.json'))).toMatch(
      /annotations\[1\] has 1 keypoints; the file's others have 17/,
    );
    expect(refusal(() => parseCocoKeypoints('{"images": []}', 'x.json'))).toMatch(/not a COCO keypoints file/);
  });

  it('refuses a file larger than the limit from its size', () => {
    expect(refusal(() => checkCocoSize('huge.json', 200 * 2 ** 20))).toMatch(/200 MiB is larger than the Lab reads/);
  });
});

describe('COCO results and AP', () => {
  it('perfect results score AP 1; a result moved far away costs its image', () => {
    const perfect = gt.annotations
      .slice(0, 2)
      .map((a) => ({ image_id: a.image_id, category_id: 1, keypoints: a.keypoints, score: 0.9 }));
    const coco = parseCocoKeypoints(JSON.stringify(gt), 'gt.json');
    const results = parseCocoResults(JSON.stringify(perfect), 'res.json');
    expect(results[0]!.keypointScores[0]).toBe(2);
    expect(keypointAp(cocoApImages(coco, results), COCO17_SIGMAS).ap).toBeCloseTo(1, 12);
    // Second result 500 px off: one TP (score 0.9) then one FP (0.5) → recall stops at 0.5.
    const off = [perfect[0]!, { ...perfect[1]!, keypoints: kps(800, 700), score: 0.5 }];
    const r = keypointAp(cocoApImages(coco, parseCocoResults(JSON.stringify(off), 'res.json')), COCO17_SIGMAS);
    expect(r.ap).toBeCloseTo(51 / 101, 12);
  });

  it('a result on an image with no annotation is a false positive', () => {
    const coco = parseCocoKeypoints(JSON.stringify({ ...gt, images: [...gt.images, { id: 3 }] }), 'gt.json');
    const results = [
      ...gt.annotations.slice(0, 2).map((a) => ({ image_id: a.image_id, keypoints: a.keypoints, score: 0.5 })),
      { image_id: 3, keypoints: kps(0, 0), score: 0.9 },
    ];
    // FP first, then two TPs: precision [0, .5, 2/3] → monotone [2/3, 2/3, 2/3]: AP = 2/3.
    expect(
      keypointAp(cocoApImages(coco, parseCocoResults(JSON.stringify(results), 'r.json')), COCO17_SIGMAS).ap,
    ).toBeCloseTo((2 / 3) * (1 / (1 + Number.EPSILON)), 10);
  });
});

describe('cocoTruthInInput: an annotation in its top-down crop', () => {
  it('maps the box centre to the crop centre (stride) and to (w-1)/2 (UDP), scaling the area', () => {
    // Box [10, 20, 30, 60] in a 192 × 256 input: centre (25, 50), crop 56.25 × 75.
    const a = {
      id: 1,
      imageId: 1,
      categoryId: 1,
      keypoints: [{ x: 25, y: 50 }],
      visibility: [2],
      numKeypoints: 1,
      bbox: [10, 20, 30, 60] as [number, number, number, number],
      area: 1000,
      iscrowd: false,
    };
    const stride = cocoTruthInInput(a, 192, 256, 'stride');
    expect(stride.truth.keypoints[0]).toEqual({ x: 96, y: 128 });
    // 192/56.25 = 3.4133 per image pixel in x, 256/75 in y.
    expect(stride.truth.area).toBeCloseTo(1000 * (192 / 56.25) * (256 / 75), 9);
    expect(stride.truth.bbox[2]).toBeCloseTo(30 * (192 / 56.25), 9);
    const udp = cocoTruthInInput(a, 192, 256, 'udp');
    expect(udp.truth.keypoints[0]!.x).toBeCloseTo(95.5, 12);
    expect(udp.truth.keypoints[0]!.y).toBeCloseTo(127.5, 12);
  });
});
