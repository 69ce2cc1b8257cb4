/**
 * Chapter 9's per-joint decoding and the shift test, on synthetic model outputs: Gaussian heatmaps
 * (encode.ts) turned into logits, so every expected value follows from the site's own decoders or
 * from arithmetic.
 */
import { describe, expect, it } from 'vitest';
import {
  argmaxColumns,
  BLAZEPOSE_SEEN_THRESHOLD,
  darkMap,
  decodeJoint,
  decodeMap,
  decodeShiftSweep,
  isJointSeen,
  largestGap,
  mapOf,
  refineLandmark,
  regressionGaps,
  runShiftSweep,
  runShiftTest,
  shiftSchedule,
  softArgmaxWindow,
  summarizeShiftTest,
  withoutSigmoid,
  type BlazePoseResult,
  type Point,
  type ShiftTestFrame,
} from '../../../src/lib/index.ts';
import { expectClose } from '../approx.ts';
import { syntheticResult } from './synthetic.ts';

describe('decodeJoint', () => {
  const result = syntheticResult([{ x: 20.3, y: 30.6 }], [{ x: 83.2, y: 122.4 }]);

  it("gives the site's decoders on the sigmoid map, soft-argmax on the logits, MediaPipe's refinement", () => {
    const d = decodeJoint(result, 0, { kernel: 7 });
    const p = mapOf(result.heatmaps, 0);
    const z = mapOf(result.logits, 0);
    for (const id of ['argmax', 'quarter', 'quarter2'] as const) {
      const e = decodeMap(id, p);
      expect(d.points[id], id).toEqual({ x: e.x, y: e.y });
    }
    const dark = darkMap(p, 7);
    expect(d.points.dark).toEqual({ x: dark.x, y: dark.y });
    const soft = decodeMap('softargmax', z, { beta: 1 });
    expect(d.points.softargmax).toEqual({ x: soft.x, y: soft.y });
    const windowed = softArgmaxWindow(z, { radius: 3, beta: 1 });
    expect(d.points.softwindow).toEqual({ x: windowed.x, y: windowed.y });
    const refined = refineLandmark(z, result.landmarks[0] as Point);
    expect(d.points.mediapipe).toEqual({ x: refined.x, y: refined.y });
    expect(d.refined).toBe(true);
    expect(d.regressed).toEqual({ x: 83.2 / 4, y: 122.4 / 4 });
    expect(d.name).toBe('nose');
    expectClose(d.peak, p.data[31 * 64 + 20] ?? NaN, 0);
    // DARK finds a Gaussian's centre.
    expectClose([dark.x, dark.y], [20.3, 30.6], 0.02);
  });

  it('runs only the decoders asked for', () => {
    expect(Object.keys(decodeJoint(result, 0, { decoders: ['dark', 'mediapipe'] }).points).sort()).toEqual([
      'dark',
      'mediapipe',
    ]);
  });

  it('decodes a result without its sigmoid maps to the very same points', () => {
    expect(decodeJoint(withoutSigmoid(result), 0)).toEqual(decodeJoint(result, 0));
    expect('heatmaps' in withoutSigmoid(result)).toBe(false);
  });

  it('refuses a joint the result does not have', () => {
    expect(() => decodeJoint(result, 1)).toThrow(RangeError);
  });
});

describe('isJointSeen', () => {
  it("is MediaPipe's 0.5 on both the peak and the visibility, inclusive", () => {
    const t = BLAZEPOSE_SEEN_THRESHOLD;
    expect(t).toBe(0.5);
    expect(isJointSeen({ peak: t, visibility: t })).toBe(true);
    expect(isJointSeen({ peak: t - 1e-9, visibility: 1 })).toBe(false);
    expect(isJointSeen({ peak: 1, visibility: t - 1e-9 })).toBe(false);
  });
});

describe('regressionGaps', () => {
  it('measures |4 · decoded − regressed| in input pixels per joint and finds the largest', () => {
    const result = syntheticResult(
      [
        { x: 20.3, y: 30.6 },
        { x: 40, y: 10 },
      ],
      [
        { x: 83.2, y: 122.4 },
        { x: 160, y: 52 },
      ],
    );
    const gaps = regressionGaps(result, { decoders: ['argmax'] });
    // Argmax (20, 31) → (80, 124) against (83.2, 122.4); (40, 10) → (160, 40) against (160, 52).
    expectClose([gaps[0]?.distances.argmax ?? NaN, gaps[1]?.distances.argmax ?? NaN], [Math.hypot(3.2, 1.6), 12], 1e-9);
    expect(largestGap(gaps, 'argmax')?.joint).toBe(1);
    expect(largestGap(gaps, 'argmax', [0])?.joint).toBe(0);
    expect(largestGap(gaps, 'dark')).toBeNull();
    expect(gaps[1]?.visibility).toBe(0.9);
  });
});

describe('shift test', () => {
  it('sweeps 0 to 8 px in 33 exact steps of 0.25', () => {
    const s = shiftSchedule();
    expect(s).toHaveLength(33);
    expect([s[0], s[1], s[32]]).toEqual([0, 0.25, 8]);
    expect(shiftSchedule(1, 0.5)).toEqual([0, 0.5, 1]);
    expect(() => shiftSchedule(8, 0)).toThrow(RangeError);
  });

  it('summarises a series: slope, travel, monotonicity, largest step back, distinct values', () => {
    const shifts = [0, 1, 2, 3, 4];
    const frame = (shift: number, x: number): ShiftTestFrame => ({
      shift,
      decode: {
        joint: 0,
        name: 'nose',
        points: { dark: { x, y: 5 }, argmax: { x: Math.round(x), y: 5 } },
        regressed: { x, y: 5 },
        peak: 1,
        refined: true,
      },
    });
    const ideal = summarizeShiftTest(shifts.map((t) => frame(t, 10 + t / 4)));
    expect(ideal.series.dark).toMatchObject({
      slope: 0.25,
      intercept: 10,
      travel: 1,
      monotone: true,
      largestDrop: 0,
      maxDeviation: 0,
      distinct: 5,
    });
    expect(ideal.series.argmax).toMatchObject({ distinct: 2, travel: 1 });
    expect(ideal.series.quarter).toBeUndefined();
    expect(ideal.idealSlope).toBe(0.25);
    const wobbly = summarizeShiftTest([frame(0, 10), frame(1, 10.3), frame(2, 10.1), frame(3, 10.75)]);
    expect(wobbly.series.dark?.monotone).toBe(false);
    expectClose([wobbly.series.dark?.largestDrop ?? NaN, wobbly.series.dark?.maxDeviation ?? NaN], [0.2, 0.4], 1e-12);
    expect(() => summarizeShiftTest([frame(0, 1)])).toThrow(RangeError);
  });

  it('moves the crop so that a point moves right by the shift: a fake model on a ramp photo', async () => {
    // Photo: red = x / 2, so input pixel (0, 0)'s red tells the photo column it sampled. With a
    // 256 px crop (scale 1) at x = 50, a shift t samples column 50 − t there.
    const width = 600;
    const data = new Float32Array(width * 300 * 3);
    for (let i = 0; i < width * 300; i++) data[i * 3] = (i % width) / 2;
    const photo = { data, width, height: 300, channels: 3 as const };
    const seen: number[] = [];
    const fakeModel = async (input: Float32Array): Promise<BlazePoseResult> => {
      const t = 50 - 2 * 255 * (input[0] as number);
      seen.push(t);
      // A keypoint at input (100 + t, 120): heatmap (25 + t/4, 30).
      return syntheticResult([{ x: 25 + t / 4, y: 30 }], [{ x: 100 + t, y: 120 }]);
    };
    const frames = await runShiftTest(fakeModel, photo, { x: 50, y: 10, size: 256 }, { joint: 0 });
    expectClose(seen, shiftSchedule(), 1e-4);
    const summary = summarizeShiftTest(frames);
    expectClose(summary.regressed.slope, 0.25, 1e-6);
    // On Gaussian maps DARK follows the ideal line; argmax takes the cells 25, 26, 27.
    expectClose(summary.series.dark?.slope ?? NaN, 0.25, 0.005);
    expect(summary.series.dark?.monotone).toBe(true);
    expect(summary.series.argmax?.distinct).toBe(3);
    expect(summary.series.argmax?.travel).toBe(2);
  });

  it('runShiftSweep keeps logits and landmarks per crop, decodes any joint later, and stops when cancelled', async () => {
    const width = 600;
    const data = new Float32Array(width * 300 * 3);
    for (let i = 0; i < width * 300; i++) data[i * 3] = (i % width) / 2;
    const photo = { data, width, height: 300, channels: 3 as const };
    const crop = { x: 50, y: 10, size: 256 };
    const fakeModel = async (input: Float32Array): Promise<BlazePoseResult> => {
      const t = 50 - 2 * 255 * (input[0] as number);
      return syntheticResult(
        [
          { x: 25 + t / 4, y: 30 },
          { x: 40 - t / 4, y: 12 },
        ],
        [
          { x: 100 + t, y: 120 },
          { x: 160 - t, y: 48 },
        ],
      );
    };
    const steps: number[] = [];
    const frames = await runShiftSweep(fakeModel, photo, crop, { onStep: (_, i, n) => steps.push(i / n) });
    expect(frames).toHaveLength(33);
    expect(steps).toHaveLength(33);
    expect(frames.every((f) => !('heatmaps' in f.maps))).toBe(true);
    // Joint 1 moves left: its decoders follow slope −1/4.
    const joint1 = summarizeShiftTest(decodeShiftSweep(frames, 1));
    expectClose(joint1.regressed.slope, -0.25, 1e-6);
    expectClose(joint1.series.dark?.slope ?? NaN, -0.25, 0.005);
    // The same as running the test for one joint.
    const direct = await runShiftTest(fakeModel, photo, crop, { joint: 0 });
    expect(decodeShiftSweep(frames, 0)).toEqual(direct);
    // Argmax's columns per joint: joint 0 climbs 25 → 27, joint 1 falls 40 → 38.
    const columns = argmaxColumns(frames);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toEqual(direct.map((f) => f.decode.points.argmax?.x));
    expect([columns[0]?.[0], columns[0]?.[32], columns[1]?.[0], columns[1]?.[32]]).toEqual([25, 27, 40, 38]);
    let runs = 0;
    const partial = await runShiftSweep(fakeModel, photo, crop, { cancelled: () => runs++ >= 5 });
    expect(partial.map((f) => f.shift)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
