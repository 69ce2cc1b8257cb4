/**
 * Copy as code: the generated NumPy script, run with python3 on the Lab's bundled sample,
 * gives the library's numbers (points to 1e-4 px, scores to 1e-5), for heatmaps under both
 * conventions and mappings with the flip test, and for SimCC pairs. Skipped, saying so, where
 * python3 with NumPy is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COCO17_FLIP_PAIRS,
  createRandom,
  decodeAll,
  flipHeatmaps,
  flipIndicesFromPairs,
  flipTestAverage,
  HEATMAP_DECODER_IDS,
  mmposeConfig,
  numpyCode,
  parseNpy,
  simccDecode,
  simdrGaussian,
  SIMCC_DECODER_IDS,
  writeNpy,
  writeNpz,
  type CopyAsCodeSettings,
  type DecodedPoint,
  type HeatmapStack,
} from '../../../src/lib/index.ts';

const python = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
const hasNumpy = python.status === 0;
const dir = mkdtempSync(join(tmpdir(), 'subpixel-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Out = {
  n: number;
  k: number;
  points: Record<string, { heatmap?: (number | null)[]; input: (number | null)[]; score: number | null }>;
}[];

function run(code: string, ...files: string[]): Out {
  const script = join(dir, 'decode.py');
  writeFileSync(script, code);
  const out = spawnSync('python3', [script, ...files], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  expect(out.stderr, 'python3 stderr').toBe('');
  expect(out.status).toBe(0);
  return JSON.parse(out.stdout) as Out;
}

const num = (v: number | null | undefined): number => (v === null || v === undefined ? Number.NaN : v);
const close = (a: number, b: number, tol: number) => (Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= tol);

/** Compares every map's points and scores, listing all mismatches at once. */
function compare(
  out: Out,
  want: (i: number, id: string) => DecodedPoint,
  ids: readonly string[],
  units: 'heatmap' | 'input',
) {
  const bad: string[] = [];
  out.forEach((row, i) => {
    for (const id of ids) {
      const got = row.points[id]!;
      const w = want(i, id);
      const [x, y] = (got[units] ?? []).map(num) as [number, number];
      if (!close(x, w.x, 1e-4) || !close(y, w.y, 1e-4) || !close(num(got.score), w.score, 1e-5)) {
        bad.push(`map ${i} ${id}: python (${x}, ${y}, ${got.score}), library (${w.x}, ${w.y}, ${w.score})`);
      }
    }
  });
  expect(bad).toEqual([]);
}

const sample = parseNpy(readFileSync('public/lab/sample.npy'));
const [N, K, H, W] = sample.shape as [number, number, number, number];
const sampleStack: HeatmapStack = { data: sample.data as Float32Array, k: N * K, h: H, w: W };
const mapAt = (stack: HeatmapStack, i: number) => ({
  data: stack.data.subarray(i * H * W, (i + 1) * H * W),
  w: W,
  h: H,
});

const base: CopyAsCodeSettings = {
  input: 'heatmaps',
  convention: 'reference',
  decoders: [...HEATMAP_DECODER_IDS],
  kernel: 11,
  beta: 20,
  stride: 4,
  mapping: 'stride',
};

const runs = `the NumPy code run with python3 gives the library’s numbers${hasNumpy ? '' : ' (skipped: python3 with NumPy not found)'}`;
describe.skipIf(!hasNumpy)(runs, () => {
  it('heatmaps, reference convention, stride mapping, every decoder, on public/lab/sample.npy', () => {
    const out = run(numpyCode(base), 'public/lab/sample.npy');
    expect(out).toHaveLength(N * K);
    const lib = Array.from({ length: N * K }, (_, i) => decodeAll(HEATMAP_DECODER_IDS, mapAt(sampleStack, i), base));
    compare(out, (i, id) => lib[i]![id]!, HEATMAP_DECODER_IDS, 'heatmap');
  });

  it('heatmaps with NaN cells and a negative map, mmpose convention, UDP mapping, flip test with a 1-cell shift', () => {
    const settings: CopyAsCodeSettings = {
      ...base,
      convention: 'mmpose',
      mapping: 'udp',
      kernel: 7,
      beta: 8,
      flip: { file: 'flipped.npy', flipIndices: flipIndicesFromPairs(COCO17_FLIP_PAIRS, 17), shift: 1 },
    };
    const data = Float32Array.from(sampleStack.data);
    data.fill(-0.5, 3 * H * W, 4 * H * W);
    for (const i of [5, 700, H * W + 2, 9 * H * W + 30 * W + 20]) data[i] = Number.NaN;
    const original: HeatmapStack = { ...sampleStack, data };
    // The mirror image's maps: any stack will do; take the sample flipped, moved by noise.
    const random = createRandom(3);
    const mirror = flipHeatmaps(sampleStack, settings.flip!.flipIndices, 0);
    for (let i = 0; i < mirror.data.length; i++) mirror.data[i] = mirror.data[i]! + 0.01 * random.normal();
    writeFileSync(join(dir, 'original.npy'), writeNpy(data, [N, K, H, W]));
    writeFileSync(join(dir, 'flipped.npy'), writeNpy(mirror.data, [N, K, H, W]));
    const out = run(numpyCode(settings), join(dir, 'original.npy'), join(dir, 'flipped.npy'));
    const averaged = flipTestAverage(original, mirror, settings.flip!.flipIndices, 1);
    const lib = Array.from({ length: N * K }, (_, i) => decodeAll(HEATMAP_DECODER_IDS, mapAt(averaged, i), settings));
    compare(out, (i, id) => lib[i]![id]!, HEATMAP_DECODER_IDS, 'heatmap');
    // Input pixels under UDP: x · (4W - 1)/(W - 1).
    const p = lib[0]!.dark!;
    expect(num(out[0]!.points.dark!.input[0])).toBeCloseTo((p.x * (4 * W - 1)) / (W - 1), 3);
  });

  it('heatmaps stored channels last, as the Lab read them (issue 27 item 4): the code moves the channels first', () => {
    const n = 2;
    const last = new Float32Array(n * H * W * K);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < K; k++)
        for (let p = 0; p < H * W; p++) last[(i * H * W + p) * K + k] = sample.data[(i * K + k) * H * W + p] as number;
    writeFileSync(join(dir, 'last.npy'), writeNpy(last, [n, H, W, K]));
    const ids = ['argmax', 'dark'] as const;
    const out = run(numpyCode({ ...base, decoders: ids, layout: 'channelsLast' }), join(dir, 'last.npy'));
    expect(out).toHaveLength(n * K);
    const lib = Array.from({ length: n * K }, (_, i) => decodeAll(ids, mapAt(sampleStack, i), base));
    compare(out, (i, id) => lib[i]![id]!, ids, 'heatmap');
  });

  it('SimCC pairs from two .npy files (issue 27 item 4)', () => {
    const count = 6;
    const x = new Float32Array(count * 96);
    const y = new Float32Array(count * 128);
    for (let i = 0; i < count; i++) {
      x.set(simdrGaussian(10 + 5 * i, 48, 2, 4), i * 96);
      y.set(simdrGaussian(12 + 7 * i, 64, 2, 4), i * 128);
    }
    writeFileSync(join(dir, 'out_x.npy'), writeNpy(x, [1, count, 96]));
    writeFileSync(join(dir, 'out_y.npy'), writeNpy(y, [1, count, 128]));
    const settings: CopyAsCodeSettings = {
      ...base,
      input: 'simcc',
      decoders: ['simccArgmax'],
      splitRatio: 2,
      simccFiles: { x: 'out_x.npy', y: 'out_y.npy' },
    };
    const code = numpyCode(settings);
    expect(code).toContain("'out_x.npy'");
    const out = run(code, join(dir, 'out_x.npy'), join(dir, 'out_y.npy'));
    const lib = simccDecode(
      'simccArgmax',
      { data: x, count, length: 96 },
      { data: y, count, length: 128 },
      { splitRatio: 2 },
    );
    compare(out, (i) => lib[i]!, ['simccArgmax'], 'input');
  });

  it('SimCC pairs from a .npz: argmax, expectation and SimCC-DARK in input pixels', () => {
    const random = createRandom(11);
    const count = 20;
    const x = new Float32Array(count * 96);
    const y = new Float32Array(count * 128);
    for (let i = 0; i < count; i++) {
      const gx = simdrGaussian(random.uniform(1, 46), 48, 2, 4);
      const gy = simdrGaussian(random.uniform(1, 62), 64, 2, 4);
      for (let b = 0; b < 96; b++) x[i * 96 + b] = gx[b]! * 10 + 0.02 * random.normal();
      for (let b = 0; b < 128; b++) y[i * 128 + b] = gy[b]! * 10 + 0.02 * random.normal();
    }
    x.fill(-1, 5 * 96, 6 * 96);
    writeFileSync(
      join(dir, 'simcc.npz'),
      writeNpz({ simcc_x: { data: x, shape: [1, count, 96] }, simcc_y: { data: y, shape: [1, count, 128] } }),
    );
    const settings: CopyAsCodeSettings = {
      ...base,
      input: 'simcc',
      decoders: [...SIMCC_DECODER_IDS],
      splitRatio: 2,
      sigma: [4.9, 5.66],
      beta: 10,
    };
    const out = run(numpyCode(settings), join(dir, 'simcc.npz'));
    const vx = { data: x, count, length: 96 };
    const vy = { data: y, count, length: 128 };
    const lib = Object.fromEntries(
      SIMCC_DECODER_IDS.map((id) => [id, simccDecode(id, vx, vy, { splitRatio: 2, sigma: [4.9, 5.66], beta: 10 })]),
    );
    compare(out, (i, id) => lib[id]![i]!, SIMCC_DECODER_IDS, 'input');
  });
});

describe('copy as code without python', () => {
  it('writes the settings into the code and only the decoders chosen', () => {
    const code = numpyCode({ ...base, decoders: ['argmax', 'dark'], convention: 'mmpose', kernel: 7 });
    expect(code).toMatch(/^CONVENTION = 'mmpose'/m);
    expect(code).toMatch(/^KERNEL = 7 /m);
    expect(code).toMatch(/def decode_dark\(h\)/);
    expect(code).not.toMatch(/def decode_megvii/);
    expect(code).not.toMatch(/^import (?!json|sys|numpy)/m);
  });

  it('gives the matching MMPose codec config, and says what MMPose cannot express', () => {
    const config = mmposeConfig({
      ...base,
      decoders: ['argmax', 'dark', 'darkUdp', 'megvii'],
      kernel: 17,
      mapping: 'udp',
      flip: { file: 'f.npy', flipIndices: [0, 2, 1], shift: 2 },
    });
    expect(config).toContain(
      "codec = dict(type='MSRAHeatmap', input_size=(192, 256), heatmap_size=(48, 64), sigma=2, unbiased=True, blur_kernel_size=17)",
    );
    expect(config).toContain(
      "codec = dict(type='UDPHeatmap', input_size=(192, 256), heatmap_size=(48, 64), sigma=2, blur_kernel_size=17)",
    );
    expect(config).toContain(
      "codec = dict(type='MegviiHeatmap', input_size=(192, 256), heatmap_size=(48, 64), kernel_size=17)",
    );
    expect(config).toContain("test_cfg = dict(flip_test=True, flip_mode='heatmap', shift_heatmap=False)");
    expect(config).toMatch(/A shift of 2 cells is not an MMPose option/);
    expect(config).toMatch(/Argmax alone: no MMPose codec/);
    const simcc = mmposeConfig({ ...base, input: 'simcc', decoders: ['simccDark'], splitRatio: 2, sigma: [4.9, 5.66] });
    expect(simcc).toContain(
      "codec = dict(type='SimCCLabel', input_size=(192, 256), sigma=(4.9, 5.66), simcc_split_ratio=2, normalize=False, use_dark=True)",
    );
    expect(simcc).toContain('kernels 29 (x) and 35 (y)');
  });
});
