/** Figure 10.3's charts: error against score under one convention, and the kept share against the threshold. */
import { describe, expect, it } from 'vitest';
import {
  keptShareChart,
  SCORE_CHART_HEIGHT,
  scoreScatterChart,
  SCORE_STYLE,
} from '../../../../src/components/figures/conventions/score-chart.ts';
import {
  SCORE_CONVENTIONS,
  type ScoreConvention,
  type ScoreConventionData,
  type ScoreFigureData,
} from '../../../../src/lib/index.ts';
import { aria, frame } from '../chart-doc.ts';

/** Five keypoints scored 0.1 to 0.9, the worse scored the farther off. */
const conventionData = (convention: ScoreConvention, scale = 1): ScoreConventionData => ({
  convention,
  points: [0.1, 0.3, 0.5, 0.7, 0.9].map((score) => ({ score: score * scale, error: 0.05 / score })),
  range: [0.1 * scale, 0.9 * scale],
  curve: [0, 0.5, 1, 1.5, 2].map((threshold) => ({
    threshold,
    kept: 0,
    keptShare: Math.max(0, 1 - threshold / scale),
    meanKept: 0,
    meanDropped: 0,
  })),
});
const figure: ScoreFigureData = {
  samples: 5,
  conventions: {
    heatmapMax: conventionData('heatmapMax'),
    megvii: conventionData('megvii', 2),
    simccMin: conventionData('simccMin', 0.5),
  },
  aboveOne: 0,
  darkKeepsScore: 1,
  simccMeanMinusMin: 0,
  darkBeyondCrop: { count: 0, largest: 0, side: 256 },
};

describe('scoreScatterChart', () => {
  it('says how many keypoints the threshold keeps and drops, and draws them apart', () => {
    const chart = scoreScatterChart(figure.conventions.heatmapMax, 0.4, frame());
    expect(aria(chart).label).toBe(`Error against score, ${SCORE_STYLE.heatmapMax.label}`);
    expect(aria(chart).description).toBe(
      '5 keypoints; scores from 0.100 to 0.900. At the threshold 0.40, 3 are kept and 2 dropped.',
    );
    expect(chart.querySelectorAll('g.score-kept circle')).toHaveLength(3);
    expect(chart.querySelectorAll('g.score-dropped circle')).toHaveLength(2);
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    // Taller than the kept-share chart beside it, for the log axis's labels.
    expect(chart.getAttribute('height')).toBe(String(SCORE_CHART_HEIGHT + 40));
  });

  it('leaves the threshold’s rule out when it is beyond the scores', () => {
    const chart = scoreScatterChart(figure.conventions.heatmapMax, 1.5, frame());
    expect(chart.querySelectorAll('g.current-rule')).toHaveLength(0);
    expect(chart.querySelectorAll('g.score-dropped circle')).toHaveLength(5);
  });
});

describe('keptShareChart', () => {
  it('states each convention’s kept share at the curve’s threshold nearest the one set', () => {
    const chart = keptShareChart(figure, 0.6, frame());
    expect(aria(chart).description).toBe(
      `Near the threshold 0.60: ${SCORE_STYLE.heatmapMax.label} 50%, ${SCORE_STYLE.megvii.label} 75%, ${SCORE_STYLE.simccMin.label} 0%.`,
    );
  });

  it('draws one step curve per convention in its style, and the threshold', () => {
    const chart = keptShareChart(figure, 0.6, frame());
    for (const c of SCORE_CONVENTIONS)
      expect(chart.querySelectorAll(`g[aria-label="line"].${SCORE_STYLE[c].className}`)).toHaveLength(1);
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    expect(chart.getAttribute('height')).toBe(String(SCORE_CHART_HEIGHT));
  });
});
