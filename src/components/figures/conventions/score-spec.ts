/**
 * Figure 10.3: what a keypoint's score is under each convention. Seeded noisy heatmaps and
 * SimCC vectors (built at build time and embedded, packed), each keypoint's error against its score,
 * and what keeping the keypoints that score at least a threshold does under each convention.
 */
import {
  buildScoreFigure,
  buildScoreSamples,
  packScoreSamples,
  scoreThresholdRows,
  unpackScoreSamples,
  type PackedScoreSamples,
  type ScoreFigureData,
  type ScoreSampleCore,
} from '../../../lib/index.ts';
import { defineSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { ch10 } from '../../state/ch10.ts';
import { keptShareChart, scoreScatterChart } from './score-chart.ts';
import { CH10_SCORES, type PublishedScores } from './published.ts';
import { scoreAnnouncement, scoreView, type ScoreViewData } from './score-view.ts';

// The samples and the figure's data do not depend on the threshold: read once per page.
let figure: { from: PackedScoreSamples; samples: ScoreSampleCore[]; data: ScoreFigureData } | undefined;
const figureOf = (packed: PackedScoreSamples) => {
  if (figure?.from !== packed) {
    const samples = unpackScoreSamples(packed);
    figure = { from: packed, samples, data: buildScoreFigure(samples) };
  }
  return figure;
};

// What the figure publishes: one function per set of samples, so that it is published once.
const rowsAt = new WeakMap<readonly ScoreSampleCore[], PublishedScores>();
const rowsAtOf = (samples: readonly ScoreSampleCore[]): PublishedScores => {
  let rows = rowsAt.get(samples);
  if (!rows) rowsAt.set(samples, (rows = (threshold) => scoreThresholdRows(samples, threshold)));
  return rows;
};

export default defineSpec({
  name: 'score-threshold',
  params: pick(ch10, 'threshold', 'score'),
  // Packed: one array per field, six significant digits (a third of the bytes of the samples as
  // objects); every threshold decision of the figure is the same (tests/lib/figures/scoreFigure).
  // Built at build time only: the guard lets the client's bundle leave the builder out.
  precompute: (): PackedScoreSamples => {
    if (!import.meta.env.SSR) throw new Error('score-threshold: the samples are built at build time');
    return packScoreSamples(buildScoreSamples());
  },
  build: (s, packed): ScoreViewData => {
    const { samples, data } = figureOf(packed);
    return { figure: data, samples, rows: scoreThresholdRows(samples, s.threshold) };
  },
  view: scoreView,
  charts: [
    {
      role: 'scatter',
      keys: ['threshold', 'score'],
      draw: (s, frame, d) => scoreScatterChart(d.figure.conventions[s.score], s.threshold, frame),
    },
    {
      role: 'kept',
      keys: ['threshold'],
      slider: {
        label: 'Score threshold',
        key: 'threshold',
        min: 0,
        max: 2,
        fine: 0.01,
        coarse: 0.05,
        describe: (s) => `threshold ${fmt(s.threshold)}`,
      },
      draw: (s, frame, d) => keptShareChart(d.figure, s.threshold, frame),
    },
  ],
  announce: scoreAnnouncement,
  // Exercise 10.3 thresholds the same samples.
  publishes: { key: CH10_SCORES, value: (d) => rowsAtOf(d.samples) },
});
