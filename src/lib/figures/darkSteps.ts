/**
 * Figure data for DARK step by step (chapter 4): a noisy, two-peaked heatmap made from the
 * figure's settings, DARK's full trace on it, the fitted quadratic as an ellipse, and the
 * comparison with argmax and the quarter shift after resolution recovery.
 */
import { argmaxMap } from '../argmax.ts';
import { traceDark, type DarkStencil, type DarkTrace } from '../dark.ts';
import { encodeTarget, type TargetKind } from '../encode.ts';
import { addNoise } from '../experiments.ts';
import { quarterMap } from '../quarter.ts';
import { createRandom } from '../random.ts';
import type { Heatmap, Point } from '../stack.ts';

/** The stepper's map: 32×32 cells at stride 4 (a 128×128 input). */
export const DARK_SETTING = { w: 32, h: 32, stride: 4 } as const;

/** The steps of the stepper, in order. */
export const DARK_STEPS = ['argmax', 'blur', 'rescale', 'log', 'stencil', 'derivatives', 'newton', 'recover'] as const;
/** The name of a step of the DARK stepper. */
export type DarkStepId = (typeof DARK_STEPS)[number];

/** Which stencil points each Taylor term reads (for linking terms and points). */
export const TERM_STENCIL: Record<'dx' | 'dy' | 'dxx' | 'dyy' | 'dxy', (keyof DarkStencil)[]> = {
  dx: ['xm1', 'xp1'],
  dy: ['ym1', 'yp1'],
  dxx: ['xm2', 'c', 'xp2'],
  dyy: ['ym2', 'c', 'yp2'],
  dxy: ['mm', 'pm', 'mp', 'pp'],
};

/** The stepper's settings: the heatmap to make and the kernel to decode it with. */
export interface DarkStepsInput {
  /** The true keypoint, heatmap px. */
  keypoint: Point;
  sigma: number;
  target: TargetKind;
  /** Standard deviation of additive noise, relative to the peak of 1. */
  noise: number;
  /** Amplitude of a second, distracting peak (0 = none), relative to the first. */
  secondPeak: number;
  /** Where the second peak sits relative to the keypoint, heatmap px. */
  secondOffset?: Point;
  kernel: number;
  seed: number;
}

/** The 1-σ ellipse of the Gaussian whose log is the fitted quadratic: radii and angle. */
export interface FitEllipse {
  centre: Point;
  rx: number;
  ry: number;
  /** Rotation of the rx axis, degrees. */
  angle: number;
}

/** The stepper's heatmap, DARK's trace on it, the fitted ellipse and the recovered points. */
export interface DarkStepsData {
  keypoint: Point;
  map: Heatmap;
  trace: DarkTrace;
  /** null when the fitted Hessian is not negative definite (no peak to draw). */
  ellipse: FitEllipse | null;
  /** The maximum of the raw and of the blurred map (the rescale restores the first). */
  rawMax: number;
  blurMax: number;
  /** Decoded points and errors in input pixels after resolution recovery (× stride). */
  recovered: { truth: Point; dark: Point; argmax: Point; quarter: Point };
  errors: { dark: number; argmax: number; quarter: number };
}

/** Eigen-decomposition of the symmetric 2×2 matrix [[a, b], [b, c]]. */
function eigen2(a: number, b: number, c: number): { l1: number; l2: number; angle: number } {
  const mean = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  return { l1: mean + r, l2: mean - r, angle: 0.5 * Math.atan2(2 * b, a - c) };
}

/** Makes the stepper's seeded heatmap and decodes it with DARK, keeping every intermediate. */
export function buildDarkSteps(input: DarkStepsInput): DarkStepsData {
  const { w, h, stride } = DARK_SETTING;
  const { keypoint, sigma, target, noise, secondPeak, kernel, seed } = input;
  const offset = input.secondOffset ?? { x: 6, y: -5 };
  const map = encodeTarget(target, keypoint, w, h, sigma);
  if (secondPeak > 0) {
    const other = encodeTarget('unbiased', { x: keypoint.x + offset.x, y: keypoint.y + offset.y }, w, h, sigma);
    for (let i = 0; i < map.data.length; i++)
      map.data[i] = (map.data[i] as number) + secondPeak * (other.data[i] as number);
  }
  addNoise(map.data, noise, createRandom(seed));
  const trace = traceDark(map, kernel);

  let ellipse: FitEllipse | null = null;
  if (trace.step) {
    // -H is the inverse covariance of the fitted Gaussian; its 1-σ contour has radii 1/√λ.
    const { dxx, dxy, dyy } = trace.step;
    const e = eigen2(-dxx, -dxy, -dyy);
    if (e.l1 > 0 && e.l2 > 0) {
      ellipse = {
        centre: { x: trace.point.x, y: trace.point.y },
        rx: 1 / Math.sqrt(e.l1),
        ry: 1 / Math.sqrt(e.l2),
        angle: (e.angle * 180) / Math.PI,
      };
    }
  }
  let rawMax = Number.NEGATIVE_INFINITY;
  for (const v of map.data) rawMax = Math.max(rawMax, v);
  let blurMax = Number.NEGATIVE_INFINITY;
  for (const v of trace.blurred) blurMax = Math.max(blurMax, v);

  const up = (p: Point): Point => ({ x: p.x * stride, y: p.y * stride });
  const argmax = argmaxMap(map);
  const quarter = quarterMap(map);
  const recovered = { truth: up(keypoint), dark: up(trace.point), argmax: up(argmax), quarter: up(quarter) };
  const err = (p: Point): number => Math.hypot(p.x - recovered.truth.x, p.y - recovered.truth.y);
  return {
    keypoint,
    map,
    trace,
    ellipse,
    rawMax,
    blurMax,
    recovered,
    errors: { dark: err(recovered.dark), argmax: err(recovered.argmax), quarter: err(recovered.quarter) },
  };
}
