/**
 * The Lab's selected map (picked by number, by the arrows or from the every-map table): for
 * heatmaps the whole map and a 7 × 7 close-up around its maximum, with every decoder's point and
 * the truth; for SimCC the keypoint's two vectors and their close-ups, a rule at each decoder's
 * coordinate; and the points in a table. The values come from the worker one map at a time (the
 * `labSelected` source), so the page never holds the whole stack.
 */
import { mapWindow, type LabDecoderId, type LabRow, type MapWindow } from '../../../lib/index.ts';
import { domainOf } from '../../ui/colormap.ts';
import { defineSpec } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { block, type ChartFrame, type ChartPart } from '../../ui/parts.ts';
import { lazyChart } from '../lazy-chart.ts';
import { drawMarks, pointMarks } from '../markers.ts';
import { labSelected, type LabSelected } from '../sources.ts';
import { labSchema } from '../state.ts';
import { pointRows } from '../tables.ts';
import { mapLines } from '../view/lines.ts';
import { mapName } from '../view/texts.ts';

const params = pick(labSchema, 'map');
/** The close-up's side, cells. */
export const CLOSE_UP = 7;
type State = { map: number };

/** Before anything is decoded the panels show a blank map of the sample's size (as the page is built). */
export const BLANK = { values: new Float32Array(48 * 64), w: 48, h: 64, domain: [0, 1] as [number, number] };
export const BLANK_CLOSE_UP = {
  values: new Float32Array(CLOSE_UP * CLOSE_UP),
  w: CLOSE_UP,
  h: CLOSE_UP,
  domain: [0, 1] as [number, number],
};

interface Data {
  selected: LabSelected | null;
  row: LabRow<LabDecoderId> | undefined;
  decoders: readonly LabDecoderId[];
  /** The heatmap's close-up and colour domain (heatmaps only). */
  heatmap?: { values: Float32Array; w: number; h: number; domain: [number, number]; window: MapWindow };
}

const build = (selected: LabSelected | null): Data => {
  const result = selected?.decoded.result;
  const row = result?.rows[selected?.index ?? 0];
  const decoders = result?.decoders ?? [];
  const map = selected?.map;
  if (!selected || map?.kind !== 'heatmap') return { selected, row, decoders };
  const { values, w, h } = map;
  const peak = row?.points.argmax ?? row?.points[decoders[0] as LabDecoderId] ?? { x: w / 2, y: h / 2 };
  return {
    selected,
    row,
    decoders,
    heatmap: { values, w, h, domain: domainOf(values), window: mapWindow({ data: values, w, h }, peak, CLOSE_UP) },
  };
};

/** A vector chart of SimCC's x or y (its close-up with `zoom`), or nothing for heatmaps. */
const vectorPart = (axis: 'x' | 'y', zoom: boolean): ChartPart<State, Data> => ({
  role: `vector-${axis}${zoom ? '-zoom' : ''}`,
  keys: [],
  draw: (_s, frame: ChartFrame, { selected, row, decoders }) => {
    const doc = frame.document ?? document;
    if (selected?.map.kind !== 'simcc') return doc.createElement('div');
    const points = decoders.map((id) => ({ id, at: row?.points[id]?.[axis] ?? Number.NaN }));
    const k = selected.decoded.run.splitRatio;
    const truth = row?.truth?.[axis];
    const values = selected.map[axis];
    if (!zoom) return lazyChart(doc, ({ vectorChart }) => vectorChart(values, k, axis, points, truth, frame));
    // The close-up centres on the first decoder's point that lies on the vector.
    const centre = points.find((p) => Number.isFinite(p.at) && p.at >= 0)?.at;
    if (centre !== undefined)
      return lazyChart(doc, ({ vectorChart }) => vectorChart(values, k, axis, points, truth, frame, centre));
    const note = doc.createElement('p');
    note.textContent = 'No decoder placed this keypoint on the vector.';
    return note;
  },
});

/** The map `by` away from the one the state names (not the one last drawn, which may lag), wrapping around. */
const step = (by: number) => (s: Readonly<State>, _v: string | undefined, d: Data) => {
  const total = d.selected?.decoded.result.rows.length ?? 1;
  return { map: (Math.min(s.map, total - 1) + by + total) % total };
};

export default defineSpec({
  name: 'lab-map',
  params,
  source: labSelected,
  build: (_s, _pre, selected: LabSelected | null) => build(selected),
  view: ({ selected }) => {
    const result = selected?.decoded.result;
    const simcc = result?.kind === 'simcc';
    return {
      attrs: {
        'map-block': { hidden: simcc ? '' : null },
        'vector-block': { hidden: simcc ? null : '' },
        'map-index': { max: String(Math.max(0, (result?.rows.length ?? 1) - 1)) },
      },
      text: {
        'map-title': simcc ? 'The selected keypoint' : 'The selected map',
        'map-label': simcc ? 'Keypoint (n·K + k)' : 'Map (n·K + k)',
        'map-name': result && selected ? mapName(selected.index, result.k, result.names) : '',
        'points-first': simcc ? 'Bins' : 'Heatmap px',
      },
    };
  },
  maps: {
    full: {
      draw: ({ selected, heatmap }) =>
        heatmap
          ? {
              ...heatmap,
              label: `Map ${selected?.index}: ${heatmap.h} × ${heatmap.w} cells; arrow keys read cell values`,
            }
          : BLANK,
    },
    zoom: {
      draw: ({ heatmap }) => {
        if (!heatmap) return BLANK_CLOSE_UP;
        const { data, w, h } = heatmap.window;
        return { values: data, w, h, domain: heatmap.domain };
      },
    },
  },
  blocks: [
    block(
      'full-surface',
      ({ row, decoders, heatmap }: Data) =>
        heatmap
          ? [
              {
                kind: 'box' as const,
                x: heatmap.window.x0,
                y: heatmap.window.y0,
                w: heatmap.window.w,
                h: heatmap.window.h,
              },
              ...pointMarks(row, decoders, 0, 0, Math.max(0.45, heatmap.w / 80)),
            ]
          : [],
      drawMarks,
    ),
    block(
      'zoom-surface',
      ({ row, decoders, heatmap }: Data) =>
        heatmap ? pointMarks(row, decoders, heatmap.window.x0, heatmap.window.y0, 0.16) : [],
      drawMarks,
    ),
    block(
      'points',
      ({ selected, row, decoders }: Data) => {
        if (!selected) return [];
        const { result, run } = selected.decoded;
        return result.kind === 'simcc'
          ? mapLines(row, decoders, 1, run.splitRatio)
          : mapLines(row, decoders, result.scale);
      },
      pointRows,
    ),
  ],
  charts: [vectorPart('x', false), vectorPart('x', true), vectorPart('y', false), vectorPart('y', true)],
  actions: { prev: step(-1), next: step(1) },
});
