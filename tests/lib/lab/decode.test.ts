/** The Lab's decoding under conventions and mappings, with NaN cells, and of SimCC pairs. */
import { describe, expect, it } from 'vitest';
import {
  decodeLabSimccRange,
  decodeLabStack,
  decodeMap,
  encodeUnbiased,
  HEATMAP_DECODER_IDS,
  labInputScale,
  mostDisagreement,
  nonFiniteSummary,
  scanNonFinite,
  simccDecode,
  simccVectors,
  simdrGaussian,
  type LabSettings,
  type LabSimcc,
  type LabStack,
  type HeatmapDecoderId,
} from '../../../src/lib/index.ts';

const settings = (patch: Partial<LabSettings<HeatmapDecoderId>> = {}): LabSettings<HeatmapDecoderId> => ({
  decoders: [...HEATMAP_DECODER_IDS],
  kernel: 11,
  beta: 20,
  stride: 4,
  ...patch,
});

/** Three maps of 64 × 48: a clean one, one with 3 NaN cells, one entirely NaN. */
function stackWithBadCells(): LabStack {
  const size = 64 * 48;
  const data = new Float32Array(3 * size);
  data.set(encodeUnbiased({ x: 20.3, y: 30.6 }, 48, 64, 2).data, 0);
  data.set(encodeUnbiased({ x: 10.7, y: 12.2 }, 48, 64, 2).data, size);
  data[size + 5] = Number.NaN;
  data[size + 6] = Number.NaN;
  data[size + 64 * 48 - 1] = Number.POSITIVE_INFINITY;
  data.fill(Number.NaN, 2 * size);
  return { n: 1, k: 3, h: 64, w: 48, data, source: 'bad' };
}

describe('decodeLabStack with NaN and infinite cells', () => {
  const stack = stackWithBadCells();
  const rows = decodeLabStack(stack, settings());

  it('decodes a map with a few bad cells, saying how many, and skips only a map with no finite value', () => {
    expect(rows.map((r) => r.badCells)).toEqual([undefined, 3, 48 * 64]);
    expect(rows[1]!.skipped).toBeUndefined();
    expect(Math.abs(rows[1]!.points.dark!.x - 10.7)).toBeLessThan(0.01);
    expect(rows[2]!.skipped).toBe('holds no finite value');
  });

  it('gives each decoder the points decodeMap gives on the same map', () => {
    const map = { data: stack.data.subarray(64 * 48, 2 * 64 * 48), w: 48, h: 64 };
    for (const id of HEATMAP_DECODER_IDS) {
      expect(rows[1]!.points[id], id).toEqual(decodeMap(id, map, { kernel: 11, beta: 20 }));
    }
  });

  it('says it all in one consistent line that agrees with the scan', () => {
    const report = scanNonFinite(stack);
    expect(report.count).toBe(3 + 48 * 64);
    expect(nonFiniteSummary(rows)).toBe(
      '3,075 NaN or infinite cells in 2 maps: decoded 2 maps of 3 from their finite cells; 1 map with no finite value not decoded',
    );
    expect(
      nonFiniteSummary(decodeLabStack({ ...stack, k: 1, data: stack.data.subarray(0, 64 * 48) }, settings())),
    ).toBe(undefined);
  });
});

describe('decodeLabStack under a convention and a mapping', () => {
  const negative: LabStack = { n: 1, k: 1, h: 8, w: 8, data: new Float32Array(64).fill(-1), source: 'neg' };

  it('passes the convention to every decoder', () => {
    const ref = decodeLabStack(negative, settings({ decoders: ['argmax'] }))[0]!;
    const mm = decodeLabStack(negative, settings({ decoders: ['argmax'], convention: 'mmpose' }))[0]!;
    expect([ref.points.argmax!.x, mm.points.argmax!.x]).toEqual([0, -1]);
  });

  it('measures errors in input pixels under the stride or the UDP mapping', () => {
    const map = encodeUnbiased({ x: 20, y: 30 }, 48, 64, 2);
    const stack: LabStack = { n: 1, k: 1, h: 64, w: 48, data: map.data, source: 'one' };
    const truth = [{ x: 21, y: 30 }];
    const stride = decodeLabStack(stack, settings({ decoders: ['argmax'] }), truth)[0]!;
    expect(stride.errors.argmax).toBe(4);
    const udp = decodeLabStack(stack, settings({ decoders: ['argmax'], mapping: 'udp' }), truth)[0]!;
    expect(udp.errors.argmax).toBeCloseTo(191 / 47, 12);
    expect(labInputScale({ stride: 4, mapping: 'udp' }, 48, 64)).toEqual({ x: 191 / 47, y: 255 / 63 });
  });
});

describe('decodeLabSimccRange', () => {
  // Two keypoints of an input 48 × 64 at split ratio 2: SA-SimDR Gaussian labels.
  const keypoints = [
    { x: 20.3, y: 30.6 },
    { x: 5.25, y: 50.5 },
  ];
  const x = Float32Array.from(keypoints.flatMap((p) => Array.from(simdrGaussian(p.x, 48, 2, 2))));
  const y = Float32Array.from(keypoints.flatMap((p) => Array.from(simdrGaussian(p.y, 64, 2, 2))));
  const simcc: LabSimcc = { n: 1, k: 2, lengthX: 96, lengthY: 128, x, y, source: 'simcc' };
  const s = { decoders: ['simccArgmax', 'simccExpectation', 'simccDark'] as const, splitRatio: 2, sigma: 2, beta: 1 };

  it('decodes each keypoint with each decoder in input pixels, as simccDecode does', () => {
    const rows = decodeLabSimccRange(simcc, { ...s, decoders: [...s.decoders] }, 0, 2, keypoints);
    const { vx, vy } = simccVectors(simcc);
    for (const id of s.decoders) {
      const want = simccDecode(id, vx, vy, { splitRatio: 2, sigma: 2, beta: 1 });
      expect(rows.map((r) => r.points[id])).toEqual(want);
    }
    // Argmax is off by the rounding of k·x to a bin: 40.6 → bin 41 → 20.5; 61.2 → bin 61 → 30.5.
    expect(rows[0]!.errors.simccArgmax).toBeCloseTo(Math.hypot(0.2, 0.1), 12);
    expect(rows[0]!.errors.simccDark!).toBeLessThan(0.01);
  });

  it('decodes a sub-range: rows [1, 2) only', () => {
    const rows = decodeLabSimccRange(simcc, { ...s, decoders: ['simccArgmax'] }, 1, 5);
    expect(rows.map((r) => [r.index, r.n, r.k])).toEqual([[1, 0, 1]]);
    // k·x = 10.5 lies between bins 10 and 11, equal: the first wins, 10/2 = 5.
    expect(rows[0]!.points.simccArgmax!.x).toBe(5);
  });
});

describe('mostDisagreement(rows, count) (issue 27 item 9)', () => {
  it('leaves out empty maps (maximum ≤ 0), where MMPose puts argmax at (−1, −1) and soft-argmax anywhere', () => {
    const w = 48;
    const h = 64;
    const data = new Float32Array(3 * w * h);
    data.set(encodeUnbiased({ x: 10.3, y: 20.6 }, w, h, 2).data, 0);
    data.set(encodeUnbiased({ x: 30.8, y: 40.2 }, w, h, 2).data, w * h);
    data.fill(-0.5, 2 * w * h); // an empty map: every decoder lands somewhere, argmax at (−1, −1)
    const stack: LabStack = { n: 1, k: 3, h, w, data, source: 'three.npy' };
    const rows = decodeLabStack(stack, {
      decoders: ['argmax', 'softargmax'],
      kernel: 11,
      beta: 20,
      stride: 4,
      convention: 'mmpose',
    });
    expect(rows[2]!.empty).toBe(true);
    expect(rows[2]!.spread).toBeGreaterThan(Math.max(rows[0]!.spread, rows[1]!.spread));
    expect(mostDisagreement(rows, 3)).not.toContain(2);
    expect(mostDisagreement(rows, 3).sort()).toEqual([0, 1]);
  });
});
