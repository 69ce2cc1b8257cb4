import { describe, expect, it } from 'vitest';
import {
  decodeMap,
  encodeUnbiased,
  megviiScore,
  SCORE_CONVENTION_INFO,
  SCORE_CONVENTIONS,
  scoreUnder,
  simccMaximum,
  thresholdSweep,
} from '../../src/lib/index.ts';

describe('score conventions', () => {
  it('raw maximum, Megvii’s max/255 + 0.5 and SimCC’s smaller maximum', () => {
    expect(scoreUnder('heatmapMax', 1.3)).toBe(1.3);
    expect(scoreUnder('megvii', 255)).toBe(1.5);
    expect(megviiScore(0)).toBe(0.5);
    expect(scoreUnder('simccMin', 0.9, 0.4)).toBe(0.4);
    for (const c of SCORE_CONVENTIONS) expect(SCORE_CONVENTION_INFO[c].follows).toBeTruthy();
  });

  it('are what the decoders report: DARK keeps the raw maximum, Megvii rescales it, SimCC takes the minimum', () => {
    const map = encodeUnbiased({ x: 20.3, y: 30.6 }, 48, 64, 2);
    const raw = decodeMap('argmax', map).score;
    expect(decodeMap('dark', map, { kernel: 11 }).score).toBe(raw);
    expect(decodeMap('darkUdp', map, { kernel: 11 }).score).toBe(raw);
    // Megvii reads the modulated map, rescaled to the same maximum (float32 rounding aside).
    expect(decodeMap('megvii', map, { kernel: 11 }).score).toBeCloseTo(raw / 255 + 0.5, 7);
    const [p] = simccMaximum(
      { data: Float32Array.of(0.2, 0.9), count: 1, length: 2 },
      { data: Float32Array.of(0.6, 0.1, 0), count: 1, length: 3 },
    );
    expect(p!.score).toBe(Math.fround(0.6));
  });
});

describe('thresholdSweep(scores, errors, thresholds)', () => {
  it('keeps the keypoints scoring at least the threshold and averages both groups (hand-worked)', () => {
    const scores = [0.9, 0.8, 0.3, 0.1, Number.NaN];
    const errors = [1, 2, 5, 9, 100];
    expect(thresholdSweep(scores, errors, [0, 0.5, 1])).toEqual([
      { threshold: 0, kept: 4, keptShare: 1, meanKept: 17 / 4, meanDropped: Number.NaN },
      { threshold: 0.5, kept: 2, keptShare: 0.5, meanKept: 1.5, meanDropped: 7 },
      { threshold: 1, kept: 0, keptShare: 0, meanKept: Number.NaN, meanDropped: 17 / 4 },
    ]);
  });
});
