/**
 * Figure 9.2: BlazePose's 39 heatmaps as small multiples; the chosen joint's map large, as the
 * sigmoid or as the logits, with every decoder's point and the regressed landmark, and a window
 * around the peak with DARK's kernel.
 */
import {
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_KEYPOINT_NAMES,
  buildJointView,
  heatmapTiles,
  JOINT_ZOOM_SIZE,
  type BlazePoseResult,
  type HeatmapTiles,
  type JointViewData,
} from '../../../lib/index.ts';
import { ch9, type Ch9State } from '../../state/ch9.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { choose, toggleIn } from '../../ui/actions.ts';
import type { MapPart } from '../../ui/parts.ts';
import { fmt, num } from '../../ui/format.ts';
import { pick } from '../../ui/params.ts';
import { defineGatedSpec, type GatedData } from './gate.ts';
import { MARK_IDS, MARK_SHORT, markAttrs, seriesAttrs, type MarkId } from './marks.ts';

const params = pick(ch9, 'joint', 'scale', 'kernel', 'off');
type State = Pick<Ch9State, keyof typeof params>;

/** What the figure draws: the tiles and the chosen joint's view, once the model has run. */
export interface MapsFigureData extends GatedData {
  tiles: HeatmapTiles | null;
  view: JointViewData | null;
}

const SIDE = 64;
const EMPTY = new Float32Array(1);
const EMPTY_MAP = new Float32Array(SIDE * SIDE);
const EMPTY_ZOOM = new Float32Array(JOINT_ZOOM_SIZE * JOINT_ZOOM_SIZE);

// Tiles are views into a result: made once per result, so the framework redraws a tile only when
// the model has run again.
const tilesByResult = new WeakMap<BlazePoseResult, HeatmapTiles>();
const tilesOf = (result: BlazePoseResult): HeatmapTiles => {
  let tiles = tilesByResult.get(result);
  if (!tiles) tilesByResult.set(result, (tiles = heatmapTiles(result)));
  return tiles;
};

let lastView: { key: string; result: BlazePoseResult; view: JointViewData } | undefined;
function jointView(result: BlazePoseResult, s: Readonly<State>): JointViewData {
  const key = `${s.joint}|${s.scale}|${s.kernel}`;
  if (lastView?.result !== result || lastView.key !== key)
    lastView = {
      key,
      result,
      view: buildJointView({ result, joint: s.joint, scale: s.scale, kernel: Number(s.kernel) }),
    };
  return lastView.view;
}

/** Radius of the marks in cells: on the whole map, and in the window. */
const BIG_R = 0.9;
const ZOOM_R = 0.28;

function mapsView(d: MapsFigureData, s: Readonly<State>): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  const v = d.view;
  for (let k = 0; k < BLAZEPOSE_KEYPOINT_COUNT; k++) {
    const peak = d.tiles?.peaks[k];
    attrs[`tile-${k}`] = {
      'aria-pressed': String(k === s.joint),
      // One tab stop for the 39 tiles, the chosen one; the arrow keys move between them (setup).
      tabindex: k === s.joint ? '0' : '-1',
      'data-seen': d.tiles ? String(d.tiles.seen[k]) : null,
    };
    text[`peak-${k}`] = peak === undefined ? '' : fmt(peak, 2);
    text[`unseen-${k}`] = d.tiles && !d.tiles.seen[k] ? ' (the model does not see it)' : '';
  }
  for (const id of MARK_IDS) {
    const cell = v ? (id === 'regressed' ? v.regressed.cell : v.decode.points[id]) : undefined;
    attrs[`big-${id}`] = markAttrs(cell, id === 'argmax' ? 0.5 : BIG_R);
    attrs[`zoom-${id}`] = markAttrs(
      cell && v ? { x: cell.x - v.zoom.x0, y: cell.y - v.zoom.y0 } : undefined,
      id === 'argmax' ? 0.5 : ZOOM_R,
      v?.zoom,
    );
    const row = v?.rows.find((r) => r.id === id);
    const p = id === 'regressed' ? v?.regressed : row;
    text[`r-${id}-cell`] = p ? `${fmt(p.cell.x, 2)}, ${fmt(p.cell.y, 2)}` : '—';
    text[`r-${id}-px`] = p ? `${fmt(p.input.x, 1)}, ${fmt(p.input.y, 1)}` : '—';
    text[`r-${id}-gap`] = row ? fmt(row.gap, 2) : id === 'regressed' ? '0' : '—';
  }
  attrs['zoom-box'] = v
    ? {
        x: num(v.zoom.x0 - 0.5, 2),
        y: num(v.zoom.y0 - 0.5, 2),
        width: String(v.zoom.w),
        height: String(v.zoom.h),
        visibility: 'visible',
      }
    : { visibility: 'hidden' };
  attrs['kernel-box'] = v
    ? {
        x: num(v.kernelBox.x - v.zoom.x0, 2),
        y: num(v.kernelBox.y - v.zoom.y0, 2),
        width: String(v.kernelBox.size),
        height: String(v.kernelBox.size),
        visibility: 'visible',
      }
    : { visibility: 'hidden' };
  const series = seriesAttrs(s.off);
  attrs['maps-body'] = { 'data-waiting': String(!v), ...series.body };
  Object.assign(attrs, series.keys);
  const name = BLAZEPOSE_KEYPOINT_NAMES[s.joint] ?? '';
  text['big-label'] =
    `${cap(name)}: ${s.scale === 'logit' ? 'the logits, from their lowest to their highest' : 'the sigmoid, 0 to 1'}`;
  text['zoom-label'] =
    `${JOINT_ZOOM_SIZE} × ${JOINT_ZOOM_SIZE} cells around the peak, DARK’s ${s.kernel} × ${s.kernel} kernel outlined`;
  text['joint-text'] = v
    ? jointSentence(v)
    : `Run the model to see the ${name}’s heatmap and every decoder’s point on it.`;
  return { attrs, text };
}

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

function jointSentence(v: JointViewData): string {
  const seen = v.seen
    ? 'the model sees it'
    : 'below MediaPipe’s 0.5 on one or both: the model does not see it, and its map is a guess';
  const dark = v.rows.find((r) => r.id === 'dark');
  return `${cap(v.name)}: the heatmap peaks at ${fmt(v.decode.peak, 2)} (sigmoid), the landmark’s visibility is ${fmt(v.visibility, 2)}; ${seen}. ${v.negativeLogits.toLocaleString('en')} of its ${v.cells.toLocaleString('en')} cells have a negative logit (z from ${fmt(v.logitRange[0], 1)} to ${fmt(v.logitRange[1], 1)}), where ln z is undefined: DARK takes the logarithm of the sigmoid. DARK lands ${fmt(dark?.gap ?? NaN, 2)} input pixels from the regressed landmark.`;
}

/** The tiles' buttons (MapTile.astro). */
const TILE = '[data-action="joint"]';

const tile = (k: number): MapPart<State, MapsFigureData> => ({
  draw: (d) =>
    d.tiles
      ? { values: d.tiles.maps[k] as Float32Array, w: SIDE, h: SIDE, domain: [0, 1] }
      : { values: EMPTY, w: 1, h: 1, domain: [0, 1] },
});

export default defineGatedSpec({
  name: 'blazepose-maps',
  params,
  build: (s, _pre, session): MapsFigureData => {
    const result = session.run?.result;
    return { session, tiles: result ? tilesOf(result) : null, view: result ? jointView(result, s) : null };
  },
  view: mapsView,
  maps: {
    ...Object.fromEntries(Array.from({ length: BLAZEPOSE_KEYPOINT_COUNT }, (_, k) => [`tile-${k}`, tile(k)])),
    joint: {
      draw: (d) =>
        d.view
          ? { values: d.view.map.values, w: SIDE, h: SIDE, domain: d.view.map.domain }
          : { values: EMPTY_MAP, w: SIDE, h: SIDE, domain: [0, 1] },
      describe: (cell, value, d) => `${d.view ? '' : '(no run yet) '}cell (${cell.x}, ${cell.y}) = ${fmt(value, 3)}`,
    },
    zoom: {
      draw: (d) =>
        d.view
          ? { values: d.view.zoom.data, w: d.view.zoom.w, h: d.view.zoom.h, domain: d.view.map.domain }
          : { values: EMPTY_ZOOM, w: JOINT_ZOOM_SIZE, h: JOINT_ZOOM_SIZE, domain: [0, 1] },
      describe: (cell, value, d) =>
        d.view
          ? `cell (${cell.x + d.view.zoom.x0}, ${cell.y + d.view.zoom.y0}) = ${fmt(value, 3)}`
          : `${fmt(value, 3)}`,
    },
  },
  announce: (d, s) => {
    const v = d.view;
    if (!v) return '';
    const p = (id: (typeof MARK_IDS)[number]) => {
      const row = v.rows.find((r) => r.id === id);
      return row ? `${MARK_SHORT[id]} (${fmt(row.cell.x, 2)}, ${fmt(row.cell.y, 2)})` : '';
    };
    return `${cap(v.name)}, ${s.scale}, peak ${fmt(v.decode.peak, 2)}. ${p('argmax')}, ${p('dark')}, ${p('mediapipe')}, regressed (${fmt(v.regressed.cell.x, 2)}, ${fmt(v.regressed.cell.y, 2)}) cells.`;
  },
  // A tile's button, `data-value` its joint.
  // A tile picks its joint; a legend key switches its marks off and on.
  actions: { joint: choose('joint'), off: toggleIn<'off', MarkId>('off') },
  setup({ root, store, listen }) {
    // The tiles are a grid: arrows move along a row, up and down by a row, Home and End to the ends.
    listen(root, 'keydown', (event) => {
      const tile = (event.target as HTMLElement).closest<HTMLElement>(TILE);
      if (!tile) return;
      const tiles = [...root.querySelectorAll<HTMLElement>(TILE)];
      const columns = tiles.filter((t) => t.offsetTop === tiles[0]?.offsetTop).length || 1;
      const here = Number(tile.dataset.value);
      const moves: Record<string, number> = {
        ArrowLeft: here - 1,
        ArrowRight: here + 1,
        ArrowUp: here - columns,
        ArrowDown: here + columns,
        Home: 0,
        End: tiles.length - 1,
      };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const joint = Math.min(tiles.length - 1, Math.max(0, next));
      store.set({ joint });
      tiles[joint]?.focus();
    });
  },
});
