/**
 * The MMPose convention against MMPose's own functions: tests/fixtures/mmpose/ holds maps and
 * SimCC vectors with the outputs of get_heatmap_maximum, refine_keypoints,
 * refine_keypoints_dark, refine_keypoints_dark_udp, MegviiHeatmap.decode, MSRAHeatmap.decode,
 * UDPHeatmap.decode, get_simcc_maximum, refine_simcc_dark, SimCCLabel.decode and flip_heatmaps,
 * written by scripts/mmpose-goldens.py from an MMPose snapshot (see the README there).
 * Points agree to 1e-4 heatmap cells (bins), scores to 1e-5.
 *
 * A few cases hinge on the last bit of OpenCV's float32 blur (the sign of a difference of two
 * cells equal in exact arithmetic; a Newton step with near-zero curvature). The fixture lists
 * them under `float64Blur` with MMPose's outputs when its blur runs in float64; those cases are
 * compared with that, and there may be no more than one in ten of an output's cases.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeMap,
  flipHeatmaps,
  mapOf,
  mmposeDecodeScale,
  parseNpy,
  refineSimccDark,
  simccDarkKernel,
  simccDecode,
  simccMaximum,
  type DecodedPoint,
  type Geometry,
  type HeatmapDecoderId,
  type HeatmapStack,
  type VectorStack,
} from '../../src/lib/index.ts';

const DIR = resolve(__dirname, '../fixtures/mmpose');
const POINT_TOL = 1e-4;
const SCORE_TOL = 1e-5;

type Pair = [number | null, number | null];
interface Decoded {
  keypoints: Pair[];
  scores?: (number | null)[];
  /** Rounding-sensitive cases: index → MMPose's [x, y(, score)] with a float64 blur. */
  float64Blur: Record<string, (number | null)[]>;
}
interface HeatmapGroup {
  file: string;
  shape: [number, number, number];
  labels: string[];
  inputSize: [number, number];
  getHeatmapMaximum: { locs: Pair[]; vals: number[] };
  refineKeypoints: Pair[];
  refineKeypointsDark: Record<string, Decoded>;
  refineKeypointsDarkUdp: Record<string, Decoded>;
  darkUdpReadsAnotherMap: boolean[];
  megvii: Record<string, Decoded>;
  msraHeatmapDecode: Record<string, Decoded>;
  udpHeatmapDecode: Record<string, Decoded>;
}
interface Manifest {
  mmposeCommit: string;
  kernels: number[];
  heatmaps: HeatmapGroup[];
  simcc: {
    fileX: string;
    fileY: string;
    labels: string[];
    inputSize: [number, number];
    splitRatio: number;
    getSimccMaximum: { locs: Pair[]; vals: number[] };
    refineSimccDark: Record<string, Decoded>;
    simccLabelDecode: Record<string, Decoded & { sigma: [number, number]; useDark: boolean }>;
  };
  flip: { file: string; flipIndices: number[]; outputs: { shift: string; noShift: string } };
}

const manifest = JSON.parse(readFileSync(resolve(DIR, 'manifest.json'), 'utf8')) as Manifest;
const npy = (file: string) => parseNpy(readFileSync(resolve(DIR, file)));
const num = (v: number | null): number => (v === null ? Number.NaN : v);

/** |a - b| ≤ tol, NaN matching NaN only. */
function close(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(b)) return Number.isNaN(a);
  return Math.abs(a - b) <= tol;
}

/** Collects every mismatch so that one failure lists them all, by map label. */
function compare(
  what: string,
  labels: string[],
  got: (i: number) => DecodedPoint,
  want: (i: number) => { x: number; y: number; score?: number },
  skip: (i: number) => boolean = () => false,
): void {
  const bad: string[] = [];
  labels.forEach((label, i) => {
    if (skip(i)) return;
    const g = got(i);
    const w = want(i);
    const scoreOk = w.score === undefined || close(g.score, w.score, SCORE_TOL);
    if (!close(g.x, w.x, POINT_TOL) || !close(g.y, w.y, POINT_TOL) || !scoreOk) {
      bad.push(`${label}: got (${g.x}, ${g.y}) score ${g.score}, MMPose (${w.x}, ${w.y}) score ${w.score ?? '-'}`);
    }
  });
  expect(bad, what).toEqual([]);
}

const pairAt = (pairs: Pair[], i: number) => ({ x: num(pairs[i]![0]), y: num(pairs[i]![1]) });

/**
 * MMPose's output for case i, in its units times `scale`: as it ran, or with a float64 blur
 * for the cases listed as rounding-sensitive.
 */
function expected(entry: Decoded, i: number, scale = { x: 1, y: 1 }): { x: number; y: number; score?: number } {
  const alt = entry.float64Blur[String(i)];
  const [x, y, score] = alt ?? [entry.keypoints[i]![0], entry.keypoints[i]![1], entry.scores?.[i] ?? null];
  const out = { x: num(x ?? null) / scale.x, y: num(y ?? null) / scale.y };
  return entry.scores ? { ...out, score: num(score ?? null) } : out;
}

/** Every output lists few rounding-sensitive cases, each named. */
function checkSensitive(what: string, entry: Decoded, labels: string[]): void {
  const listed = Object.keys(entry.float64Blur);
  expect(
    listed.length,
    `${what}: rounding-sensitive ${listed.map((i) => labels[Number(i)]).join(', ')}`,
  ).toBeLessThanOrEqual(labels.length / 10);
}

it(`the fixtures cover at least 60 maps from MMPose ${manifest.mmposeCommit.slice(0, 7)}`, () => {
  const maps = manifest.heatmaps.reduce((n, g) => n + g.labels.length, 0);
  expect(maps).toBeGreaterThanOrEqual(60);
  const all = manifest.heatmaps.flatMap((g) => g.labels).join('\n');
  for (const kind of ['border', 'corner', 'all negative', 'maximum exactly 0', 'two equal maxima', 'plateau']) {
    expect(all).toContain(kind);
  }
});

for (const group of manifest.heatmaps) {
  const array = npy(group.file);
  const [k, h, w] = group.shape;
  const stack: HeatmapStack = { data: array.data as Float32Array, k, h, w };
  const map = (i: number) => mapOf(stack, i);
  const mmpose = (id: HeatmapDecoderId, i: number, kernel?: number) =>
    decodeMap(id, map(i), { convention: 'mmpose', ...(kernel ? { kernel } : {}) });
  const geometry: Geometry = { inputW: group.inputSize[0], inputH: group.inputSize[1], heatmapW: w, heatmapH: h };

  describe(`${group.file}: ${k} maps of ${h} × ${w}`, () => {
    it('argmax under the mmpose convention is get_heatmap_maximum, (-1, -1) when the maximum is ≤ 0', () => {
      const { locs, vals } = group.getHeatmapMaximum;
      compare(
        'argmax',
        group.labels,
        (i) => mmpose('argmax', i),
        (i) => ({ ...pairAt(locs, i), score: vals[i]! }),
      );
    });

    it('quarter under the mmpose convention is refine_keypoints (per-axis border rule)', () => {
      compare(
        'quarter',
        group.labels,
        (i) => mmpose('quarter', i),
        (i) => pairAt(group.refineKeypoints, i),
      );
    });

    for (const kernel of manifest.kernels) {
      it(`dark (k = ${kernel}) under the mmpose convention is refine_keypoints_dark`, () => {
        const want = group.refineKeypointsDark[kernel]!;
        checkSensitive(`dark k=${kernel}`, want, group.labels);
        compare(
          `dark k=${kernel}`,
          group.labels,
          (i) => mmpose('dark', i, kernel),
          (i) => expected(want, i),
        );
      });

      it(`darkUdp (k = ${kernel}) is refine_keypoints_dark_udp, except where MMPose reads another map`, () => {
        const want = group.refineKeypointsDarkUdp[kernel]!;
        const elsewhere = (i: number) => group.darkUdpReadsAnotherMap[i] === true;
        checkSensitive(`darkUdp k=${kernel}`, want, group.labels);
        compare(
          `darkUdp k=${kernel}`,
          group.labels,
          (i) => mmpose('darkUdp', i, kernel),
          (i) => expected(want, i),
          elsewhere,
        );
        // A maximum ≤ 0 keeps (-1, -1) here; MMPose's flat index of (-1, -1) reads the previous map.
        group.labels.forEach((_, i) => {
          if (!elsewhere(i)) return;
          const p = mmpose('darkUdp', i, kernel);
          expect([p.x, p.y]).toEqual([-1, -1]);
        });
      });

      it(`megvii (k = ${kernel}) is MegviiHeatmap.decode, divided by its scale_factor`, () => {
        const want = group.megvii[kernel]!;
        checkSensitive(`megvii k=${kernel}`, want, group.labels);
        const s = mmposeDecodeScale('MegviiHeatmap', geometry);
        compare(
          `megvii k=${kernel}`,
          group.labels,
          (i) => mmpose('megvii', i, kernel),
          (i) => expected(want, i, s),
        );
      });

      it(`MSRAHeatmap(unbiased, k = ${kernel}).decode is mmpose DARK × scale_factor`, () => {
        const want = group.msraHeatmapDecode[`unbiased-${kernel}`]!;
        checkSensitive(`MSRAHeatmap k=${kernel}`, want, group.labels);
        const s = mmposeDecodeScale('MSRAHeatmap', geometry);
        compare(
          `MSRAHeatmap k=${kernel}`,
          group.labels,
          (i) => {
            const p = mmpose('dark', i, kernel);
            return { ...p, x: p.x * s.x, y: p.y * s.y };
          },
          (i) => expected(want, i),
        );
      });

      it(`UDPHeatmap(k = ${kernel}).decode is darkUdp × input/(heatmap - 1)`, () => {
        const want = group.udpHeatmapDecode[kernel]!;
        checkSensitive(`UDPHeatmap k=${kernel}`, want, group.labels);
        const s = mmposeDecodeScale('UDPHeatmap', geometry);
        compare(
          `UDPHeatmap k=${kernel}`,
          group.labels,
          (i) => {
            const p = mmpose('darkUdp', i, kernel);
            return { ...p, x: p.x * s.x, y: p.y * s.y };
          },
          (i) => expected(want, i),
          (i) => group.darkUdpReadsAnotherMap[i] === true,
        );
      });
    }

    it('MSRAHeatmap(unbiased=False).decode is the mmpose quarter shift × scale_factor', () => {
      const want = group.msraHeatmapDecode.biased!;
      expect(want.float64Blur).toEqual({});
      const s = mmposeDecodeScale('MSRAHeatmap', geometry);
      compare(
        'MSRAHeatmap biased',
        group.labels,
        (i) => {
          const p = mmpose('quarter', i);
          return { ...p, x: p.x * s.x, y: p.y * s.y };
        },
        (i) => expected(want, i),
      );
    });
  });
}

describe('SimCC against get_simcc_maximum, refine_simcc_dark and SimCCLabel.decode', () => {
  const { simcc } = manifest;
  const ax = npy(simcc.fileX);
  const ay = npy(simcc.fileY);
  const vx: VectorStack = { data: ax.data as Float32Array, count: ax.shape[0]!, length: ax.shape[1]! };
  const vy: VectorStack = { data: ay.data as Float32Array, count: ay.shape[0]!, length: ay.shape[1]! };
  const maxima = simccMaximum(vx, vy);
  // Keypoints at -1 (score ≤ 0): MMPose's refinement reads wrapped indices there (NaN for an
  // all-zero vector); here they stay -1.
  const invalid = (i: number) => !(maxima[i]!.score > 0);

  it('simccMaximum is get_simcc_maximum: bins, the smaller maximum, (-1, -1) when ≤ 0', () => {
    const { locs, vals } = simcc.getSimccMaximum;
    compare(
      'simccMaximum',
      simcc.labels,
      (i) => maxima[i]!,
      (i) => ({ ...pairAt(locs, i), score: vals[i]! }),
    );
    expect(simcc.labels.filter((_, i) => invalid(i)).length).toBeGreaterThanOrEqual(3);
  });

  for (const kernel of manifest.kernels) {
    it(`refineSimccDark (k = ${kernel}) is refine_simcc_dark`, () => {
      const want = simcc.refineSimccDark[kernel]!;
      checkSensitive(`refineSimccDark k=${kernel}`, want, simcc.labels);
      compare(
        `refineSimccDark k=${kernel}`,
        simcc.labels,
        (i) => ({
          x: refineSimccDark(vx.data.subarray(i * vx.length, (i + 1) * vx.length), maxima[i]!.x, kernel).bin,
          y: refineSimccDark(vy.data.subarray(i * vy.length, (i + 1) * vy.length), maxima[i]!.y, kernel).bin,
          score: 0,
        }),
        (i) => expected(want, i),
        invalid,
      );
      simcc.labels.forEach((_, i) => {
        if (!invalid(i)) return;
        const row = vx.data.subarray(i * vx.length, (i + 1) * vx.length);
        expect(refineSimccDark(row, -1, kernel).bin).toBe(-1);
      });
    });
  }

  for (const [key, decoded] of Object.entries(simcc.simccLabelDecode)) {
    it(`simccDecode is SimCCLabel.decode (${key}): input pixels, bins / k, -1/k when ≤ 0`, () => {
      const id = decoded.useDark ? 'simccDark' : 'simccArgmax';
      const got = simccDecode(id, vx, vy, { splitRatio: simcc.splitRatio, sigma: decoded.sigma });
      checkSensitive(key, decoded, simcc.labels);
      compare(
        key,
        simcc.labels,
        (i) => got[i]!,
        (i) => expected(decoded, i),
        decoded.useDark ? invalid : () => false,
      );
    });
  }

  it("derives SimCC-DARK's kernel from σ as SimCCLabel.decode does", () => {
    // int((20σ - 7) // 3), less one when even: 33 // 3 = 11; 91 // 3 = 30 → 29; 106.2 // 3 = 35.
    expect(simccDarkKernel(2)).toBe(11);
    expect(simccDarkKernel(4.9)).toBe(29);
    expect(simccDarkKernel(5.66)).toBe(35);
    expect(simccDarkKernel(6)).toBe(37);
  });
});

describe('flipHeatmaps against flip_heatmaps (COCO flip indices)', () => {
  const input = npy(manifest.flip.file);
  const [, k, h, w] = input.shape as [number, number, number, number];
  const stack: HeatmapStack = { data: input.data as Float32Array, k, h, w };
  for (const [key, file] of Object.entries(manifest.flip.outputs)) {
    it(`shift_heatmap=${key === 'shift'} equals shift ${key === 'shift' ? 1 : 0}, value for value`, () => {
      const out = flipHeatmaps(stack, manifest.flip.flipIndices, key === 'shift' ? 1 : 0);
      expect(Array.from(out.data)).toEqual(Array.from(npy(file).data));
    });
  }
});
