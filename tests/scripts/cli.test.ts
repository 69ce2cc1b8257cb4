/**
 * The `subpixel` command line, run as a user runs it (a child process on the sources):
 * `eval` equals pycocotools on every golden case (tests/fixtures/cocoeval/, written by
 * pycocotools' own code) to 1e-9; four shards merged equal one run; `decode` gives the Decoder
 * Lab's points and metrics (the Lab's plan, run and result, computed here) on the bundled sample
 * and on a COCO ground truth; streamed inputs of every kind decode alike; bad input is one line
 * and an exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addNoise,
  COCO_EVAL_STAT_NAMES,
  createRandom,
  encodeUnbiased,
  heatmapInput,
  imageToInput,
  mmposeCrop,
  mmposeTopdownInstances,
  parseCocoKeypoints,
  parseNpy,
  planLabDecode,
  readGroundTruth,
  runLabPlan,
  labResult,
  stackFromNpy,
  writeNpy,
  writeNpz,
  type LabRun,
  type LabResult,
} from '../../src/lib/index.ts';
import { decodeRun } from '../../src/cli/options.ts';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'subpixel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the command line from its sources; its exit code, stdout and stderr. The runs share Node's
 * compile cache: each is about 0.2 s rather than 0.45 s of reading and compiling the sources.
 */
const env = { ...process.env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') };
function subpixel(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    env,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const file = (name: string, body: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

/** The Lab's own path: plan, run the plan, assemble the result. */
async function labPath(
  input: Uint8Array,
  name: string,
  run: LabRun,
  truth?: { name: string; text: string },
): Promise<LabResult> {
  const stack = stackFromNpy(input, name);
  const files = truth ? [{ name: truth.name, file: readGroundTruth(truth.text, truth.name, stack.n * stack.k) }] : [];
  const plan = planLabDecode(heatmapInput(stack), run, { truth: files });
  const decoded = await runLabPlan(plan, { progress() {}, cancelled: () => false, pause: async () => {} });
  return labResult(plan, decoded!);
}

/** A decoder's points from `--out`, [N, K, 3]. */
const outPoints = (out: string, decoder: string) => parseNpy(readFileSync(join(out, `${decoder}.npy`)));

const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/cocoeval/cases.json'), 'utf8')) as {
  cases: { name: string; gt: unknown; results: unknown; stats: number[] }[];
};

describe('subpixel eval', () => {
  fixture.cases.forEach((c, i) => {
    it(`equals pycocotools: ${c.name}`, () => {
      const gt = file(`gt-${i}.json`, JSON.stringify(c.gt));
      const results = file(`results-${i}.json`, JSON.stringify(c.results));
      const run = subpixel('eval', '--gt', gt, '--results', results, '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const stats = JSON.parse(run.stdout) as Record<string, number>;
      expect(Object.keys(stats)).toEqual([...COCO_EVAL_STAT_NAMES]);
      COCO_EVAL_STAT_NAMES.forEach((name, s) => expect(Math.abs(stats[name]! - c.stats[s]!), name).toBeLessThan(1e-9));
    });
  });

  it('prints the ten lines pycocotools prints', () => {
    const run = subpixel('eval', '--gt', join(dir, 'gt-0.json'), '--results', join(dir, 'results-0.json'));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      ` Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets= 20 ] = ${fixture.cases[0]!.stats[0]!.toFixed(3)}`,
    );
    expect(lines.filter((l) => l.includes('Average')).length).toBe(10);
  });

  it('four shards, run as four processes and merged, equal one run', () => {
    const many = fixture.cases.reduce((a, b) =>
      (b.gt as { images: unknown[] }).images.length > (a.gt as { images: unknown[] }).images.length ? b : a,
    );
    const i = fixture.cases.indexOf(many);
    const args = ['--gt', join(dir, `gt-${i}.json`), '--results', join(dir, `results-${i}.json`)];
    const shards = [1, 2, 3, 4].map((s) => {
      const out = join(dir, `shard-${s}.json`);
      expect(subpixel('eval', ...args, '--shard', `${s}/4`, '--out', out).code).toBe(0);
      return out;
    });
    const merged = subpixel('merge', ...shards.reverse(), '--json');
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(subpixel('eval', ...args, '--json').stdout));
    const missing = subpixel('merge', ...shards.slice(1));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('subpixel: shard 4/4 missing: the AP needs every image\n');
  });
});

describe('subpixel decode gives the Lab’s numbers', () => {
  const sample = readFileSync(join(root, 'public/lab/sample.npy'));
  const truthText = readFileSync(join(root, 'public/lab/sample-truth.json'), 'utf8');

  it('on the bundled sample: every point and every metric', async () => {
    const out = join(dir, 'sample-out');
    const decoders = 'argmax,quarter,quarter2,dark,darkUdp,megvii,softargmax';
    const flags = ['--decoders', decoders, '--convention', 'mmpose'];
    const run = subpixel(
      'decode',
      join(root, 'public/lab/sample.npy'),
      '--gt',
      join(root, 'public/lab/sample-truth.json'),
      ...flags,
      '--out',
      out,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      decoders: { decoder: string; perKeypoint: unknown; pck05: number; ap: number; meanOks: number }[];
    };
    const lab = await labPath(sample, 'sample.npy', decodeRun({ decoders, convention: 'mmpose' }, false), {
      name: 'sample-truth.json',
      text: truthText,
    });
    expect(summary.decoders.map((d) => d.decoder)).toEqual(lab.decoders);
    for (const d of summary.decoders) {
      const m = lab.metrics!.find((x) => x.decoder === d.decoder)!;
      expect(d.perKeypoint).toEqual(JSON.parse(JSON.stringify(m.perKeypoint)));
      expect([d.pck05, d.ap, d.meanOks]).toEqual([m.pck05, m.ap!.ap, m.meanOks]);
      const points = outPoints(out, d.decoder);
      expect(points.shape).toEqual([lab.n, lab.k, 3]);
      lab.rows.forEach((row) => {
        const p = row.points[d.decoder as 'argmax']!;
        const at = row.index * 3;
        expect([points.data[at], points.data[at + 1], points.data[at + 2]]).toEqual([
          Math.fround(p.x * lab.scale.x),
          Math.fround(p.y * lab.scale.y),
          Math.fround(p.score),
        ]);
      });
    }
  });

  it('on a COCO ground truth: CocoMetric’s AP and the results file it scored', async () => {
    // Three images, five people (one crowd, one unlabelled), maps made from their keypoints with noise.
    const random = createRandom(7);
    const person = (id: number, image: number, x0: number, y0: number, extra: Record<string, unknown> = {}) => {
      const keypoints = Array.from({ length: 17 }, (_, j) => [
        x0 + 10 + (j % 4) * 18 + random.uniform(0, 3),
        y0 + 8 + j * 9,
        2,
      ]).flat();
      return {
        id,
        image_id: image,
        category_id: 1,
        keypoints,
        num_keypoints: 17,
        bbox: [x0, y0, 90, 170],
        area: 90 * 170 * 0.6,
        iscrowd: 0,
        ...extra,
      };
    };
    const gt = {
      images: [1, 2, 3].map((id) => ({ id, width: 320, height: 240 })),
      categories: [{ id: 1, name: 'person' }],
      annotations: [
        person(11, 1, 20, 30),
        person(12, 1, 150, 40),
        person(21, 2, 60, 20, { iscrowd: 1 }),
        person(31, 3, 100, 50),
        person(32, 3, 10, 10, { num_keypoints: 0 }),
      ],
    };
    const gtText = JSON.stringify(gt);
    const coco = parseCocoKeypoints(gtText, 'gt.json');
    const { instances } = mmposeTopdownInstances(coco);
    const [k, h, w, stride] = [17, 64, 48, 4];
    const data = new Float32Array(instances.length * k * h * w);
    instances.forEach((instance, n) => {
      const crop = mmposeCrop(instance.bbox, w * stride, h * stride);
      instance.annotation!.keypoints.forEach((p, j) => {
        const input = imageToInput(p, crop, w * stride, h * stride, 'stride');
        const map = data.subarray((n * k + j) * h * w, (n * k + j + 1) * h * w);
        encodeUnbiased({ x: input.x / stride, y: input.y / stride }, w, h, 2, map);
        addNoise(map, 0.02, random);
      });
    });
    const npy = writeNpy(data, [instances.length, k, h, w]);
    const out = join(dir, 'coco-out');
    const run = subpixel(
      'decode',
      file('coco.npy', npy),
      '--gt',
      file('coco-gt.json', gtText),
      '--decoders',
      'argmax,dark',
      '--out',
      out,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { decoders: Record<string, number>[] };
    const lab = await labPath(npy, 'coco.npy', decodeRun({ decoders: 'argmax,dark' }, false), {
      name: 'gt.json',
      text: gtText,
    });
    for (const [i, d] of summary.decoders.entries()) {
      const m = lab.metrics![i]!;
      for (const name of COCO_EVAL_STAT_NAMES) expect(d[name], name).toBe(m.coco![name]);
      // The results file is what CocoMetric scored: eval on it gives the same AP.
      const again = subpixel(
        'eval',
        '--gt',
        join(dir, 'coco-gt.json'),
        '--results',
        join(out, `${m.decoder}.keypoints.json`),
        '--json',
      );
      expect(JSON.parse(again.stdout)).toEqual(m.coco);
    }
    // A detector's boxes (MMPose's bbox_file), one per sample in file order: CocoMetric on them.
    const boxes = instances.map((instance, i) => ({
      image_id: instance.imageId,
      category_id: 1,
      bbox: [...instance.bbox],
      score: 0.9 - i * 0.1,
    }));
    const detected = subpixel(
      'decode',
      join(dir, 'coco.npy'),
      '--gt',
      join(dir, 'coco-gt.json'),
      '--boxes',
      file('boxes.json', JSON.stringify(boxes)),
      '--decoders',
      'dark',
      '--json',
    );
    expect(detected.code, detected.stderr).toBe(0);
    const onBoxes = JSON.parse(detected.stdout) as {
      truth: { detections: string };
      decoders: Record<string, number>[];
    };
    expect(onBoxes.truth.detections).toMatch(/boxes\.json$/);
    expect(onBoxes.decoders[0]!.ap).toBe(summary.decoders[1]!.ap);
    expect(onBoxes.decoders[0]!.pck05).toBeNull();
    // The crowd and the unlabelled person are not samples: three people, each AP measured.
    expect(instances).toHaveLength(3);
    for (const d of summary.decoders) expect(d.ap).toBeGreaterThan(0);
  });
});

describe('subpixel decode reads any layout, type and size the same way', () => {
  const sample = parseNpy(readFileSync(join(root, 'public/lab/sample.npy')));
  const [n, k, h, w] = sample.shape as [number, number, number, number];
  const points = (args: string[]) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const run = subpixel('decode', ...args, '--decoders', 'argmax,dark', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    return Array.from(outPoints(out, 'dark').data);
  };
  const reference = () => points([join(root, 'public/lab/sample.npy')]);

  it('channels last in a compressed .npz, float64, one sample per chunk, in the main thread', () => {
    const last = new Float32Array(sample.data.length);
    for (let s = 0; s < n; s++)
      for (let j = 0; j < k; j++)
        for (let y = 0; y < h; y++)
          for (let x = 0; x < w; x++) last[((s * h + y) * w + x) * k + j] = sample.data[((s * k + j) * h + y) * w + x]!;
    const npz = file('last.npz', writeNpz({ output: { data: last, shape: [n, h, w, k] } }));
    const wide = file('wide.npy', writeNpy(Float64Array.from(sample.data), sample.shape));
    const expected = reference();
    expect(points([npz, '--layout', 'channels-last'])).toEqual(expected);
    expect(points([wide, '--chunk', '1', '--workers', '0'])).toEqual(expected);
  });

  it('a SimCC pair as two .npy files and as one .npz', () => {
    const random = createRandom(3);
    const x = Float32Array.from({ length: 5 * 17 * 384 }, () => random.uniform(0, 1));
    const y = Float32Array.from({ length: 5 * 17 * 512 }, () => random.uniform(0, 1));
    const pair = [file('x.npy', writeNpy(x, [5, 17, 384])), file('y.npy', writeNpy(y, [5, 17, 512]))];
    const npz = file(
      'simcc.npz',
      writeNpz({ simcc_x: { data: x, shape: [5, 17, 384] }, simcc_y: { data: y, shape: [5, 17, 512] } }),
    );
    const a = subpixel('decode', ...pair, '--json');
    const b = subpixel('decode', npz, '--json');
    expect(a.code, a.stderr).toBe(0);
    const decoders = (s: string) => (JSON.parse(s) as { decoders: unknown[] }).decoders;
    expect(decoders(a.stdout)).toEqual(decoders(b.stdout));
    expect(decoders(a.stdout)).toHaveLength(3);
  });
});

describe('subpixel says what is wrong in one line', () => {
  const sample = readFileSync(join(root, 'public/lab/sample.npy'));
  const cases: [string, () => string[], number, RegExp][] = [
    [
      'a truncated file, with the byte where data runs out',
      () => ['decode', file('cut.npy', sample.subarray(0, sample.length - 100))],
      1,
      /^subpixel: .*cut\.npy: the data ends before byte \d+; .* the file is truncated$/,
    ],
    [
      'bytes after the data',
      () => ['decode', file('long.npy', Buffer.concat([sample, Buffer.alloc(8)]))],
      1,
      /long\.npy: unexpected bytes after the data at byte \d+/,
    ],
    ['not a .npy', () => ['decode', file('text.npy', 'hello, world')], 1, /text\.npy: not a \.npy file/],
    ['a missing file', () => ['decode', join(dir, 'none.npy')], 1, /none\.npy: no such file$/],
    [
      'a ground truth that does not fit',
      () => ['decode', join(root, 'public/lab/sample.npy'), '--gt', file('few.json', '[[1, 2]]')],
      1,
      /few\.json: 1 point, but the heatmaps hold \d+ maps/,
    ],
    [
      'an unknown decoder',
      () => ['decode', join(root, 'public/lab/sample.npy'), '--decoders', 'argmax,best'],
      2,
      /--decoders: best is not a heatmap decoder/,
    ],
    ['an unknown flag', () => ['eval', '--gold', 'x'], 2, /^subpixel: eval: Unknown option '--gold'/],
    ['a bad shard', () => ['eval', '--gt', 'a', '--results', 'b', '--shard', '5/4'], 2, /--shard 5\/4: expected i\/n/],
    [
      'results on an image the ground truth lacks',
      () => [
        'eval',
        '--gt',
        join(dir, 'gt-0.json'),
        '--results',
        file(
          'elsewhere.json',
          JSON.stringify([{ image_id: 999999, category_id: 1, keypoints: new Array(51).fill(1), score: 1 }]),
        ),
      ],
      1,
      /which the ground truth does not list/,
    ],
  ];
  for (const [what, args, code, message] of cases) {
    it(what, () => {
      const run = subpixel(...args());
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
    });
  }
});
