/**
 * The Lab's results section: the summary, accuracy, flip-test and per-keypoint tables, the
 * score chart, the selected map (picked by number, by arrows or from the table) and every
 * map's results. Redrawn when a decode ends; the map view and the big table also follow the
 * selected map and the order in the URL.
 */
import { part } from '../ui/part.ts';
import { observeWidth } from '../ui/resize.ts';
import type { Store } from '../ui/store.ts';
import { SCORE_CHART_LIMIT, withCharts } from './lazy-charts.ts';
import { createMapView } from './map-view.ts';
import type { LabResult } from './session.ts';
import type { LabState } from './state.ts';
import {
  renderAll,
  renderFlip,
  renderKeypoints,
  renderLegend,
  renderMetrics,
  renderPoints,
  renderSummary,
} from './tables.ts';
import {
  flipLines,
  keypointLines,
  labelOf,
  loadedLine,
  mapLines,
  mapName,
  metricsLines,
  summaryLines,
  tableLines,
} from './view.ts';
import type { LabClient } from './worker-client.ts';

export interface Results {
  show(result: LabResult | undefined): void;
  destroy(): void;
}

export function mountResults(root: HTMLElement, store: Store<LabState>, client: LabClient): Results {
  const name = 'decoder-lab';
  const q = <T extends Element = HTMLElement>(role: string) => part<T>(root, `[data-role="${role}"]`, name);
  const section = q('results');
  const mapInput = q<HTMLInputElement>('map-index');
  const scoreHolder = q('score-chart');
  const view = createMapView(root, client);
  let result: LabResult | undefined;
  let scoreWidth = 0;
  let drawnMap = '';
  let drawnTable = '';

  const drawScores = (): void => {
    withCharts(({ scoreChart }) => {
      if (!result?.truth || !scoreWidth) return;
      scoreHolder.replaceChildren(scoreChart(result.rows, result.decoders, { width: scoreWidth }));
    });
  };
  const stopObserving = observeWidth(scoreHolder, (w) => {
    scoreWidth = w;
    drawScores();
  });

  const drawMap = (s: Readonly<LabState>, force = false): void => {
    if (!result) return;
    const total = result.rows.length;
    const index = Math.min(total - 1, s.map);
    const key = `${index}`;
    if (!force && key === drawnMap) return;
    drawnMap = key;
    const row = result.rows[index];
    q('map-name').textContent = mapName(index, result.k, result.names);
    mapInput.max = String(total - 1);
    if (mapInput.value !== String(index)) mapInput.value = String(index);
    const simcc = result.kind === 'simcc';
    q('points-first').textContent = simcc ? 'Bins' : 'Heatmap px';
    renderPoints(
      q('points'),
      simcc ? mapLines(row, result.decoders, 1, s.split) : mapLines(row, result.decoders, result.scale),
      simcc ? 'bins' : 'heatmap',
    );
    view.show(result, index, s.split);
  };

  const drawTable = (s: Readonly<LabState>, force = false): void => {
    if (!result) return;
    const key = `${s.sort}|${s.map}`;
    if (!force && key === drawnTable) return;
    drawnTable = key;
    const unit = result.kind === 'simcc' ? 'keypoint' : 'map';
    const { lines, note } = tableLines(result.rows, result.decoders, s.sort, unit);
    q('note').textContent = note;
    renderAll(q('head'), q('rows'), lines, result.decoders, s.map, unit, Boolean(result.truth));
  };

  const showResult = (next: LabResult | undefined): void => {
    result = next;
    section.hidden = !result;
    if (!result) return;
    const s = store.get();
    if (s.map >= result.rows.length) store.set({ map: 0 });
    q('loaded').textContent = loadedLine(result, s);
    const simcc = result.kind === 'simcc';
    q('map-title').textContent = simcc ? 'The selected keypoint' : 'The selected map';
    q('map-label').textContent = simcc ? 'Keypoint (n·K + k)' : 'Map (n·K + k)';
    q('every-title').textContent = simcc ? 'Every keypoint' : 'Every map';
    renderSummary(q('summary'), summaryLines(result.rows, result.decoders, result.meanScores));
    const truth = Boolean(result.truth);
    q('summary-table').dataset.truth = truth ? 'yes' : 'no';
    q('summary-caption').textContent = truth
      ? "Each decoder's error against the ground truth (input pixels) and its mean score"
      : "Each decoder's mean score; its errors need a ground truth (see Inputs)";
    q('accuracy-block').hidden = !truth && !result.results;
    renderMetrics(q('metrics'), metricsLines(result));
    const comparison = result.flip?.comparison;
    q('flip-block').hidden = !comparison;
    if (comparison) {
      renderFlip(q('flip-rows'), flipLines(comparison));
      q('flip-note').textContent =
        `The flip test as decoded uses shift ${result.flip?.shift}; ${result.flip?.source} is the flipped image's maps.`;
    }
    q('keypoints-block').hidden = !truth;
    q('scores-block').hidden = !truth;
    if (truth) {
      renderKeypoints(q('keypoints-head'), q('keypoints-rows'), result.decoders, keypointLines(result));
      renderLegend(
        q('score-legend'),
        result.decoders.map((id) => ({ id, label: labelOf(id) })),
      );
      q('scores-note').textContent =
        result.rows.length > SCORE_CHART_LIMIT
          ? `The first ${SCORE_CHART_LIMIT} of ${result.rows.length} keypoints; the exports hold all of them.`
          : '';
      drawScores();
    }
    drawMap(store.get(), true);
    drawTable(store.get(), true);
  };

  const unsubscribe = store.subscribe((s) => {
    drawMap(s);
    drawTable(s);
  });

  const onChange = (event: Event): void => {
    if (event.target !== mapInput || !result) return;
    const value = Number(mapInput.value);
    if (Number.isInteger(value) && value >= 0) store.set({ map: Math.min(result.rows.length - 1, value) });
  };
  const onClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!button || !result) return;
    const total = result.rows.length;
    if (button.dataset.pick) store.set({ map: Number(button.dataset.pick) });
    else if (button.dataset.action === 'prev') store.set({ map: (store.get().map - 1 + total) % total });
    else if (button.dataset.action === 'next') store.set({ map: (store.get().map + 1) % total });
  };
  section.addEventListener('change', onChange);
  section.addEventListener('click', onClick);

  return {
    show: showResult,
    destroy() {
      unsubscribe();
      stopObserving();
      view.destroy();
      section.removeEventListener('change', onChange);
      section.removeEventListener('click', onClick);
    },
  };
}
