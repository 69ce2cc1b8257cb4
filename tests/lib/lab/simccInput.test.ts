import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  simccFromNpyPair,
  simccFromNpz,
  simccLengthMismatch,
  simccVectors,
  writeNpy,
  writeNpz,
} from '../../../src/lib/index.ts';
import { refusal } from './refusal.ts';

const x = Float32Array.from({ length: 2 * 17 * 96 }, (_, i) => i % 96);
const y = Float32Array.from({ length: 2 * 17 * 128 }, (_, i) => i % 128);

describe('SimCC inputs', () => {
  it('reads simcc_x and simcc_y from a .npz by name, [N, K, bins]', () => {
    const s = simccFromNpz(
      writeNpz({
        other: { data: new Float32Array(3), shape: [3] },
        simcc_y: { data: y, shape: [2, 17, 128] },
        simcc_x: { data: x, shape: [2, 17, 96] },
      }),
      'rtm.npz',
    );
    expect([s.n, s.k, s.lengthX, s.lengthY]).toEqual([2, 17, 96, 128]);
    expect(s.note).toBeUndefined();
    const { vx, vy } = simccVectors(s);
    expect([vx.count, vx.length, vy.length]).toEqual([34, 96, 128]);
  });

  it('falls back to the first two arrays, saying so', () => {
    const s = simccFromNpz(
      writeNpz({
        a: { data: x.subarray(0, 17 * 96), shape: [17, 96] },
        b: { data: y.subarray(0, 17 * 128), shape: [17, 128] },
      }),
      'p.npz',
    );
    expect([s.n, s.k]).toEqual([1, 17]);
    expect(s.note).toBe(
      "no arrays named simcc_x and simcc_y: read a as the x vectors and b as the y vectors (the archive's first two)",
    );
  });

  it('reads two .npy files chosen together', () => {
    const s = simccFromNpyPair(writeNpy(x, [2, 17, 96]), 'x.npy', writeNpy(y, [2, 17, 128]), 'y.npy');
    expect(s.source).toBe('x.npy + y.npy');
    expect(s.y[128 + 5]).toBe(5);
  });

  it('refuses pairs that do not match, with what differs', () => {
    expect(
      refusal(() =>
        simccFromNpyPair(writeNpy(x, [2, 17, 96]), 'x.npy', writeNpy(y.subarray(0, 16 * 128), [16, 128]), 'y.npy'),
      ),
    ).toMatch(/different ranks/);
    expect(
      refusal(() =>
        simccFromNpyPair(
          writeNpy(x, [2, 17, 96]),
          'x.npy',
          writeNpy(y.subarray(0, 2 * 16 * 128), [2, 16, 128]),
          'y.npy',
        ),
      ),
    ).toMatch(/different numbers of keypoints \(17 and 16\)/);
    // 50 samples of x and 49 of y: a sample count, not a keypoint count (issue 27 item 9).
    expect(
      refusal(() =>
        simccFromNpyPair(
          writeNpy(new Float32Array(3 * 17 * 96), [3, 17, 96]),
          'x.npy',
          writeNpy(new Float32Array(2 * 17 * 128), [2, 17, 128]),
          'y.npy',
        ),
      ),
    ).toBe('x.npy + y.npy: simcc_x (3, 17, 96) and simcc_y (2, 17, 128) hold different numbers of samples (3 and 2)');
    // NumPy's own file: simcc_x [2, 3, 4] and simcc_y [10] (tests/fixtures/npz).
    const numpy = readFileSync(resolve(__dirname, '../../fixtures/npz/savez-numpy1.npz'));
    expect(refusal(() => simccFromNpz(numpy, 'savez.npz'))).toMatch(
      /simcc_x has 4 bins; SimCC vectors need at least 5/,
    );
    expect(refusal(() => simccFromNpz(writeNpz({ a: { data: x, shape: [2, 17, 96] } }), 'one.npz'))).toMatch(
      /needs two arrays .* it holds a$/,
    );
  });

  it('says when the lengths do not fit the input size and split ratio (MMPose: round(w·k))', () => {
    const s = simccFromNpyPair(writeNpy(x, [2, 17, 96]), 'x.npy', writeNpy(y, [2, 17, 128]), 'y.npy');
    expect(simccLengthMismatch(s, 48, 64, 2)).toBeUndefined();
    expect(simccLengthMismatch(s, 192, 256, 2)).toBe(
      'the vectors have 96 and 128 bins, but a 192 × 256 input at split ratio 2 gives 384 and 512',
    );
  });
});
