/** From figure 10.3's data (`buildScoreFigure`, `scoreThresholdRows`) to what its elements show. */
import {
  SCORE_CONVENTIONS,
  SCORE_SETTING,
  type ScoreConvention,
  type ScoreFigureData,
  type ScoreSampleCore,
  type ThresholdRow,
} from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';
import { SCORE_STYLE } from './score-chart.ts';

/** What the figure draws in one state: the threshold-free data and the rows at the threshold. */
export interface ScoreViewData {
  figure: ScoreFigureData;
  /** The samples as the page embeds them (six significant digits). */
  samples: readonly ScoreSampleCore[];
  rows: Record<ScoreConvention, ThresholdRow>;
}

const px = (v: number) => (Number.isNaN(v) ? '—' : `${fmt(v, v < 10 ? 2 : 0)} px`);

export function scoreView(d: ScoreViewData, s: { threshold: number }): ViewModel {
  const text: ViewModel['text'] = {};
  for (const c of SCORE_CONVENTIONS) {
    const row = d.rows[c];
    const [lo, hi] = d.figure.conventions[c].range;
    text[`range-${c}`] = `${fmt(lo)}–${fmt(hi)}`;
    text[`kept-${c}`] = `${row.kept} (${fmt(100 * row.keptShare, 0)}%)`;
    text[`mean-kept-${c}`] = px(row.meanKept);
    text[`mean-dropped-${c}`] = px(row.meanDropped);
  }
  text['stat-threshold'] = fmt(s.threshold);
  text['stat-above-one'] = `${fmt(100 * d.figure.aboveOne, 0)}%`;
  text['stat-dark-keeps'] = `${fmt(100 * d.figure.darkKeepsScore, 0)}%`;
  text['stat-simcc-gap'] = fmt(d.figure.simccMeanMinusMin, 3);
  const beyond = d.figure.darkBeyondCrop;
  const outliers = beyond.count
    ? ` DARK's Newton step has no bound: on ${beyond.count === 1 ? 'one keypoint' : `${beyond.count} keypoints`} with a weak, noisy peak it lands beyond the ${beyond.side} px crop (up to ${Math.round(beyond.largest).toLocaleString('en')} px: the points at the top of the chart under either heatmap score).`
    : '';
  text['samples-note'] =
    `${d.figure.samples} made-up keypoints, seed ${SCORE_SETTING.seed}: peak heights ${fmt(SCORE_SETTING.amplitude[0])} to ${fmt(SCORE_SETTING.amplitude[1])}, noise σ ${fmt(SCORE_SETTING.noise)} on every cell and bin.${outliers}`;
  return { attrs: {}, text };
}

export function scoreAnnouncement(d: ScoreViewData, s: { threshold: number }): string {
  const parts = SCORE_CONVENTIONS.map(
    (c) => `${SCORE_STYLE[c].label} keeps ${fmt(100 * d.rows[c].keptShare, 0)}%, mean error ${px(d.rows[c].meanKept)}`,
  );
  return `Threshold ${fmt(s.threshold)}. ${parts.join('; ')}.`;
}
