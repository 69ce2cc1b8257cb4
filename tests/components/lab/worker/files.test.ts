/**
 * What the Lab's worker holds (`LabFiles`) and how it decodes, through the library's plan, run
 * and result, as the worker does: what it reads each kind of file as, what it refuses and with
 * which message, and that its decodes, metrics and flip comparison are the library's own results
 * for the same settings.
 */
import { describe, expect, it } from 'vitest';
import {
  cocoTruthInInput,
  COCO17_FLIP_PAIRS,
  cropTruth,
  decodeLabSimccRange,
  decodeLabStack,
  flipIndicesFromPairs,
  flipTestAverage,
  groundTruthInHeatmap,
  heatmapSettingsOf,
  labInputScale,
  labMetrics,
  labResult,
  runLabPlan,
  makeLabSample,
  mmposeTopdownInstances,
  parseCocoKeypoints,
  summarizeLab,
  writeNpy,
  writeNpz,
  type LabFile,
  type LabRow,
  type LabRun,
  type LabSimcc,
  type PlanHooks,
} from '../../../../src/lib/index.ts';
import { LabFiles } from '../../../../src/components/lab/worker/files.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { labSchema, runOf } from '../../../../src/components/lab/state.ts';

const hooks: PlanHooks = { progress: () => {}, cancelled: () => false, pause: async () => {} };
const run: LabRun = runOf(defaultsOf(labSchema));
const settings = heatmapSettingsOf(run);
const bytes = (data: Uint8Array): ArrayBuffer => data.slice().buffer;
const file = (name: string, data: Uint8Array | string): LabFile => ({
  name,
  bytes: typeof data === 'string' ? bytes(new TextEncoder().encode(data)) : bytes(data),
});
const { stack, truth } = makeLabSample({ n: 2, k: 17, h: 64, w: 48, stride: 4, sigma: 2, noise: 0.02, seed: 9 });
const npy = writeNpy(stack.data, [2, 17, 64, 48]);

/** What the worker does with a decode request: plan it, run it, assemble the result. */
async function decode(session: LabFiles, r: LabRun = run, h: PlanHooks = hooks) {
  const plan = session.plan(r);
  const rows = plan && (await runLabPlan(plan, h));
  if (!plan || !rows) return undefined;
  session.decoded(plan);
  return labResult(plan, rows);
}

async function decoded(session: LabFiles, r: LabRun = run) {
  const result = await decode(session, r);
  if (!result) throw new Error('nothing decoded');
  return result;
}

describe('LabFiles reads inputs', () => {
  it('a .npy of heatmaps decodes exactly as decodeLabStack, its names COCO-17', async () => {
    const session = new LabFiles();
    const outcome = session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    expect(outcome).toEqual({ loaded: { kind: 'heatmaps', source: 'maps.npy', n: 2, k: 17, h: 64, w: 48 } });
    const result = await decoded(session);
    expect(result.rows).toEqual(decodeLabStack(stack, settings, undefined, new Array(34).fill(false)));
    expect(result.names[16]).toBe('right_ankle');
    expect(result.truth).toBeUndefined();
  });

  it('a channels-last .npy is read with a note; an ambiguous shape is refused with the fix, and read once the layout is chosen', () => {
    const session = new LabFiles();
    const last = new Float32Array(64 * 48 * 17);
    const outcome = session.loadInput([file('tf.npy', writeNpy(last, [64, 48, 17]))], { layout: 'auto' });
    expect('loaded' in outcome && outcome.loaded.k).toBe(17);
    expect('loaded' in outcome && outcome.loaded.note).toMatch(/read as channels last \[H, W, K\] = \[64, 48, 17\]/);
    const cube = writeNpy(new Float32Array(64 * 64 * 64), [64, 64, 64]);
    expect(() => session.loadInput([file('cube.npy', cube)], { layout: 'auto' })).toThrow(/choose the layout/);
    const chosen = session.rereadInput({ layout: 'channelsLast' });
    expect(chosen && 'loaded' in chosen && chosen.loaded.note).toMatch(/channels last/);
  });

  it('a .npz of several heatmap arrays asks which; the chosen one decodes', async () => {
    const session = new LabFiles();
    const archive = writeNpz({
      heatmaps: { data: stack.data, shape: [2, 17, 64, 48] },
      flipped: { data: new Float32Array(stack.data.length), shape: [2, 17, 64, 48] },
    });
    const outcome = session.loadInput([file('out.npz', archive)], { layout: 'auto' });
    expect('choose' in outcome && outcome.choose.arrays.map((a) => a.name)).toEqual(['heatmaps', 'flipped']);
    const chosen = session.rereadInput({ array: 'heatmaps' });
    expect(chosen && 'loaded' in chosen && chosen.loaded.source).toBe('out.npz:heatmaps');
    expect((await decoded(session)).rows).toEqual(
      decodeLabStack(stack, settings, undefined, new Array(34).fill(false)),
    );
  });

  const bump = (length: number, at: number) => Float32Array.from({ length }, (_, b) => Math.exp(-((b - at) ** 2) / 18));
  const x = Float32Array.from([...bump(96, 30.3), ...bump(96, 70.6)]);
  const y = Float32Array.from([...bump(128, 12.8), ...bump(128, 99.1)]);
  const simcc: LabSimcc = { n: 1, k: 2, lengthX: 96, lengthY: 128, x, y, source: '' };
  const simccSettings = { decoders: run.simccDecoders, splitRatio: 2, sigma: run.sigma, beta: run.beta };

  it('two .npy files are a SimCC pair, x and y told by their names whatever the order', async () => {
    const session = new LabFiles();
    const outcome = session.loadInput(
      [file('out_y.npy', writeNpy(y, [2, 128])), file('out_x.npy', writeNpy(x, [2, 96]))],
      { layout: 'auto' },
    );
    expect(outcome).toEqual({
      loaded: { kind: 'simcc', source: 'out_x.npy + out_y.npy', n: 1, k: 2, h: 128, w: 96 },
    });
    const result = await decoded(session);
    expect(result.rows).toEqual(decodeLabSimccRange(simcc, simccSettings, 0, 2));
    expect(result.inputW).toBe(48);
  });

  it('a .npz with simcc_x and simcc_y is a SimCC pair; with other names, its first two arrays with a note', () => {
    const session = new LabFiles();
    const named = writeNpz({ simcc_x: { data: x, shape: [2, 96] }, simcc_y: { data: y, shape: [2, 128] } });
    expect(session.loadInput([file('rtm.npz', named)], { layout: 'auto' })).toMatchObject({
      loaded: { kind: 'simcc', n: 1, k: 2 },
    });
    const other = writeNpz({ a: { data: x, shape: [1, 2, 96] }, b: { data: y, shape: [1, 2, 128] } });
    const outcome = session.loadInput([file('rtm2.npz', other)], { layout: 'auto' });
    expect('loaded' in outcome && outcome.loaded.note).toMatch(/read a as the x vectors and b as the y vectors/);
  });

  it('refuses two heatmap files as a SimCC pair, three files, and a file of no known kind', () => {
    const session = new LabFiles();
    expect(() => session.loadInput([file('a.npy', npy), file('b.npy', npy)], { layout: 'auto' })).toThrow(
      /a\.npy and b\.npy read as heatmaps, not SimCC vectors/,
    );
    expect(() =>
      session.loadInput([file('a.npy', npy), file('b.npy', npy), file('c.npy', npy)], { layout: 'auto' }),
    ).toThrow(/3 files: choose one/);
    expect(() => session.loadInput([file('notes.txt', 'hello')], { layout: 'auto' })).toThrow(
      /notes\.txt: expected a \.npy, \.npz, \.json or \.png file/,
    );
  });
});

describe('LabFiles takes a stack made on the page (a model’s maps) with its keypoint names', () => {
  it('decodes it as decodeLabStack, names its keypoints, and lets a COCO file’s names come first', async () => {
    const session = new LabFiles();
    const names = Array.from({ length: 17 }, (_, j) => `joint ${j}`);
    expect(session.setStack(stack, names)).toEqual({
      kind: 'heatmaps',
      source: stack.source,
      n: 2,
      k: 17,
      h: 64,
      w: 48,
    });
    const result = await decoded(session);
    expect(result.rows).toEqual(decodeLabStack(stack, settings, undefined, new Array(34).fill(false)));
    expect(result.names).toEqual(names);
    // Without names, COCO-17's.
    session.setStack(stack);
    expect((await decoded(session)).names[0]).toBe('nose');
  });

  it('refuses names that do not fit its maps, with the reader’s message', () => {
    const session = new LabFiles();
    expect(() => session.setStack(stack, ['nose', 'eye'])).toThrow(/2 keypoint names for 17 maps per sample/);
  });
});

describe('LabFiles decodes what is finite', () => {
  it('a map with a few NaN cells is decoded, a map of NaN alone skipped, one summary line', async () => {
    const data = Float32Array.from(stack.data.subarray(0, 3 * 64 * 48));
    data[5] = Number.NaN;
    data[64 * 48 + 7] = Number.POSITIVE_INFINITY;
    data.fill(Number.NaN, 2 * 64 * 48, 3 * 64 * 48);
    const session = new LabFiles();
    session.loadInput([file('holes.npy', writeNpy(data, [3, 64, 48]))], { layout: 'auto' });
    const result = await decoded(session);
    expect(result.rows.map((r) => r.skipped ?? 'decoded')).toEqual(['decoded', 'decoded', 'holds no finite value']);
    expect(result.rows.map((r) => r.badCells)).toEqual([1, 1, 64 * 48]);
    expect(result.nonFinite?.summary).toBe(
      '3,074 NaN or infinite cells in 3 maps: decoded 2 maps of 3 from their finite cells; 1 map with no finite value not decoded',
    );
    expect(result.nonFinite?.first[0]).toMatchObject({ n: 0, k: 0, x: 5, y: 0 });
  });
});

describe('LabFiles reads ground truth in the worker, with the reader’s messages', () => {
  it('points in input pixels: errors as the library gives them, and metrics against the crop box', async () => {
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    session.setTruth([file('truth.json', JSON.stringify(truth.map((p) => [p.x, p.y])))]);
    const result = await decoded(session);
    const perMap = groundTruthInHeatmap(truth, 'input', 4);
    const rows = decodeLabStack(stack, settings, perMap, new Array(34).fill(false));
    expect(result.rows).toEqual(rows);
    expect(result.truth).toEqual({ kind: 'points', source: 'truth.json' });
    const truths = [0, 1].map((n) =>
      cropTruth(
        perMap.slice(17 * n, 17 * n + 17).map((p) => ({ x: 4 * p.x, y: 4 * p.y })),
        192,
        256,
      ),
    );
    expect(result.metrics).toEqual(
      labMetrics({ rows, k: 17, decoders: run.decoders, truths, scale: { x: 4, y: 4 }, names: result.names }),
    );
    expect(result.notes.join(' ')).toMatch(/has no boxes/);
  });

  it("a whole COCO keypoints file: sample n is the n-th instance in MMPose's order, in its crop; names from the file", async () => {
    const kps = (x0: number, y0: number, v = 2) =>
      Array.from({ length: 17 }, (_, i) => [x0 + 3 * i, y0 + 5 * i, i === 4 ? 0 : v]).flat();
    const gt = {
      images: [{ id: 1 }, { id: 2 }],
      annotations: [
        { id: 1, image_id: 1, keypoints: kps(100, 50), bbox: [90, 40, 70, 100], area: 5000, iscrowd: 0 },
        { id: 2, image_id: 2, keypoints: kps(300, 220), bbox: [290, 210, 60, 110], area: 4800, iscrowd: 0 },
      ],
      categories: [{ id: 1, keypoints: Array.from({ length: 17 }, (_, i) => `joint${i}`) }],
    };
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    session.setTruth([file('person_keypoints.json', JSON.stringify(gt))]);
    const result = await decoded(session);
    expect(result.truth).toEqual({ kind: 'coco', source: 'person_keypoints.json' });
    expect(result.names[3]).toBe('joint3');
    const coco = parseCocoKeypoints(JSON.stringify(gt), 'x');
    const truths = coco.annotations.map((a) => cocoTruthInInput(a, 192, 256, 'stride').truth);
    const perMap = truths.flatMap((t) =>
      t.keypoints.map((p, j) => (t.visibility[j]! > 0 ? { x: p.x / 4, y: p.y / 4 } : { x: Number.NaN, y: Number.NaN })),
    );
    const rows = decodeLabStack(stack, settings, perMap, new Array(34).fill(false));
    expect(result.rows).toEqual(rows);
    // Keypoint 4 is unlabelled: no error to measure.
    expect(result.rows[4]!.errors).toEqual({});
    // PCK, OKS, AP and AR in image pixels, as MMPose's CocoMetric.
    const frame = {
      coco,
      instances: mmposeTopdownInstances(coco).instances,
      mapping: 'stride' as const,
      inputW: 192,
      inputH: 256,
    };
    expect(result.metrics).toEqual(
      labMetrics({
        rows,
        k: 17,
        decoders: run.decoders,
        truths,
        scale: { x: 4, y: 4 },
        names: result.names,
        coco: frame,
      }),
    );
    expect(result.metrics?.[0]?.coco?.ap).toBeGreaterThanOrEqual(0);
  });

  it('a COCO results list beside the COCO file is scored; alone it says what it needs', async () => {
    const kps = Array.from({ length: 17 }, (_, i) => [100 + 3 * i, 50 + 5 * i, 2]).flat();
    const gt = {
      images: [{ id: 1 }],
      annotations: [{ id: 1, image_id: 1, keypoints: kps, num_keypoints: 17, bbox: [90, 40, 70, 100], area: 5000 }],
      categories: [{ id: 1 }],
    };
    const one = writeNpy(stack.data.subarray(0, 17 * 64 * 48), [1, 17, 64, 48]);
    const results = [{ image_id: 1, category_id: 1, keypoints: kps, score: 0.9 }];
    const session = new LabFiles();
    session.loadInput([file('one.npy', one)], { layout: 'auto' });
    session.setTruth([file('results.json', JSON.stringify(results))]);
    expect((await decoded(session)).messages).toEqual([
      'results.json: a COCO results list is scored against the COCO keypoints file it was made for; load that too',
    ]);
    session.setTruth([file('gt.json', JSON.stringify(gt)), file('results.json', JSON.stringify(results))]);
    const result = await decoded(session);
    expect(result.messages).toEqual([]);
    // The results are the ground truth itself: a perfect AP (a medium person: no large one, −1).
    expect(result.results?.stats.ap).toBeCloseTo(1, 12);
    expect(result.results?.stats.apm).toBeCloseTo(1, 12);
    expect(result.results?.stats.apl).toBe(-1);
  });

  it('hostile files get their messages: 5,000-deep JSON, an oversized CSV, the wrong count; the input still decodes', async () => {
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    session.setTruth([file('deep.json', `${'['.repeat(5000)}[1,2]${']'.repeat(5000)}`)]);
    expect((await decoded(session)).messages[0]).toMatch(/^deep\.json: .* nests arrays more than 8 deep/);
    expect(() => session.setTruth([{ name: 'big.csv', bytes: new ArrayBuffer(33 * 2 ** 20) }])).toThrow(
      /big\.csv: 33 MiB is larger than the Lab reads for ground truth \(32 MiB\)/,
    );
    session.setTruth([file('few.csv', 'x,y\n1,2\n')]);
    const result = await decoded(session);
    expect(result.messages).toEqual([
      'few.csv: 1 point, but the heatmaps hold 34 maps; expected one point per map, in map order',
    ]);
    expect(result.rows).toHaveLength(34);
  });
});

describe('LabFiles runs the flip test as MMPose does', () => {
  const flippedStack = makeLabSample({ n: 2, k: 17, h: 64, w: 48, stride: 4, sigma: 2, noise: 0.02, seed: 10 }).stack;
  const indices = flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17);
  const average = (shift: 0 | 1) => ({
    ...stack,
    data: flipTestAverage(
      { data: stack.data, k: 34, h: 64, w: 48 },
      { data: flippedStack.data, k: 34, h: 64, w: 48 },
      indices,
      shift,
    ).data,
  });

  it('decodes the average with the chosen shift, and compares each choice’s error per decoder', async () => {
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    session.loadFlipped([file('flipped.npy', writeNpy(flippedStack.data, [2, 17, 64, 48]))], { layout: 'auto' });
    session.setTruth([file('truth.json', JSON.stringify(truth.map((p) => [p.x, p.y])))]);
    const result = await decoded(session);
    const perMap = groundTruthInHeatmap(truth, 'input', 4);
    const none = new Array(34).fill(false);
    const rows = (s: typeof stack) => decodeLabStack(s, settings, perMap, none);
    expect(result.rows).toEqual(rows(average(1)));
    const mean = (r: LabRow[]) => summarizeLab(r, run.decoders);
    const [off, s0, s1] = [mean(rows(stack)), mean(rows(average(0))), mean(rows(average(1)))];
    expect(result.flip).toEqual({
      source: 'flipped.npy',
      shift: 1,
      comparison: run.decoders.map((d) => ({
        decoder: d,
        off: off[d]!.mean,
        shift0: s0[d]!.mean,
        shift1: s1[d]!.mean,
      })),
    });
    const map = session.mapAt(3);
    expect(map?.kind === 'heatmap' && Array.from(map.values)).toEqual(
      Array.from(average(1).data.subarray(3 * 3072, 4 * 3072)),
    );
  });

  it('pairs that do not fit the keypoints, or a stack of another shape, turn the flip test off with a message', async () => {
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    session.loadFlipped([file('flipped.npy', writeNpy(flippedStack.data, [2, 17, 64, 48]))], { layout: 'auto' });
    const bad = await decoded(session, { ...run, pairs: [[1, 17]] });
    expect(bad.messages).toEqual([
      'Flip pairs: flip pair (1, 17) names keypoint 17, outside 0..16; the flip test is off until they fit the 17 keypoints',
    ]);
    expect(bad.flip).toBeUndefined();
    session.loadFlipped([file('small.npy', writeNpy(new Float32Array(17 * 64 * 48), [17, 64, 48]))], {
      layout: 'auto',
    });
    expect((await decoded(session)).messages[0]).toMatch(
      /^small\.npy: 1 × 17 maps of 64 × 48, but the input is 2 × 17/,
    );
  });

  it('stops when superseded', async () => {
    const session = new LabFiles();
    session.loadInput([file('maps.npy', npy)], { layout: 'auto' });
    expect(await decode(session, run, { ...hooks, cancelled: () => true })).toBeUndefined();
    expect(labInputScale(settings, 48, 64)).toEqual({ x: 4, y: 4 });
  });
});
