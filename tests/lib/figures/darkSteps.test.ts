import { describe, expect, it } from 'vitest';
import { buildDarkSteps, DARK_SETTING, taylorStep, TERM_STENCIL } from '../../../src/lib/index.ts';

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
