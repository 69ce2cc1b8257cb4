/**
 * The Lab's charts load with their first drawing, not with the page: Observable Plot is most of
 * the page's script, and a reader who opens the Lab has decoded nothing yet. Drawings run in the
 * order asked, each reading the Lab's state when the module is there.
 */
type Charts = typeof import('./charts.ts');

let loading: Promise<Charts> | undefined;

/** Runs `draw` with the chart module, loading it the first time. */
export function withCharts(draw: (charts: Charts) => void): void {
  loading ??= import('./charts.ts');
  void loading.then(draw);
}

/** Keypoints drawn in the score chart at most (the exports hold every one). */
export const SCORE_CHART_LIMIT = 4000;
