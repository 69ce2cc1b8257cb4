/** Hostile ground truth gets the reader's own message (issue 16 item 3), and COCO files are recognised. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkGroundTruthSize,
  cropTruth,
  GROUND_TRUTH_LIMITS,
  groundTruthInHeatmap,
  LabInputError,
  parseGroundTruth,
  readGroundTruth,
} from '../../../src/lib/index.ts';
import { refusal } from './refusal.ts';

describe('hostile ground-truth files', () => {
  it('a JSON file nested 5,000 deep gets the reader’s message, not a RangeError', () => {
    const deep = `${'['.repeat(5000)}[1,2]${']'.repeat(5000)}`;
    expect(deep.length).toBeGreaterThan(10_000);
    expect(refusal(() => parseGroundTruth(deep, 'deep.json', 17))).toMatch(
      /^deep\.json: \[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\] nests arrays more than 8 deep/,
    );
  });

  it('so does one nested 200,000 deep', () => {
    const deeper = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(refusal(() => parseGroundTruth(deeper, 'deeper.json', 17))).toMatch(/nests arrays more than 8 deep/);
  });

  it('a 64 MB CSV of 8,000,000 points is refused from its size, before parsing', () => {
    const bytes = 64 * 2 ** 20;
    expect(refusal(() => checkGroundTruthSize('big.csv', bytes))).toBe(
      'big.csv: 64 MiB is larger than the Lab reads for ground truth (32 MiB)',
    );
    // The same refusal from the text itself: '1.5,2\n' × 8,000,000 is 48 MB; pad it to 64 MiB.
    const text = '12.25,7.5\n'.repeat(bytes / 10);
    expect(refusal(() => parseGroundTruth(text, 'big.csv', 68))).toMatch(/^big\.csv: 64 MiB is larger/);
  });

  it('a CSV under the size limit with more rows than any stack has maps is refused by counting lines', () => {
    const text = '1,2\n'.repeat(GROUND_TRUTH_LIMITS.maxPoints + 5);
    expect(refusal(() => parseGroundTruth(text, 'rows.csv', 68))).toMatch(/more than 65,536 points/);
  });

  it('an empty file is refused', () => {
    expect(refusal(() => checkGroundTruthSize('e.csv', 0))).toBe('e.csv: the file is empty');
    expect(refusal(() => parseGroundTruth('', 'e.csv', 1))).toBe('e.csv: the file is empty');
  });

  it('a message quotes a bad value briefly, whatever its size or depth', () => {
    const message = refusal(() => parseGroundTruth(JSON.stringify([[1, 2], 'x'.repeat(10_000)]), 'g.json', 2));
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/\[1\] is "xxx/);
  });

  it('throws nothing but LabInputError on random nested JSON and text (property)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.double(),
        fc.constant(null),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('x', 'y', 'keypoints', 'annotations', 'image_id', 'score'), tie('value'), {
          maxKeys: 3,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 20 }), (value, expected) => {
        try {
          readGroundTruth(JSON.stringify(value) ?? 'null', 'f.json', expected);
        } catch (error) {
          return error instanceof LabInputError;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          readGroundTruth(text, 'f.csv', 3);
        } catch (error) {
          return error instanceof LabInputError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('readGroundTruth recognises what it is given', () => {
  it('per-map points, from JSON or CSV', () => {
    expect(readGroundTruth('[[1, 2], [3, 4]]', 'g.json', 2)).toEqual({
      kind: 'points',
      points: [
        { x: 1, y: 2 },
        { x: 3, y: 4 },
      ],
    });
    expect(readGroundTruth('x,y\n1,2\n3,4\n', 'g.csv', 2).kind).toBe('points');
  });

  it('a whole COCO keypoints file and a COCO results list, which parseGroundTruth points elsewhere', () => {
    const coco = JSON.stringify({
      images: [{ id: 1 }],
      annotations: [{ id: 7, image_id: 1, keypoints: [1, 2, 2, 3, 4, 0], bbox: [0, 0, 10, 10], area: 50 }],
    });
    expect(readGroundTruth(coco, 'gt.json', 2).kind).toBe('coco');
    expect(refusal(() => parseGroundTruth(coco, 'gt.json', 2))).toMatch(/a whole COCO keypoints file \(1 annotations/);
    const results = JSON.stringify([{ image_id: 1, category_id: 1, keypoints: [1, 2, 0.9, 3, 4, 0.8], score: 0.7 }]);
    expect(readGroundTruth(results, 'res.json', 2).kind).toBe('cocoResults');
  });
});

describe('ground truth frames', () => {
  it('input pixels to heatmap pixels under the stride and the UDP mapping', () => {
    const p = [{ x: 191, y: 255 }];
    expect(groundTruthInHeatmap(p, 'input', 4)).toEqual([{ x: 47.75, y: 63.75 }]);
    expect(groundTruthInHeatmap(p, 'input', 4, { mapping: 'udp', heatmapW: 48, heatmapH: 64 })).toEqual([
      { x: 47, y: 63 },
    ]);
  });

  it('cropTruth assumes the crop without its 1.25 padding as the box', () => {
    const t = cropTruth(
      [
        { x: 10, y: 20 },
        { x: Number.NaN, y: 0 },
      ],
      200,
      250,
    );
    expect(t.bbox).toEqual([20, 25, 160, 200]);
    expect(t.area).toBe(160 * 200);
    expect(t.visibility).toEqual([2, 0]);
  });
});

describe('unlabelled points (issue 27 item 1)', () => {
  const isUnlabelled = (p: { x: number; y: number }) => Number.isNaN(p.x) && Number.isNaN(p.y);

  it('[x, y, v] with v = 0 is unlabelled, whatever x and y hold; v = 1 and v = 2 are labelled', () => {
    const points = parseGroundTruth(
      JSON.stringify([
        [0, 0, 0],
        [10, 20, 1],
        [30, 40, 2],
        [5, 6, 0],
      ]),
      'v.json',
      4,
    );
    expect(points.map(isUnlabelled)).toEqual([true, false, false, true]);
    expect(points[1]).toEqual({ x: 10, y: 20 });
    expect(points[2]).toEqual({ x: 30, y: 40 });
  });

  it("COCO's flat list reads its visibilities too", () => {
    const points = parseGroundTruth(JSON.stringify([12, 13, 2, 0, 0, 0]), 'flat.json', 2);
    expect(points[0]).toEqual({ x: 12, y: 13 });
    expect(isUnlabelled(points[1]!)).toBe(true);
  });

  it('null marks an unlabelled point, as a whole point, as a coordinate or in {x, y}', () => {
    const text = JSON.stringify([
      [[1, 2], null],
      [[null, 4], { x: null, y: 5 }],
      [
        { x: 7, y: 8, v: 0 },
        { x: 9, y: 10 },
      ],
    ]);
    const points = parseGroundTruth(text, 'null.json', 6);
    expect(points.map(isUnlabelled)).toEqual([false, true, true, true, true, false]);
    expect(points[5]).toEqual({ x: 9, y: 10 });
  });

  it('a null document, or a string coordinate, is still refused', () => {
    expect(refusal(() => parseGroundTruth('{"keypoints": null}', 'n.json', 1))).toMatch(/the top level is null/);
    expect(refusal(() => parseGroundTruth(JSON.stringify([{ x: '1', y: 2 }]), 's.json', 1))).toMatch(
      /neither a number nor null/,
    );
  });

  it('CSV: a v or visibility column, and empty or NaN cells, mark unlabelled points', () => {
    const withV = parseGroundTruth('x,y,v\n1,2,2\n0,0,0\n3,4,1\n', 'v.csv', 3);
    expect(withV.map(isUnlabelled)).toEqual([false, true, false]);
    const empty = parseGroundTruth('x,y\n1,2\n,\nNaN,nan\n', 'e.csv', 3);
    expect(empty.map(isUnlabelled)).toEqual([false, true, true]);
    // Without a header a third column is not read: it may be a score.
    expect(parseGroundTruth('1,2,0\n', 's.csv', 1)).toEqual([{ x: 1, y: 2 }]);
    expect(refusal(() => parseGroundTruth('x,y\n1,abc\n', 'b.csv', 1))).toMatch(/row 1 \(1, abc\) has no numeric x/);
  });

  it('an unlabelled point counts in no error, and a box-less truth marks it visibility 0', () => {
    const t = cropTruth(
      [
        { x: 10, y: 10 },
        { x: Number.NaN, y: Number.NaN },
      ],
      192,
      256,
    );
    expect(t.visibility).toEqual([2, 0]);
  });
});

describe('a binary file given as ground truth (issue 27 item 9)', () => {
  it('is refused in a sentence, without its bytes', () => {
    const bytes = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0x00, 0xff, 0xfe]);
    const message = refusal(() => parseGroundTruth(new TextDecoder().decode(bytes), 'maps.npy', 17));
    expect(message).toBe(
      "maps.npy: not a text file (it holds binary data); the ground truth is JSON or CSV points, a COCO keypoints or results file, or a detector's boxes",
    );
  });
});
