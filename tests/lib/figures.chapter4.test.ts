import { describe, expect, it } from 'vitest';
import { buildDarkSteps, buildResolutionSweep, DARK_SETTING, taylorStep, TERM_STENCIL } from '../../src/lib/index.ts';

const base = {
  keypoint: { x: 15.3, y: 14.6 },
  sigma: 2,
  target: 'unbiased' as const,
  noise: 0,
  secondPeak: 0,
  kernel: 11,
  seed: 1,
};

describe('buildDarkSteps(settings)', () => {
  it('recovers a clean unbiased keypoint and draws the fitted Gaussian as a 1-σ ellipse of radius ≈ the modulated σ', () => {
    const d = buildDarkSteps(base);
    expect(d.errors.dark).toBeLessThan(0.1);
    expect(d.errors.dark).toBeLessThan(d.errors.quarter);
    expect(d.errors.quarter).toBeLessThan(d.errors.argmax);
    // Blurring a σ = 2 Gaussian with OpenCV's 11-tap kernel (σ = 2) gives σ ≈ √8 ≈ 2.83.
    expect(d.ellipse!.rx).toBeGreaterThan(2.5);
    expect(d.ellipse!.rx).toBeLessThan(3.1);
    expect(d.ellipse!.rx).toBeCloseTo(d.ellipse!.ry, 1);
  });

  it('rescales the blurred map to the raw maximum and keeps the trace consistent', () => {
    const d = buildDarkSteps({ ...base, noise: 0.05, secondPeak: 0.6 });
    expect(Math.max(...d.trace.modulated)).toBeCloseTo(d.rawMax, 5);
    expect(d.blurMax).toBeLessThan(d.rawMax);
    expect(d.trace.step).toEqual(taylorStep(d.trace.stencil!));
    expect(d.recovered.truth).toEqual({ x: 15.3 * DARK_SETTING.stride, y: 14.6 * DARK_SETTING.stride });
  });

  it('is reproducible from its seed and changes with it', () => {
    const a = buildDarkSteps({ ...base, noise: 0.1 });
    expect(buildDarkSteps({ ...base, noise: 0.1 }).trace.point).toEqual(a.trace.point);
    expect(buildDarkSteps({ ...base, noise: 0.1, seed: 2 }).trace.point).not.toEqual(a.trace.point);
  });

  it('links each Taylor term to the stencil points it reads', () => {
    expect(Object.values(TERM_STENCIL).flat().sort()).toEqual(
      ['c', 'c', 'mm', 'mp', 'pm', 'pp', 'xm1', 'xm2', 'xp1', 'xp2', 'ym1', 'ym2', 'yp1', 'yp2'].sort(),
    );
  });
});

describe('buildResolutionSweep({ target })', () => {
  const un = buildResolutionSweep({ target: 'unbiased', samples: 400 });
  const mean = (s: typeof un, input: string, id: string) =>
    s.rows.find((r) => r.input === input && r.decoder === id)!.error.mean;

  it('measures every resolution in the 256×192 frame: argmax’s error doubles as the input halves', () => {
    const a = ['256×192', '128×96', '64×48'].map((i) => mean(un, i, 'argmax'));
    expect(a[1]! / a[0]!).toBeGreaterThan(1.6);
    expect(a[2]! / a[1]!).toBeGreaterThan(1.6);
  });

  it('shows DARK’s gain over argmax growing as resolution falls', () => {
    const gain = (i: string) => mean(un, i, 'argmax') - mean(un, i, 'dark');
    expect(gain('128×96')).toBeGreaterThan(gain('256×192'));
    expect(gain('64×48')).toBeGreaterThan(gain('128×96'));
  });

  it('on biased targets no decoder recovers what encoding rounded away', () => {
    const b = buildResolutionSweep({ target: 'biased', samples: 400 });
    for (const i of ['256×192', '128×96', '64×48'])
      expect(mean(b, i, 'dark')).toBeGreaterThan(0.8 * mean(b, i, 'argmax'));
  });
});
