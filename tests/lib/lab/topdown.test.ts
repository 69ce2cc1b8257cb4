/** MMPose's top-down pairing of a COCO file with a dump's samples (issue 27 item 2). */
import { describe, expect, it } from 'vitest';
import {
  describeTopdownPairing,
  mmposeTopdownInstances,
  pairTruth,
  parseCocoKeypoints,
  type Point,
} from '../../../src/lib/index.ts';

const kps = (x: number, y: number, v = 2) => [x, y, v, x + 5, y + 5, v];
const annotation = (id: number, imageId: number, extra: Record<string, unknown> = {}) => ({
  id,
  image_id: imageId,
  keypoints: kps(100 + id, 50),
  num_keypoints: 2,
  bbox: [90, 40, 40, 30],
  area: 900,
  iscrowd: 0,
  ...extra,
});
const file = (
  annotations: unknown[],
  images = [
    { id: 2, width: 200, height: 100 },
    { id: 1, width: 200, height: 100 },
  ],
) => parseCocoKeypoints(JSON.stringify({ images, annotations, categories: [{ id: 1 }] }), 'gt.json');

describe('mmposeTopdownInstances', () => {
  it("goes image by image in the file's order, each image's annotations in the file's order", () => {
    const coco = file([annotation(1, 1), annotation(2, 2), annotation(3, 1), annotation(4, 2)]);
    expect(mmposeTopdownInstances(coco).instances.map((i) => i.id)).toEqual([2, 4, 1, 3]);
  });

  it('drops crowds, num_keypoints 0, boxes empty once clipped, keypoints at 0 and annotations on unlisted images', () => {
    const coco = file([
      annotation(1, 1, { iscrowd: 1 }),
      annotation(2, 1, { num_keypoints: 0 }),
      annotation(3, 1, { bbox: [250, 10, 30, 30] }), // wholly right of a 200 px image: clipped to zero width
      annotation(4, 1, { keypoints: kps(0, 0, 2).map((v, i) => (i % 3 === 2 ? v : -v)) }),
      annotation(5, 9),
      annotation(6, 1),
    ]);
    const pairing = mmposeTopdownInstances(coco);
    expect(pairing.instances.map((i) => i.id)).toEqual([6]);
    expect(pairing.dropped).toEqual({ image: 1, crowd: 1, noKeypoints: 1, emptyBox: 1, keypointsAtZero: 1 });
    expect(describeTopdownPairing(pairing, 6)).toBe(
      "MMPose's top-down order keeps 1 of 6 annotations (dropped: 1 on an image the file does not list, 1 with iscrowd set, 1 with num_keypoints 0, 1 whose box is empty once clipped to the image, 1 whose keypoints all lie at or below 0)",
    );
  });

  it('clips the box to the image as parse_data_info does, x2 = clip(x + w, 0, W − 1), stored as float32', () => {
    const coco = file([annotation(1, 1, { bbox: [-10.3, 80.1, 250, 40] })]);
    const [instance] = mmposeTopdownInstances(coco).instances;
    expect(instance!.bbox).toEqual([0, Math.fround(80.1), 199, Math.fround(99 - Math.fround(80.1))]);
  });

  it('pairs a dump of 1 sample with the one instance left, and says what it dropped', () => {
    const coco = file([annotation(1, 1, { iscrowd: 1 }), annotation(2, 1)]);
    const units = { toInput: (p: Point) => p, toRows: (p: Point) => p, fromFile: (p: Point[]) => p };
    const paired = pairTruth(
      [{ name: 'gt.json', file: { kind: 'coco', coco } }],
      { n: 1, k: 2, inputW: 48, inputH: 64, mapping: 'stride' },
      units,
    );
    expect(paired.truth?.instances?.map((i) => i.id)).toEqual([2]);
    expect(paired.messages).toEqual([
      "gt.json: MMPose's top-down order keeps 1 of 2 annotations (dropped: 1 with iscrowd set).",
    ]);
  });
});
