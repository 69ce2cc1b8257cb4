import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFileSize,
  decodeLabStack,
  decodeMap,
  DECODER_IDS,
  groundTruthInHeatmap,
  LAB_LIMITS,
  LAB_SAMPLE,
  labCsv,
  labJson,
  LabInputError,
  makeLabSample,
  mostDisagreement,
  parseGroundTruth,
  parseNpy,
  scanNonFinite,
  stackFromImages,
  stackFromJson,
  stackFromNpy,
  summarizeLab,
  writeNpy,
  type LabSettings,
  type LabStack,
} from '../../../src/lib/index.ts';
import { refusal } from './refusal.ts';
import { expectClose } from '../approx.ts';
import { loadBytes, manifest } from '../fixtures.ts';
import { npyFile } from '../../npy-file.ts';

const settings = (patch: Partial<LabSettings> = {}): LabSettings => ({
  decoders: [...DECODER_IDS],
  kernel: 11,
  beta: 1,
  stride: 4,
  ...patch,
});

describe('Lab inputs: .npy', () => {
  const fixture = manifest.heatmapDecoding[0]!;

  it('decodes a golden fixture to the reference argmax and DARK through the Lab path', () => {
    const stack = stackFromNpy(loadBytes(fixture.file), 'fixture.npy');
    expect([stack.n, stack.k, stack.h, stack.w]).toEqual([1, ...fixture.shape]);
    const rows = decodeLabStack(stack, settings({ decoders: ['argmax', 'dark'], stride: 1 }));
    rows.forEach((r, k) => {
      expect([r.points.argmax!.x, r.points.argmax!.y]).toEqual(fixture.expected.argmax[k]!.slice(0, 2));
      expectClose(r.points.dark!.x, fixture.expected.dark['11']![k]![0]!, 1e-4);
      expectClose(r.points.dark!.y, fixture.expected.dark['11']![k]![1]!, 1e-4);
    });
  });

  it('reads [N, K, H, W] in either byte order and Fortran order, and float16', () => {
    const values = Float32Array.from({ length: 2 * 3 * 4 * 5 }, (_, i) => i / 7);
    // [2, 3, 4, 5] could also be 5 maps of 3 × 4, channels last: the layout is chosen.
    const first = { layout: 'channelsFirst' } as const;
    const c = stackFromNpy(writeNpy(values, [2, 3, 4, 5]), 'c.npy', first);
    expect([c.n, c.k, c.h, c.w]).toEqual([2, 3, 4, 5]);
    expect(Array.from(c.data)).toEqual(Array.from(values));
    // Big-endian float64, Fortran order: element (a, b, y, x) is stored with a varying fastest.
    const be = new Uint8Array(values.length * 8);
    const view = new DataView(be.buffer);
    let j = 0;
    for (let x = 0; x < 5; x++)
      for (let y = 0; y < 4; y++)
        for (let b = 0; b < 3; b++)
          for (let a = 0; a < 2; a++) view.setFloat64(8 * j++, values[((a * 3 + b) * 4 + y) * 5 + x]!, false);
    const f = stackFromNpy(
      npyFile("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3, 4, 5), }", be),
      'f.npy',
      first,
    );
    expect(Array.from(f.data)).toEqual(Array.from(values));
    const half = new Uint8Array(3 * 3 * 3 * 2);
    new DataView(half.buffer).setUint16(0, 0x3c00, true); // 1.0
    const h = stackFromNpy(
      npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (3, 3, 3), }", half),
      'h.npy',
      first,
    );
    expect(h.data[0]).toBe(1);
  });

  it('says what is wrong with a bad file, and what it expected', () => {
    expect(refusal(() => stackFromNpy(new TextEncoder().encode('PK\u0003\u0004 a zip'), 'a.npy'))).toMatch(
      /^a\.npy: not a \.npy file.*magic/,
    );
    const good = writeNpy(new Float32Array(27), [3, 3, 3]);
    expect(refusal(() => stackFromNpy(good.subarray(0, good.length - 5), 't.npy'))).toMatch(/truncated data/);
    expect(
      refusal(() => stackFromNpy(npyFile("{'descr': '<c8', 'fortran_order': False, 'shape': (3, 3, 3), }"), 'c.npy')),
    ).toMatch(/c8/);
    expect(refusal(() => stackFromNpy(writeNpy(new Float32Array(12), [3, 4]), 'r.npy'))).toMatch(
      /shape \(3, 4\) has 2 dimensions; expected \[K, H, W\]/,
    );
    expect(
      refusal(() => stackFromNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 64, 48), }"), 'z.npy')),
    ).toMatch(/zero dimension/);
    expect(refusal(() => stackFromNpy(writeNpy(new Float32Array(1030 * 1030), [1, 1030, 1030]), 'big.npy'))).toMatch(
      /larger than the Lab takes \(1024 per side\)/,
    );
    expect(refusal(() => stackFromNpy(writeNpy(new Float32Array(4 * 2048), [1, 4, 2048]), 'wide.npy'))).toMatch(
      /does not read as heatmaps either way/,
    );
  });

  it('refuses a huge shape before allocating anything', () => {
    // The header promises 2^40 values and the file holds none: refused by size, not by truncation.
    const message = refusal(() =>
      stackFromNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1048576, 17, 256, 256), }"), 'huge.npy'),
    );
    expect(message).toMatch(/more than .* elements; refusing/);
    expect(refusal(() => checkFileSize('big.npy', LAB_LIMITS.maxFileBytes + 1))).toMatch(/larger than the Lab reads/);
    expect(refusal(() => checkFileSize('empty.npy', 0))).toMatch(/empty/);
  });
});

describe('Lab inputs: JSON and images', () => {
  it('reads nested arrays of rank 3 and 4; null is a missing value', () => {
    const s = stackFromJson(
      JSON.stringify([
        [
          [1, 2, 3],
          [4, null, 6],
          [7, 8, 9],
        ],
      ]),
      'a.json',
    );
    expect([s.n, s.k, s.h, s.w]).toEqual([1, 1, 3, 3]);
    expect(Number.isNaN(s.data[4])).toBe(true);
    const four = stackFromJson(
      JSON.stringify([
        [
          [
            [0, 0, 0],
            [0, 1, 0],
            [0, 0, 0],
          ],
        ],
        [
          [
            [1, 0, 0],
            [0, 0, 0],
            [0, 0, 0],
          ],
        ],
      ]),
      'b.json',
    );
    expect([four.n, four.k]).toEqual([2, 1]);
    expect(four.data[9]).toBe(1);
  });

  it('refuses what is not a rectangular array of numbers', () => {
    expect(refusal(() => stackFromJson('{"a": 1', 'x.json'))).toMatch(/not valid JSON/);
    expect(refusal(() => stackFromJson('{"a": 1}', 'x.json'))).toMatch(/expected a JSON array/);
    expect(refusal(() => stackFromJson('[[1, 2], [3, 4]]', 'x.json'))).toMatch(/2 dimensions/);
    expect(refusal(() => stackFromJson('[[[1, 2, 3], [4, 5, 6], [7, 8]]]', 'x.json'))).toMatch(
      /\[0\]\[2\] should hold 3 values; the array is ragged/,
    );
    expect(refusal(() => stackFromJson('[[[1, 2, 3], [4, "5", 6], [7, 8, 9]]]', 'x.json'))).toMatch(
      /\[0\]\[1\]\[1\] is "5", not a number/,
    );
  });

  it('stacks same-size images as one sample, refusing different sizes', () => {
    const image = (name: string, w: number, h: number, grey: number) => ({
      name,
      width: w,
      height: h,
      rgba: new Uint8ClampedArray(4 * w * h).fill(grey),
    });
    const s = stackFromImages([image('a.png', 4, 3, 255), image('b.png', 4, 3, 51)]);
    expect([s.n, s.k, s.h, s.w]).toEqual([1, 2, 3, 4]);
    expect(s.data[0]).toBe(1);
    expectClose(s.data[12]!, 0.2, 1e-7);
    expect(refusal(() => stackFromImages([image('a.png', 4, 3, 0), image('b.png', 3, 4, 0)]))).toBe(
      'b.png is 3 × 4 pixels but a.png is 4 × 3; every image must have the same size',
    );
  });

  it('reports how many values are not finite and where', () => {
    const data = new Float32Array(2 * 3 * 3);
    data[4] = Number.NaN;
    data[9 + 8] = Number.POSITIVE_INFINITY;
    const report = scanNonFinite({ n: 1, k: 2, h: 3, w: 3, data, source: 'x' });
    expect(report.count).toBe(2);
    expect(report.badMaps).toEqual([true, true]);
    expect(report.first[0]).toMatchObject({ n: 0, k: 0, x: 1, y: 1 });
    expect(report.first[1]).toMatchObject({ n: 0, k: 1, x: 2, y: 2, value: Number.POSITIVE_INFINITY });
  });
});

describe('Lab ground truth', () => {
  it('reads nested pairs, COCO triples, objects and CSV, with or without a header', () => {
    const want = [
      { x: 1, y: 2 },
      { x: 3, y: 4 },
    ];
    expect(parseGroundTruth('[[[1, 2], [3, 4]]]', 'g.json', 2)).toEqual(want);
    expect(parseGroundTruth('[1, 2, 2, 3, 4, 1]', 'g.json', 2)).toEqual(want);
    expect(parseGroundTruth('{"keypoints": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}', 'g.json', 2)).toEqual(want);
    expect(parseGroundTruth('k,x,y\n0,1,2\n1,3,4\n', 'g.csv', 2)).toEqual(want);
    expect(parseGroundTruth('1;2\n3;4', 'g.csv', 2)).toEqual(want);
  });

  it('says how many points it found against how many maps', () => {
    expect(refusal(() => parseGroundTruth('[[1, 2]]', 'g.json', 17))).toBe(
      'g.json: 1 point, but the heatmaps hold 17 maps; expected one point per map, in map order',
    );
    expect(refusal(() => parseGroundTruth('a,b\n1,2', 'g.csv', 1))).toMatch(/no x and y columns/);
    expect(refusal(() => parseGroundTruth('x,y\n1,two', 'g.csv', 1))).toMatch(/row 1 .* no numeric x and y/);
  });

  it('converts input pixels to heatmap pixels by the stride', () => {
    expect(groundTruthInHeatmap([{ x: 10, y: 6 }], 'input', 4)).toEqual([{ x: 2.5, y: 1.5 }]);
    expect(groundTruthInHeatmap([{ x: 10, y: 6 }], 'heatmap', 4)).toEqual([{ x: 10, y: 6 }]);
  });
});

describe('decodeLabStack', () => {
  const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 2, k: 5 });
  const gt = groundTruthInHeatmap(truth, 'input', LAB_SAMPLE.stride);
  const rows = decodeLabStack(stack, settings({ kernel: 7, beta: 2 }), gt);

  it('gives every decoder’s point as decodeMap does, map by map', () => {
    expect(rows).toHaveLength(10);
    rows.forEach((r) => {
      const size = stack.h * stack.w;
      const map = { data: stack.data.subarray(r.index * size, (r.index + 1) * size), h: stack.h, w: stack.w };
      for (const id of DECODER_IDS) expect(r.points[id]).toEqual(decodeMap(id, map, { kernel: 7, beta: 2 }));
      expect([r.n, r.k]).toEqual([Math.floor(r.index / 5), r.index % 5]);
    });
  });

  it('measures errors and spread in input pixels', () => {
    for (const r of rows) {
      for (const id of DECODER_IDS) {
        const p = r.points[id]!;
        expectClose(r.errors[id]!, 4 * Math.hypot(p.x - r.truth!.x, p.y - r.truth!.y), 1e-12);
      }
      const pts = DECODER_IDS.map((id) => r.points[id]!);
      const spread = Math.max(...pts.flatMap((a) => pts.map((b) => 4 * Math.hypot(a.x - b.x, a.y - b.y))));
      expectClose(r.spread, spread, 1e-12);
    }
    const summary = summarizeLab(rows, ['argmax', 'dark']);
    expect(summary.argmax!.count).toBe(10);
    // On clean-ish unbiased maps DARK beats argmax on average.
    expect(summary.dark!.mean).toBeLessThan(summary.argmax!.mean);
    const top = mostDisagreement(rows, 3);
    expect(rows[top[0]!]!.spread).toBe(Math.max(...rows.map((r) => r.spread)));
  });

  it('skips the maps the caller marks, and decodes the rest', () => {
    const skip = rows.map((_, i) => i === 3);
    const again = decodeLabStack(stack, settings(), gt, skip);
    expect(again[3]!.skipped).toBe('not decoded');
    expect(again[3]!.points).toEqual({});
    expect(again[4]!.points.dark).toBeDefined();
  });
});

describe('Lab exports', () => {
  const { stack, truth } = makeLabSample({ ...LAB_SAMPLE, n: 1, k: 3 });
  const s = settings({ decoders: ['argmax', 'dark'] });
  const rows = decodeLabStack(stack, s, groundTruthInHeatmap(truth, 'input', 4));

  it('writes one CSV row per map with points in both frames and errors', () => {
    const lines = labCsv(rows, s).trim().split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0]!.split(',');
    expect(header).toContain('dark_x_in');
    const first = Object.fromEntries(lines[1]!.split(',').map((v, i) => [header[i], v]));
    expectClose(Number(first.dark_x_hm), rows[0]!.points.dark!.x, 1e-4);
    expectClose(Number(first.dark_x_in), 4 * rows[0]!.points.dark!.x, 1e-3);
    expectClose(Number(first.argmax_error_in), rows[0]!.errors.argmax!, 1e-4);
  });

  it('writes JSON that reads back to the same rows', () => {
    const back = JSON.parse(labJson(rows, s, 'sample'));
    expect(back.source).toBe('sample');
    expect(back.rows).toHaveLength(3);
    expect(back.rows[2].points.dark.x).toBe(rows[2]!.points.dark!.x);
  });
});

describe('the bundled sample', () => {
  it('public/lab holds exactly what the generator makes (npm run lab:sample)', () => {
    const { stack, truth } = makeLabSample();
    const file = parseNpy(readFileSync('public/lab/sample.npy'));
    expect(file.shape).toEqual([stack.n, stack.k, stack.h, stack.w]);
    expect(Array.from(file.data)).toEqual(Array.from(stack.data));
    const gt = JSON.parse(readFileSync('public/lab/sample-truth.json', 'utf8')) as number[][][];
    expect(gt.flat()).toHaveLength(truth.length);
    gt.flat().forEach(([x, y], i) => {
      expectClose(x!, truth[i]!.x, 1e-4);
      expectClose(y!, truth[i]!.y, 1e-4);
    });
  });
});

describe('Lab parsers under fuzzing', () => {
  const onlyRefusals = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (!(error instanceof LabInputError)) throw error;
    }
  };
  const valid = writeNpy(
    Float32Array.from({ length: 2 * 5 * 5 }, (_, i) => i),
    [2, 5, 5],
  );

  it('throws nothing but LabInputError on random or mutated .npy bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => onlyRefusals(() => stackFromNpy(bytes, 'f.npy'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(valid.length),
        (edits, cut) => {
          const bytes = valid.slice(0, cut);
          for (const [i, v] of edits) if (i < bytes.length) bytes[i] = v;
          onlyRefusals(() => stackFromNpy(bytes, 'f.npy'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws nothing but LabInputError on random JSON and ground-truth text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        onlyRefusals(() => stackFromJson(text, 'f.json'));
        onlyRefusals(() => parseGroundTruth(text, 'g', 3));
      }),
      { numRuns: 500 },
    );
  });

  it('a stack read back from its own .npy decodes the same', () => {
    const stack: LabStack = makeLabSample({ ...LAB_SAMPLE, n: 1, k: 2 }).stack;
    const again = stackFromNpy(writeNpy(stack.data, [stack.n, stack.k, stack.h, stack.w]), 'x.npy');
    expect(decodeLabStack(again, settings())).toEqual(decodeLabStack(stack, settings()));
  });
});
