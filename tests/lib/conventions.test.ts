/**
 * The two decoding conventions on hand-made maps whose answers follow from the rules in
 * conventions.md, the table of toolkit functions, and the non-finite rule of finite.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  createRandom,
  decodeAll,
  decodeMap,
  DECODE_CONVENTIONS,
  encodeUnbiased,
  HEATMAP_DECODER_IDS,
  megviiScore,
  refinementAt,
  SIMCC_DECODER_IDS,
  TOOLKIT_FUNCTIONS,
  type DecodeConvention,
  type Heatmap,
  type HeatmapDecoderId,
} from '../../src/lib/index.ts';

/** A w×h map of zeros with the given cells set: [x, y, value]. */
function mapWith(w: number, h: number, cells: [number, number, number][]): Heatmap {
  const data = new Float32Array(w * h);
  for (const [x, y, v] of cells) data[y * w + x] = v;
  return { data, w, h };
}

const xy = (id: HeatmapDecoderId, map: Heatmap, convention: DecodeConvention, kernel = 3) => {
  const p = decodeMap(id, map, { convention, kernel });
  return [p.x, p.y];
};

describe('maps whose maximum is ≤ 0', () => {
  const negative = { data: Float32Array.from({ length: 35 }, (_, i) => -1 - i / 10), w: 7, h: 5 };
  const zero = { data: new Float32Array(35), w: 7, h: 5 };

  it('decode to (0, 0) under reference and to (-1, -1) under mmpose, score kept', () => {
    for (const map of [negative, zero]) {
      for (const id of ['argmax', 'quarter', 'dark'] as const) {
        expect(xy(id, map, 'reference'), id).toEqual([0, 0]);
        expect(xy(id, map, 'mmpose'), id).toEqual([-1, -1]);
        expect(decodeMap(id, map, { convention: 'mmpose' }).score).toBe(map.data[0]);
      }
    }
  });

  it('decode to (-1, -1) with DARK-UDP under either convention (MMPose-only decoder)', () => {
    for (const convention of DECODE_CONVENTIONS) expect(xy('darkUdp', negative, convention)).toEqual([-1, -1]);
  });

  it("give Megvii's (-1, -1) with score max/255 + 0.5, and MMPose's (0, 0), NaN for an all-zero map", () => {
    const p = decodeMap('megvii', negative, { kernel: 3 });
    expect([p.x, p.y]).toEqual([-1, -1]);
    // The modulated maximum equals the original maximum, -1, up to float32 rounding.
    expect(p.score).toBeCloseTo(-1 / 255 + 0.5, 6);
    const z = decodeMap('megvii', zero, { kernel: 3 });
    expect([z.x, z.y]).toEqual([0, 0]);
    expect(z.score).toBeNaN();
    expect(z.fallback).toMatch(/0\/0/);
  });
});

describe("the quarter shift's border rules", () => {
  // A peak at (x, y) on a 7 × 6 map, with its right and lower neighbours larger than the left
  // and upper ones, so that any shift allowed is +0.25 on both axes.
  const peak = (x: number, y: number): Heatmap =>
    mapWith(7, 6, [
      [x, y, 1],
      ...(x + 1 < 7 ? [[x + 1, y, 0.6] as [number, number, number]] : []),
      ...(x > 0 ? [[x - 1, y, 0.2] as [number, number, number]] : []),
      ...(y + 1 < 6 ? [[x, y + 1, 0.6] as [number, number, number]] : []),
      ...(y > 0 ? [[x, y - 1, 0.2] as [number, number, number]] : []),
    ]);

  it('shift both axes in the interior under both conventions', () => {
    expect(xy('quarter', peak(3, 2), 'reference')).toEqual([3.25, 2.25]);
    expect(xy('quarter', peak(3, 2), 'mmpose')).toEqual([3.25, 2.25]);
  });

  it('at x = 1: reference shifts nothing; mmpose shifts y only (1 < y < H-1 and 0 < x < W)', () => {
    expect(xy('quarter', peak(1, 2), 'reference')).toEqual([1, 2]);
    expect(xy('quarter', peak(1, 2), 'mmpose')).toEqual([1, 2.25]);
  });

  it('at y = H-2 = 4: reference shifts both (1 < 4 < 5); at y = 1 mmpose shifts x only', () => {
    expect(xy('quarter', peak(3, 4), 'reference')).toEqual([3.25, 4.25]);
    expect(xy('quarter', peak(3, 1), 'reference')).toEqual([3, 1]);
    expect(xy('quarter', peak(3, 1), 'mmpose')).toEqual([3.25, 1]);
  });

  it('in row 0, mmpose does not shift x (0 < y fails); in column 0 it does not shift y', () => {
    expect(xy('quarter', peak(3, 0), 'mmpose')).toEqual([3, 0]);
    expect(xy('quarter', peak(0, 2), 'mmpose')).toEqual([0, 2]);
  });

  it('at x = W-1 neither convention shifts x', () => {
    expect(xy('quarter', peak(6, 2), 'reference')).toEqual([6, 2]);
    expect(xy('quarter', peak(6, 2), 'mmpose')).toEqual([6, 2.25]);
  });
});

describe('DARK and DARK-UDP at the border', () => {
  const w = 24;
  const h = 20;
  it('DARK (either convention) keeps the argmax within two cells of the edge; DARK-UDP refines there', () => {
    const map = encodeUnbiased({ x: 1.3, y: 9.6 }, w, h, 2);
    for (const convention of DECODE_CONVENTIONS) expect(xy('dark', map, convention, 7)).toEqual([1, 10]);
    const udp = decodeMap('darkUdp', map, { kernel: 3 });
    expect(Math.abs(udp.y - 9.6)).toBeLessThan(1e-3);
    // At x = 1 the blur's zero padding skews the step, but it still moves toward 1.3.
    expect(Math.abs(udp.x - 1.3)).toBeLessThan(Math.abs(1 - 1.3));
  });

  it('in column 0 the edge padding makes dxx = L[1] - L[0] = 2·dx, so DARK-UDP lands on x = -0.5', () => {
    // A Gaussian's log is a(x) + b(y), so the seven-point dxy is 0 and the x offset is dx/dxx = ½.
    const map = encodeUnbiased({ x: 0.2, y: 9.6 }, w, h, 2);
    const udp = decodeMap('darkUdp', map, { kernel: 7 });
    expect(Math.abs(udp.x + 0.5)).toBeLessThan(1e-5);
    expect(Math.abs(udp.y - 9.6)).toBeLessThan(1e-3);
  });

  it('DARK-UDP recovers an interior Gaussian centre (its log is quadratic: one Newton step is exact)', () => {
    const map = encodeUnbiased({ x: 11.3, y: 8.7 }, w, h, 2);
    const p = decodeMap('darkUdp', map, { kernel: 3 });
    // The blur's zero padding bends the tails a little; the centre is found to 1e-2.
    expect(Math.abs(p.x - 11.3)).toBeLessThan(1e-2);
    expect(Math.abs(p.y - 8.7)).toBeLessThan(1e-2);
  });
});

describe("Megvii's decoder", () => {
  it('adds 0.25·sign + 0.5 per axis away from the border, from the blurred map, score max/255 + 0.5', () => {
    // Symmetric in y about row 3, larger right than left of column 3.
    const map = mapWith(7, 7, [
      [3, 3, 1],
      [4, 3, 0.5],
      [2, 3, 0.1],
      [3, 2, 0.3],
      [3, 4, 0.3],
    ]);
    const p = decodeMap('megvii', map, { kernel: 3 });
    expect([p.x, p.y]).toEqual([3.75, 3.5]);
    expect(p.score).toBeCloseTo(megviiScore(1), 6);
  });

  it('adds nothing at the border (1 < x < W-1 and 1 < y < H-1 both needed)', () => {
    const map = mapWith(7, 7, [
      [1, 3, 1],
      [2, 3, 0.5],
    ]);
    const p = decodeMap('megvii', map, { kernel: 3 });
    expect([p.x, p.y]).toEqual([1, 3]);
  });
});

describe('refinementAt(x, y, W, H): which border rule refines what', () => {
  it('agrees with the decoders’ own tests along a row dragged to the edge of a 48 × 64 map', () => {
    const at = (x: number, y: number) => refinementAt(x, y, 48, 64);
    expect(at(24, 32)).toEqual({
      hrnetQuarter: { x: true, y: true },
      mmposeQuarter: { x: true, y: true },
      dark: { x: true, y: true },
      darkUdp: { x: true, y: true },
      megvii: { x: true, y: true },
    });
    // x = 1: only MMPose's per-axis rule still moves y; DARK-UDP refines everywhere.
    expect(at(1, 32)).toEqual({
      hrnetQuarter: { x: false, y: false },
      mmposeQuarter: { x: false, y: true },
      dark: { x: false, y: false },
      darkUdp: { x: true, y: true },
      megvii: { x: false, y: false },
    });
    // x = W-2 = 46: the quarter shifts and Megvii still act, DARK (two cells) does not.
    expect(at(46, 32).hrnetQuarter).toEqual({ x: true, y: true });
    expect(at(46, 32).dark).toEqual({ x: false, y: false });
    expect(at(20, 0).mmposeQuarter).toEqual({ x: false, y: false });
  });

  it('matches what decodeMap does on a peak at each cell of a small map (property of the table)', () => {
    const w = 7;
    const h = 6;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // A peak at (x, y) whose right and lower neighbours are larger than the others.
        const cells: [number, number, number][] = [[x, y, 1]];
        if (x + 1 < w) cells.push([x + 1, y, 0.6]);
        if (x > 0) cells.push([x - 1, y, 0.2]);
        if (y + 1 < h) cells.push([x, y + 1, 0.6]);
        if (y > 0) cells.push([x, y - 1, 0.2]);
        const map = mapWith(w, h, cells);
        const rules = refinementAt(x, y, w, h);
        const ref = decodeMap('quarter', map);
        const mm = decodeMap('quarter', map, { convention: 'mmpose' });
        expect([ref.x !== x, ref.y !== y], `${x}, ${y}`).toEqual([rules.hrnetQuarter.x, rules.hrnetQuarter.y]);
        expect([mm.x !== x, mm.y !== y], `${x}, ${y}`).toEqual([rules.mmposeQuarter.x, rules.mmposeQuarter.y]);
      }
    }
  });
});

describe('the table of toolkit functions', () => {
  it('names the function for every heatmap decoder under each convention, and every SimCC decoder', () => {
    for (const convention of DECODE_CONVENTIONS) {
      for (const id of HEATMAP_DECODER_IDS) {
        const rows = TOOLKIT_FUNCTIONS.filter(
          (r) => r.decoder === id && (r.convention === convention || r.convention === 'both'),
        );
        expect(rows.length, `${convention} ${id}`).toBe(1);
      }
    }
    for (const id of [...SIMCC_DECODER_IDS, 'flip', 'mapping']) {
      expect(TOOLKIT_FUNCTIONS.some((r) => r.decoder === id)).toBe(true);
    }
  });
});

describe('non-finite cells: what is finite is decoded', () => {
  const clean = encodeUnbiased({ x: 20.3, y: 30.6 }, 48, 64, 2);
  const withBad = (cells: [number, number, number][]): Heatmap => {
    const data = Float32Array.from(clean.data);
    for (const [x, y, v] of cells) data[y * 48 + x] = v;
    return { data, w: 48, h: 64 };
  };

  it('a few bad cells far from the peak change no decoder that does not read them', () => {
    const bad = withBad([
      [2, 3, Number.NaN],
      [45, 60, Number.POSITIVE_INFINITY],
      [40, 5, Number.NEGATIVE_INFINITY],
    ]);
    for (const convention of DECODE_CONVENTIONS) {
      for (const id of ['argmax', 'quarter', 'quarter2', 'dark', 'darkUdp', 'megvii'] as const) {
        const a = decodeMap(id, bad, { convention, kernel: 11 });
        const b = decodeMap(id, clean, { convention, kernel: 11 });
        expect([a.x, a.y, a.score], `${convention} ${id}`).toEqual([b.x, b.y, b.score]);
        expect(a.fallback).toBeUndefined();
      }
    }
  });

  it('soft-argmax gives bad cells weight 0 (as a logit of -∞ would)', () => {
    const bad = withBad([[2, 3, Number.NaN]]);
    const zeroWeight = withBad([[2, 3, -1e30]]);
    for (const id of ['softargmax', 'softargmaxDebiased', 'softargmaxMmpose'] as const) {
      const a = decodeMap(id, bad, { beta: 30 });
      const b = decodeMap(id, zeroWeight, { beta: 30 });
      expect(a.x).toBeCloseTo(b.x, 10);
      expect(a.y).toBeCloseTo(b.y, 10);
    }
  });

  it('a NaN next to the peak stops each refinement, which keeps its unrefined point and says so', () => {
    const bad = withBad([[21, 31, Number.NaN]]);
    const m = decodeMap('argmax', bad);
    expect([m.x, m.y]).toEqual([20, 31]);
    const q = decodeMap('quarter', bad);
    expect([q.x, q.y, q.fallback]).toEqual([20, 31, expect.stringMatching(/quarter shift/)]);
    const d = decodeMap('dark', bad, { kernel: 11 });
    expect([d.x, d.y, d.fallback]).toEqual([20, 31, expect.stringMatching(/DARK's neighbourhood/)]);
    const u = decodeMap('darkUdp', bad, { kernel: 3 });
    expect([u.x, u.y, u.fallback]).toEqual([20, 31, expect.stringMatching(/DARK-UDP/)]);
    // Megvii's argmax is over the blurred map, where the NaN spreads over a 3 × 3 block.
    const g = decodeMap('megvii', bad, { kernel: 3 });
    expect(Number.isFinite(g.x) && Number.isFinite(g.score)).toBe(true);
  });

  it('a +∞ cell never wins the argmax', () => {
    const bad = withBad([[5, 5, Number.POSITIVE_INFINITY]]);
    expect(xy('argmax', bad, 'reference')).toEqual(xy('argmax', clean, 'reference'));
  });

  it('a map with no finite cell decodes to (NaN, NaN) with a fallback (Megvii: as MMPose, (0, 0))', () => {
    const none = { data: new Float32Array(12).fill(Number.NaN), w: 4, h: 3 };
    for (const id of HEATMAP_DECODER_IDS) {
      const p = decodeMap(id, none, { kernel: 3 });
      expect(p.fallback, id).toBeTruthy();
      if (id === 'megvii') expect([p.x, p.y]).toEqual([0, 0]);
      else expect([p.x, p.y], id).toEqual([Number.NaN, Number.NaN]);
    }
  });
});

describe('decodeAll(ids, map, { convention })', () => {
  it('gives each decoder what decodeMap gives, under both conventions, with bad cells (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), fc.nat(3), (seed, mmpose, bad) => {
        const r = createRandom(seed);
        const map = encodeUnbiased({ x: r.uniform(-1, 24), y: r.uniform(-1, 20) }, 24, 20, 2);
        addNoise(map.data, 0.1, r);
        for (let i = 0; i < bad; i++) map.data[Math.floor(r.uniform(0, 480))] = Number.NaN;
        const options = { kernel: 5, beta: 4, convention: mmpose ? ('mmpose' as const) : ('reference' as const) };
        const all = decodeAll(HEATMAP_DECODER_IDS, map, options);
        return HEATMAP_DECODER_IDS.every(
          (id) => JSON.stringify(all[id]) === JSON.stringify(decodeMap(id, map, options)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
