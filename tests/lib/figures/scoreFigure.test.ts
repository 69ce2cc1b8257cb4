/**
 * Figure 10.3's builders: seeded noisy heatmaps and SimCC vectors, each keypoint's score under
 * every convention of scores.ts, and thresholding (thresholdSweep) — against the conventions'
 * definitions (Megvii: max/255 + 0.5; SimCC: the smaller maximum; DARK keeps the map's maximum).
 */
import { describe, expect, it } from 'vitest';
import {
  buildScoreFigure,
  buildScoreSamples,
  megviiScore,
  packScoreSamples,
  SCORE_CONVENTIONS,
  SCORE_SETTING,
  scoreThresholdRows,
  scoreUnder,
  thresholdSweep,
  unpackScoreSamples,
} from '../../../src/lib/index.ts';
import fc from 'fast-check';

const samples = buildScoreSamples({ samples: 60, seed: 7 });

describe('buildScoreSamples()', () => {
  it('is seeded: the same seed gives the same samples, another seed others', () => {
    expect(buildScoreSamples({ samples: 60, seed: 7 })).toEqual(samples);
    expect(buildScoreSamples({ samples: 60, seed: 8 })).not.toEqual(samples);
  });

  it('scores each keypoint by each convention’s rule', () => {
    for (const s of samples) {
      // Megvii's map is the same map at its targets' scale (peak 255): max/255 + 0.5 of it.
      expect(s.scores.megvii).toBeCloseTo(megviiScore(255 * s.scores.heatmapMax), 4);
      expect(s.scores.megvii - s.scores.heatmapMax).toBeCloseTo(0.5, 4);
      expect(s.scores.simccMin).toBe(scoreUnder('simccMin', s.simccMaxima.x, s.simccMaxima.y));
      expect(s.scores.simccMin).toBeLessThanOrEqual((s.simccMaxima.x + s.simccMaxima.y) / 2);
      expect(s.darkKeepsScore).toBe(true);
      expect(s.errors.megvii).toBe(s.errors.heatmapMax);
    }
  });

  it('keypoints drawn inside the crop, peak heights inside the setting’s range', () => {
    const [lo, hi] = SCORE_SETTING.amplitude;
    const { inputW, inputH } = SCORE_SETTING.geometry;
    for (const s of samples) {
      expect(s.amplitude).toBeGreaterThanOrEqual(lo);
      expect(s.amplitude).toBeLessThan(hi);
      expect(s.keypoint.x).toBeGreaterThanOrEqual(SCORE_SETTING.margin);
      expect(s.keypoint.x).toBeLessThan(inputW - SCORE_SETTING.margin);
      expect(s.keypoint.y).toBeLessThan(inputH - SCORE_SETTING.margin);
    }
  });

  it('a peak well above the noise is found: DARK within 2 px and SimCC within 2 px when a > 0.8', () => {
    const sure = samples.filter((s) => s.amplitude > 0.8);
    expect(sure.length).toBeGreaterThan(5);
    for (const s of sure) {
      expect(s.errors.heatmapMax).toBeLessThan(2);
      expect(s.errors.simccMin).toBeLessThan(2);
      // The score is at least the peak height less a few noise deviations.
      expect(s.scores.heatmapMax).toBeGreaterThan(s.amplitude - 4 * SCORE_SETTING.noise);
    }
  });
});

describe('buildScoreFigure(samples) and scoreThresholdRows(samples, threshold)', () => {
  const figure = buildScoreFigure(samples);

  it('counts DARK’s errors beyond the crop’s longer side, and the largest', () => {
    const side = Math.max(SCORE_SETTING.geometry.inputW, SCORE_SETTING.geometry.inputH);
    const beyond = samples.map((s) => s.errors.heatmapMax).filter((e) => e > side);
    expect(figure.darkBeyondCrop).toEqual({
      count: beyond.length,
      largest: beyond.length ? Math.max(...beyond) : 0,
      side,
    });
  });

  it('gives each convention its points, range and kept-share curve', () => {
    for (const c of SCORE_CONVENTIONS) {
      const d = figure.conventions[c];
      expect(d.points).toHaveLength(samples.length);
      expect(d.range[0]).toBe(Math.min(...samples.map((s) => s.scores[c])));
      expect(d.range[1]).toBe(Math.max(...samples.map((s) => s.scores[c])));
      expect(d.curve).toHaveLength(SCORE_SETTING.thresholds.length);
      expect(d.curve[0]!.keptShare).toBe(1);
      for (let i = 1; i < d.curve.length; i++) expect(d.curve[i]!.kept).toBeLessThanOrEqual(d.curve[i - 1]!.kept);
    }
  });

  it('at its empty-map score of 0.5 Megvii keeps every keypoint, and above its highest score none', () => {
    const rows = scoreThresholdRows(samples, megviiScore(0));
    expect(rows.megvii.keptShare).toBe(1);
    expect(scoreThresholdRows(samples, figure.conventions.megvii.range[1] + 0.01).megvii.kept).toBe(0);
  });

  it('the rows at a threshold are thresholdSweep’s, and the summary shares count the samples', () => {
    const rows = scoreThresholdRows(samples, 0.5);
    expect(rows.simccMin).toEqual(
      thresholdSweep(
        samples.map((s) => s.scores.simccMin),
        samples.map((s) => s.errors.simccMin),
        [0.5],
      )[0],
    );
    expect(figure.aboveOne).toBe(samples.filter((s) => s.scores.heatmapMax > 1).length / samples.length);
    expect(figure.darkKeepsScore).toBe(1);
    expect(figure.simccMeanMinusMin).toBeCloseTo(
      samples.reduce((a, s) => a + Math.abs(s.simccMaxima.x - s.simccMaxima.y) / 2, 0) / samples.length,
      12,
    );
  });
});

describe('packScoreSamples(samples, digits) and unpackScoreSamples(packed)', () => {
  it('gives the samples back, in order, exactly at 17 digits', () => {
    const core = samples.map(({ scores, errors, simccMaxima, darkKeepsScore }) => ({
      scores,
      errors,
      simccMaxima,
      darkKeepsScore,
    }));
    expect(unpackScoreSamples(packScoreSamples(samples, 17))).toEqual(core);
  });

  it('keeps each value to its significant digits (property)', () => {
    const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    const sample = fc.record({
      scores: fc.record({ heatmapMax: value, megvii: value, simccMin: value }),
      errors: fc.record({ heatmapMax: value, megvii: value, simccMin: value }),
      simccMaxima: fc.record({ x: value, y: value }),
      darkKeepsScore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 20 }), fc.integer({ min: 1, max: 17 }), (list, digits) => {
        const back = unpackScoreSamples(packScoreSamples(list, digits));
        expect(back).toHaveLength(list.length);
        back.forEach((b, i) => {
          const a = list[i]!;
          expect(b.darkKeepsScore).toBe(a.darkKeepsScore);
          const pairs: [number, number][] = [
            ...SCORE_CONVENTIONS.map((c): [number, number] => [a.scores[c], b.scores[c]]),
            ...SCORE_CONVENTIONS.map((c): [number, number] => [a.errors[c], b.errors[c]]),
            [a.simccMaxima.x, b.simccMaxima.x],
            [a.simccMaxima.y, b.simccMaxima.y],
          ];
          // Rounding to d significant digits moves x by at most half a unit of its d-th digit,
          // 0.5·10^(⌊log10|x|⌋ − d + 1) ≤ 5·10^−d·|x|, and the nearest double to the rounded
          // decimal by a relative Number.EPSILON more (which shows at 16 and 17 digits).
          for (const [x, y] of pairs)
            expect(Math.abs(y - x)).toBeLessThanOrEqual((5 * 10 ** -digits + Number.EPSILON) * Math.abs(x));
        });
      }),
    );
  });

  it('at 6 digits, figure 10.3’s samples keep every threshold decision, and the means to 5 significant digits', () => {
    const full = buildScoreSamples();
    const packed = unpackScoreSamples(packScoreSamples(full));
    const a = buildScoreFigure(full);
    const b = buildScoreFigure(packed);
    for (const c of SCORE_CONVENTIONS) {
      expect(b.conventions[c].curve.map((r) => r.kept)).toEqual(a.conventions[c].curve.map((r) => r.kept));
      b.conventions[c].curve.forEach((r, i) => {
        const was = a.conventions[c].curve[i]!;
        // NaN where nothing is kept (or dropped): the same thresholds on both sides.
        expect(Number.isNaN(r.meanKept)).toBe(Number.isNaN(was.meanKept));
        expect(Number.isNaN(r.meanDropped)).toBe(Number.isNaN(was.meanDropped));
        for (const [x, y] of [
          [was.meanKept, r.meanKept],
          [was.meanDropped, r.meanDropped],
        ] as const)
          if (!Number.isNaN(x)) expect(Math.abs(y - x)).toBeLessThanOrEqual(1e-5 * Math.abs(x));
      });
    }
    // The slider's finer steps too (0.01 from 0 to 2).
    const steps = Array.from({ length: 201 }, (_, i) => i / 100);
    for (const t of steps) {
      const [was, now] = [scoreThresholdRows(full, t), scoreThresholdRows(packed, t)];
      for (const c of SCORE_CONVENTIONS) expect(now[c].kept).toBe(was[c].kept);
    }
    expect(b.aboveOne).toBe(a.aboveOne);
    expect(Math.abs(b.simccMeanMinusMin - a.simccMeanMinusMin)).toBeLessThanOrEqual(1e-5 * a.simccMeanMinusMin);
  });
});
