/**
 * MediaPipe's RefineLandmarksFromHeatmapCalculator, on hand-made 16 × 16 logit maps with a 64 px
 * input (stride 4, as the model's 64 × 64 maps for 256 px): expected values are the weighted means
 * worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  MEDIAPIPE_MIN_CONFIDENCE,
  MEDIAPIPE_REFINE_KERNEL,
  refineLandmark,
  refineLandmarks,
  type Heatmap,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';

const N = 16;
const INPUT = 64;
const BACKGROUND = -40; // sigmoid ≈ 4e-18: nothing next to the marked cells

/** A map of logits whose sigmoid is p at the given cells, ~0 elsewhere. */
function mapWith(cells: [col: number, row: number, p: number][]): Heatmap {
  const data = new Float32Array(N * N).fill(BACKGROUND);
  for (const [c, r, p] of cells) data[r * N + c] = Math.log(p / (1 - p));
  return { data, w: N, h: N };
}

const options = { inputSize: INPUT };

describe('refineLandmark', () => {
  it("uses MediaPipe's pose settings: a 7 × 7 window, refined from a confidence of 0.5", () => {
    expect([MEDIAPIPE_REFINE_KERNEL, MEDIAPIPE_MIN_CONFIDENCE]).toEqual([7, 0.5]);
  });

  it('returns the confidence-weighted mean cell of the window around the regressed landmark', () => {
    // Landmark at input (22, 25): cell (trunc 5.5, trunc 6.25) = (5, 6).
    const r = refineLandmark(
      mapWith([
        [5, 6, 0.8],
        [6, 6, 0.6],
      ]),
      { x: 22, y: 25 },
      options,
    );
    expect(r.refined).toBe(true);
    expect(r.centre).toEqual({ x: 5, y: 6 });
    expectClose([r.x, r.y, r.maxConfidence], [(5 * 0.8 + 6 * 0.6) / 1.4, 6, 0.8], 1e-5);
  });

  it('ignores a higher peak outside the window: it centres on the regression, not the argmax', () => {
    // (9, 6) is 4 cells from column 5; the 7 × 7 window reaches 3.
    const map = mapWith([
      [5, 6, 0.8],
      [6, 6, 0.6],
      [9, 6, 0.95],
    ]);
    const r = refineLandmark(map, { x: 22, y: 25 }, options);
    expectClose([r.x, r.y], [(5 * 0.8 + 6 * 0.6) / 1.4, 6], 1e-5);
    // With a 9 × 9 window it counts.
    const wide = refineLandmark(map, { x: 22, y: 25 }, { ...options, kernel: 9 });
    expectClose(wide.x, (5 * 0.8 + 6 * 0.6 + 9 * 0.95) / (0.8 + 0.6 + 0.95), 1e-5);
  });

  it('keeps the regressed landmark (in cells) when the window peaks below the threshold', () => {
    const r = refineLandmark(
      mapWith([
        [5, 6, 0.45],
        [6, 6, 0.3],
      ]),
      { x: 22, y: 25 },
      options,
    );
    expect(r.refined).toBe(false);
    expectClose([r.x, r.y, r.maxConfidence], [22 / 4, 25 / 4, 0.45], 1e-6);
    const lower = refineLandmark(mapWith([[5, 6, 0.45]]), { x: 22, y: 25 }, { ...options, minConfidence: 0.4 });
    expect(lower.refined).toBe(true);
  });

  it('clips the window at the edge of the map', () => {
    const r = refineLandmark(
      mapWith([
        [0, 6, 0.8],
        [1, 6, 0.7],
      ]),
      { x: 1, y: 25 },
      options,
    );
    expect(r.centre).toEqual({ x: 0, y: 6 });
    expectClose(r.x, 0.7 / 1.5, 1e-5);
  });

  it("skips landmarks off the map as MediaPipe's test does, truncating toward zero", () => {
    const map = mapWith([[0, 6, 0.8]]);
    // x = 64 px: column 16 = W, skipped. x = −8 px: column −2, skipped.
    for (const x of [64, -8]) {
      const r = refineLandmark(map, { x, y: 25 }, options);
      expect(r).toMatchObject({ refined: false, centre: null });
      expectClose(r.x, x / 4, 1e-12);
    }
    // x = −2 px: −0.5 truncates to column 0, which is on the map: refined.
    expect(refineLandmark(map, { x: -2, y: 25 }, options)).toMatchObject({ refined: true, centre: { x: 0, y: 6 } });
  });

  it('does not skip a row below the map (the source compares the column with the height), and clips its window', () => {
    // y = 66 px: row trunc(16.5) = 16 = H. The window's rows 13..19 are clipped to 13..15.
    const r = refineLandmark(mapWith([[5, 15, 0.8]]), { x: 22, y: 66 }, options);
    expect(r.refined).toBe(true);
    expectClose([r.x, r.y], [5, 15], 1e-5);
    // Four rows below, the window is empty: nothing moves.
    expect(refineLandmark(mapWith([[5, 15, 0.8]]), { x: 22, y: 19 * 4 }, options).refined).toBe(false);
  });
});

describe('refineLandmarks', () => {
  it('refines each map with its own landmark and wants one landmark per map', () => {
    const a = mapWith([
      [5, 6, 0.8],
      [6, 6, 0.6],
    ]);
    const b = mapWith([[10, 3, 0.9]]);
    const stack = { data: new Float32Array([...a.data, ...b.data]), k: 2, h: N, w: N };
    const [ra, rb] = refineLandmarks(
      stack,
      [
        { x: 22, y: 25 },
        { x: 41, y: 13 },
      ],
      options,
    );
    expectClose([ra?.x ?? NaN, rb?.x ?? NaN, rb?.y ?? NaN], [(5 * 0.8 + 6 * 0.6) / 1.4, 10, 3], 1e-5);
    expect(() => refineLandmarks(stack, [{ x: 0, y: 0 }], options)).toThrow(RangeError);
  });
});
