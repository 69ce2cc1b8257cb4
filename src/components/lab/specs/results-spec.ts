/**
 * The Lab's results: what was decoded, each decoder's error and score, the accuracy as COCO and
 * MMPose report it, what the flip test's shift does, each keypoint's error, score against error,
 * and every map's points in the chosen order (a row's button selects its map). Drawn from the
 * latest decode (the `labDecoded` source) and the settings it was decoded under; the selected
 * map's view is a figure of its own inside it (`map-spec.ts`).
 */
import type { LabDecoderId } from '../../../lib/index.ts';
import { toggleIn } from '../../ui/actions.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { block } from '../../ui/parts.ts';
import { lazyChart } from '../lazy-chart.ts';
import { connectLab } from '../session.ts';
import { labDecoded, type LabDecoded } from '../sources.ts';
import { labSchema } from '../state.ts';
import {
  everyMapHead,
  everyMapRows,
  flipRows,
  keypointHead,
  keypointRows,
  legend,
  metricsRows,
  cocoRows,
  summaryRows,
  type EveryMap,
} from '../tables.ts';
import { flipLines, keypointLines, labelOf, SCORE_CHART_LIMIT, summaryLines, tableLines } from '../view/lines.ts';
import { cocoLines, metricsLines } from '../view/accuracy.ts';
import { loadedLine } from '../view/texts.ts';

const params = pick(labSchema, 'sort', 'map', 'off');

/** What one decode shows whatever the order and the selected map: computed once per decode. */
function decodeLines({ result, run }: LabDecoded) {
  return {
    result,
    loaded: loadedLine(result, run),
    summary: summaryLines(result.rows, result.decoders, result.meanScores),
    metrics: metricsLines(result),
    coco: cocoLines(result),
    flip: result.flip?.comparison ? flipLines(result.flip.comparison) : [],
    keypoints: result.truth ? keypointLines(result) : [],
    legend: result.decoders.map((id) => ({ id, label: labelOf(id) })),
    unit: result.kind === 'simcc' ? ('keypoint' as const) : ('map' as const),
  };
}
type Lines = ReturnType<typeof decodeLines>;
const linesOf = new WeakMap<LabDecoded, Lines>();

/** The every-map table: sorted once per decode and order, marked for the selected map. */
let sorted: { decoded: LabDecoded; sort: string; table: ReturnType<typeof tableLines> } | undefined;

interface Data {
  lines: Lines | null;
  table: { lines: ReturnType<typeof tableLines>['lines']; note: string };
}

const everyMap = (d: Data, s: Readonly<{ map: number }>): EveryMap => ({
  lines: d.table.lines,
  decoders: (d.lines?.result.decoders ?? []) as LabDecoderId[],
  selected: s.map,
  unit: d.lines?.unit ?? 'map',
  errors: Boolean(d.lines?.result.truth),
});

const hiddenUnless = (shown: boolean) => ({ hidden: shown ? null : '' });

export default defineSpec({
  name: 'lab-results',
  params,
  source: labDecoded,
  build: (s, _pre, decoded: LabDecoded | null): Data => {
    if (!decoded) return { lines: null, table: { lines: [], note: '' } };
    let lines = linesOf.get(decoded);
    if (!lines) linesOf.set(decoded, (lines = decodeLines(decoded)));
    if (sorted?.decoded !== decoded || sorted.sort !== s.sort) {
      const { rows, decoders } = decoded.result;
      sorted = { decoded, sort: s.sort, table: tableLines(rows, decoders, s.sort, lines.unit) };
    }
    return { lines, table: sorted.table };
  },
  view: ({ lines, table }, s) => {
    const result = lines?.result;
    const truth = Boolean(result?.truth);
    const rows = result?.rows.length ?? 0;
    return {
      attrs: {
        results: hiddenUnless(Boolean(result)),
        'summary-table': { 'data-truth': truth ? 'yes' : 'no' },
        // A results file scored alone has no decoded rows: only its accuracy shows.
        'summary-block': hiddenUnless(rows > 0),
        'decoded-block': hiddenUnless(rows > 0),
        'accuracy-block': hiddenUnless(truth || Boolean(result?.results)),
        'coco-block': hiddenUnless(Boolean(lines?.coco.length)),
        'flip-block': hiddenUnless(Boolean(lines?.flip.length)),
        'keypoints-block': hiddenUnless(truth),
        // The score chart's switched-off decoders, hidden by lab.css (the chart is not redrawn).
        'scores-block': { ...hiddenUnless(truth), 'data-off': s.off.join(' ') },
      },
      text: {
        loaded: lines?.loaded ?? '',
        'summary-caption': truth
          ? "Each decoder's error against the ground truth (input pixels) and its mean score"
          : "Each decoder's mean score; its errors need a ground truth (see Inputs)",
        'flip-note': result?.flip
          ? `The flip test as decoded uses shift ${result.flip.shift}; ${result.flip.source} is the flipped image's maps.`
          : '',
        'scores-note':
          rows > SCORE_CHART_LIMIT
            ? `The first ${SCORE_CHART_LIMIT} of ${rows} keypoints; the exports hold all of them.`
            : '',
        'every-title': lines?.unit === 'keypoint' ? 'Every keypoint' : 'Every map',
        note: table.note,
      },
    };
  },
  blocks: [
    block('summary', (d: Data) => d.lines?.summary ?? [], summaryRows),
    block('metrics', (d: Data) => d.lines?.metrics ?? [], metricsRows),
    block('coco-rows', (d: Data) => d.lines?.coco ?? [], cocoRows),
    block('flip-rows', (d: Data) => d.lines?.flip ?? [], flipRows),
    block('keypoints-head', (d: Data) => (d.lines?.result.metrics ? d.lines.result.decoders : []), keypointHead),
    block('keypoints-rows', (d: Data) => d.lines?.keypoints ?? [], keypointRows),
    // Each key a button that switches its decoder off and on in the score chart.
    block(
      'score-legend',
      (d: Data, s: Readonly<{ off: readonly LabDecoderId[] }>) =>
        (d.lines?.legend ?? []).map((item) => ({ ...item, shown: !s.off.includes(item.id) })),
      legend,
    ),
    block('head', everyMap, everyMapHead),
    block('rows', everyMap, everyMapRows),
  ],
  charts: [
    {
      role: 'score-chart',
      keys: [],
      draw: (_s, frame, d) => {
        const result = d.lines?.result;
        const doc = frame.document ?? document;
        return result?.truth
          ? lazyChart(doc, ({ scoreChart }) => scoreChart(result.rows, result.decoders, frame))
          : doc.createElement('div');
      },
    },
  ],
  actions: {
    pick: (_s, value) => ({ map: Number(value) }),
    off: toggleIn<'off', LabDecoderId>('off'),
  },
  setup({ root, listen }) {
    const { actions, disconnect } = connectLab();
    listen(root, 'click', (event) => {
      const format = (event.target as HTMLElement).closest<HTMLElement>('button[data-action]')?.dataset.action;
      if (format === 'csv' || format === 'json') actions.exportAs(format);
    });
    return disconnect;
  },
});
