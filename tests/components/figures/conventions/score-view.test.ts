import { describe, expect, it } from 'vitest';
import {
  scoreAnnouncement,
  scoreView,
  type ScoreViewData,
} from '../../../../src/components/figures/conventions/score-view.ts';
import { SCORE_STYLE } from '../../../../src/components/figures/conventions/score-chart.ts';
import { SCORE_SETTING, type ScoreConventionData, type ThresholdRow } from '../../../../src/lib/index.ts';

const row = (kept: number, meanKept: number, meanDropped: number): ThresholdRow => ({
  threshold: 0.5,
  kept,
  keptShare: kept / 8,
  meanKept,
  meanDropped,
});
const convention = (range: [number, number]) => ({ range }) as ScoreConventionData;
const d: ScoreViewData = {
  figure: {
    samples: 8,
    conventions: {
      heatmapMax: convention([0.1, 1.25]),
      megvii: convention([12, 250]),
      simccMin: convention([0.05, 0.9]),
    },
    aboveOne: 0.125,
    darkKeepsScore: 0.875,
    simccMeanMinusMin: 0.0421,
    darkBeyondCrop: { count: 2, largest: 12149.2, side: 256 },
  },
  samples: [],
  rows: {
    heatmapMax: row(6, 0.5, 2.346),
    megvii: row(8, 12.4, Number.NaN),
    simccMin: row(0, Number.NaN, 3),
  },
};

describe('scoreView(data, state)', () => {
  const v = scoreView(d, { threshold: 0.5 });

  it('reports each convention’s score range, and how many keypoints it keeps and their share', () => {
    expect(v.text['range-megvii']).toBe('12.00–250.00');
    expect(v.text['kept-heatmapMax']).toBe(`6 (${(100 * 6) / 8}%)`);
    expect(v.text['kept-simccMin']).toBe('0 (0%)');
  });

  it('prints mean errors below 10 px to a hundredth, larger ones whole, and a dash when no keypoint is there', () => {
    expect(v.text['mean-kept-heatmapMax']).toBe('0.50 px');
    expect(v.text['mean-dropped-heatmapMax']).toBe('2.35 px');
    expect(v.text['mean-kept-megvii']).toBe('12 px');
    expect(v.text['mean-dropped-megvii']).toBe('—');
    expect(v.text['mean-kept-simccMin']).toBe('—');
  });

  it('reports the threshold and the sample-wide shares', () => {
    expect(v.text['stat-threshold']).toBe('0.50');
    // 1 and 7 in 8, to the whole percent.
    expect(v.text['stat-above-one']).toBe(`${Math.round(100 / 8)}%`);
    expect(v.text['stat-dark-keeps']).toBe(`${Math.round((100 * 7) / 8)}%`);
    expect(v.text['stat-simcc-gap']).toBe('0.042');
    expect(v.text['samples-note']).toContain(`8 made-up keypoints, seed ${SCORE_SETTING.seed}`);
    expect(v.text['samples-note']).toContain(
      'on 2 keypoints with a weak, noisy peak it lands beyond the 256 px crop (up to 12,149 px',
    );
    const none = scoreView(
      { ...d, figure: { ...d.figure, darkBeyondCrop: { count: 0, largest: 0, side: 256 } } },
      { threshold: 0.5 },
    );
    expect(none.text['samples-note']).not.toContain('Newton');
    expect(v.attrs).toEqual({});
  });
});

describe('scoreAnnouncement(data, state)', () => {
  it('says what each convention keeps at the threshold and the kept keypoints’ mean error', () => {
    expect(scoreAnnouncement(d, { threshold: 0.5 })).toBe(
      `Threshold 0.50. ${SCORE_STYLE.heatmapMax.label} keeps 75%, mean error 0.50 px; ${SCORE_STYLE.megvii.label} keeps 100%, mean error 12 px; ${SCORE_STYLE.simccMin.label} keeps 0%, mean error —.`,
    );
  });
});
