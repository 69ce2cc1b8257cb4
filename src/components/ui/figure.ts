/**
 * The figure framework, its pure half: what a figure states about itself (a `FigureSpec`) and
 * the view that both the build-time render and the client draw from it.
 *
 * A figure supplies its parts; the framework owns the lifecycle (`mount-figure.ts`): finding
 * the chapter store, the frame loop and its cache, the canvas swap of map panels, controls,
 * handles, charts, the URL note, the announcement and clean-up. The `.astro` render calls
 * `renderFigure(spec)` with the defaults, so the page as built equals the hydrated figure in
 * its default state by construction. This module never touches the DOM.
 *
 * ```ts
 * export default defineSpec({
 *   name: 'pixel-grid',
 *   params: keypointParams,
 *   build: (s) => buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
 *   view: pixelGridView,
 *   maps: { heatmap: { draw: (d) => ({ values: d.target, w: 48, h: 64, domain: [0, 1] }) } },
 *   handles: [{ role: 'handle', surface: 'surface', bounds, get: (s) => s, set: (p) => p, describe }],
 *   announce: pixelGridAnnouncement,
 * });
 * ```
 */
import type { Point } from '../../lib/index.ts';
import type { ViewModel } from './apply-view.ts';
import { defaultsOf, type Schema } from './params.ts';
import type { Store } from './store.ts';

/** The props every live figure's component receives from `<Figure of={…}>`. */
export interface FigureProps {
  /** The figure's id, from its catalogue entry (for unique ids inside it). */
  id: string;
  /** The chapter store its state lives in, from its catalogue entry. */
  store: string;
}

/** A map panel's picture: `values` [h, w] row-major, coloured over `domain` (default: its range). */
export interface MapDraw {
  values: ArrayLike<number>;
  w: number;
  h: number;
  domain?: [number, number];
}

/** A heatmap drawn in the `MapPanel` named like its key. */
export interface MapPart<S, D> {
  draw(data: D, state: Readonly<S>): MapDraw;
  /** The readout's text for the cell under the pointer or keyboard cursor. */
  describe?(cell: Point, value: number, data: D): string;
  /** A click (or Enter) on a cell: the state it asks for. */
  pick?(cell: Point, data: D, state: Readonly<S>): Partial<S>;
}

/** A rectangle in a surface's user units. */
export interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * A draggable point (Handle.astro, `data-role` = `role`) on the SVG whose `data-role` is
 * `surface`. Several handles may share a surface: a press moves the nearest active one.
 */
export interface HandlePart<S> {
  role: string;
  surface: string;
  bounds: Bounds;
  /** Where the handle is, in the surface's units. */
  get(state: Readonly<S>): Point;
  /** The state a drag or key press to `p` asks for. */
  set(p: Point, state: Readonly<S>): Partial<S>;
  /** The slider's value text, such as "x 101.3 px, y 47.0 px". */
  describe(p: Point): string;
  /** Whether the handle can be grabbed in this state (default: always). */
  active?(state: Readonly<S>): boolean;
  /** Arrow key steps, with and without Shift (default 0.1 and 1). */
  fineStep?: number;
  coarseStep?: number;
}

/** What a chart is drawn into: its width in CSS pixels, and a document at build time. */
export interface ChartFrame {
  width: number;
  document?: Document;
}

/**
 * An Observable Plot chart in the element whose `data-role` is `role` (default "chart"),
 * redrawn when a key in `keys` or the box's width changes. Data that costs more than a
 * redraw (a sweep) goes through `memoOn`, keyed on fewer keys.
 */
export interface ChartPart<S, D> {
  role?: string;
  /** Makes the chart a slider too: arrow keys step a key, a press or drag on it sets it. */
  slider?: ChartSlider<S, D>;
  /** The state the drawing reads. */
  keys: readonly (keyof S & string)[];
  /** `data` is the figure's own (what `build` returned). */
  draw(state: Readonly<S>, frame: ChartFrame, data: D): Element;
  announce?(state: Readonly<S>, data: D): string;
}

/**
 * Data that does not live in the URL and arrives while the page runs: a model's output, a
 * file the reader loaded. A figure whose `build` reads it redraws when it changes. At build
 * time `get()` gives what the page shows before anything arrives.
 */
export interface Source<X> {
  get(): X;
  /** Calls `listener` after each change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** A `Source` holding one value that anyone may replace (`set`) — the usual way to make one. */
export function createSource<X>(initial: X): Source<X> & { set(value: X): void } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A chart that is also a slider over one numeric key of the state (figure 1.2's row, 2.2's
 * offset): focusable, announced as a slider, stepped by the arrow keys (`coarse`, or `fine`
 * with Shift), and set by a press or a horizontal drag at the chart's x value.
 */
export interface ChartSlider<S, D> {
  /** The slider's accessible name. */
  label: string;
  key: keyof S & string;
  min: number;
  max: number;
  fine: number;
  coarse: number;
  /** The value text, such as "x 101.3 input pixels". */
  describe(state: Readonly<S>): string;
  /** The state a press at the chart's x value asks for (default: that value for `key`). */
  fromChart?(x: number, state: Readonly<S>, data: D): Partial<S>;
}

/** The ARIA values of a chart slider in a state. */
export function sliderAria<S, D>(slider: ChartSlider<S, D>, state: Readonly<S>): Record<string, string> {
  return {
    role: 'slider',
    tabindex: '0',
    'aria-label': slider.label,
    'aria-valuemin': String(slider.min),
    'aria-valuemax': String(slider.max),
    'aria-valuenow': String(state[slider.key]),
    'aria-valuetext': slider.describe(state),
  };
}

/** What `setup` gets: the mounted figure, for behaviour beyond the declared parts. */
export interface FigureContext<S, D, F = undefined> {
  root: HTMLElement;
  store: Store<S>;
  /** The element `selector` names; throws (naming the figure) when it is missing. */
  part<T extends Element = HTMLElement>(selector: string): T;
  /** The data of the latest render. */
  data(): D;
  /** The data last fed from outside the store (see `FigureSpec.build`). */
  fed(): F;
  /** Replaces the fed data: the figure rebuilds and redraws everything on the next frame. */
  feed(next: F): void;
  /** Adds a listener that is removed when the figure unmounts. */
  listen<K extends keyof HTMLElementEventMap>(
    target: EventTarget,
    type: K,
    listener: (event: HTMLElementEventMap[K]) => void,
  ): void;
}

/**
 * Everything that varies between figures. `S` is the state the figure reads (the keys of
 * `params`, and only those: it is inferred from `params` alone), `D` what `build` returns,
 * `P` what `precompute` returns, `X` the data from outside the URL state that `build` reads
 * (see `build`).
 */
export interface FigureSpec<S, D, P = undefined, X = undefined> {
  /** Names the figure in errors. */
  name: string;
  /** The chapter parameters the figure reads: pick them from the chapter's state module. */
  params: Schema<S>;
  /**
   * Data too costly to compute in the reader's browser: computed at build time, embedded in
   * the page as JSON (`<FigureData>`), and handed to `build` on both sides.
   */
  precompute?(): P;
  /**
   * The numbers to draw, from `src/lib`'s builders; runs when a key of `params` changes. A
   * figure that is only charts may leave it out (its charts build their own data).
   *
   * `external` is data that does not come from the state. It reaches the figure one of two
   * ways: from the spec's `source`, shared by the page (a model session), or fed to this figure
   * alone, such as a worker's results: the page renders with the value it is given
   * (`renderFigure(spec, { fed })`) and embeds it (`<FigureData role="figure-fed" value={fed} />`,
   * so it must be plain JSON); the client starts from that value, and `setup` replaces it
   * (`figure.feed(next)`). Either way a new value rebuilds and redraws the figure as a change
   * of state does.
   */
  build?(state: Readonly<NoInfer<S>>, pre: P, external: X): D;
  /**
   * Data from outside the URL state shared by the page's figures (a model session): `build`
   * reads its value, and the figure redraws when it changes. A figure without a source is fed
   * instead (see `build`).
   */
  source?: Source<X>;
  /** Attributes and texts keyed by `data-role`. */
  view?(data: D, state: Readonly<NoInfer<S>>): ViewModel;
  maps?: Record<string, MapPart<NoInfer<S>, D>>;
  handles?: readonly HandlePart<NoInfer<S>>[];
  charts?: readonly ChartPart<NoInfer<S>, D>[];
  /** What a screen reader hears once the reader pauses. */
  announce?(data: D, state: Readonly<NoInfer<S>>): string;
  /** Behaviour beyond the parts (stepper buttons, play, linked highlights); returns its clean-up. */
  setup?(figure: FigureContext<NoInfer<S>, D, X>): (() => void) | void;
}

/** Types a figure spec where it is written (the identity at run time). */
export function defineSpec<S, D, P = undefined, X = undefined>(spec: FigureSpec<S, D, P, X>): FigureSpec<S, D, P, X> {
  return spec;
}

/**
 * `fn` remembered for the last values of `keys`: figures use it for data that depends on
 * fewer keys than the figure reads (a sweep that a drag along one axis does not change).
 */
export function memoOn<S, R>(
  keys: readonly (keyof S & string)[],
  fn: (state: Readonly<S>) => R,
): (state: Readonly<S>) => R {
  let last: { key: string; value: R } | undefined;
  return (state) => {
    const key = keyOf(state, keys);
    if (last?.key !== key) last = { key, value: fn(state) };
    return last.value;
  };
}

/** The values of `keys` in `state`, as one string (a cache key). */
export function keyOf<S>(state: Readonly<S>, keys: readonly (keyof S & string)[]): string {
  return keys.map((k) => String(state[k])).join('|');
}

/** The ARIA values of a handle in a state: what a slider must carry, at build time too. */
export function handleAria<S>(handle: HandlePart<S>, state: Readonly<S>): Record<string, string> {
  const p = handle.get(state);
  return {
    'aria-valuemin': String(handle.bounds.minX),
    'aria-valuemax': String(handle.bounds.maxX),
    'aria-valuenow': p.x.toFixed(1),
    'aria-valuetext': handle.describe(p),
  };
}

/** The figure's whole view in a state: its own view plus its handles' ARIA values. */
export function figureView<S, D>(spec: FigureSpec<S, D, unknown, unknown>, data: D, state: Readonly<S>): ViewModel {
  const view = spec.view?.(data, state) ?? { attrs: {}, text: {} };
  const sliders = (spec.charts ?? []).filter((c) => c.slider);
  if (!spec.handles?.length && !sliders.length) return view;
  const attrs = { ...view.attrs };
  for (const h of spec.handles ?? []) attrs[h.role] = { ...attrs[h.role], ...handleAria(h, state) };
  for (const c of sliders) {
    const role = c.role ?? 'chart';
    if (c.slider) attrs[role] = { ...attrs[role], ...sliderAria(c.slider, state) };
  }
  return { attrs, text: view.text };
}

// A chapter and each of its embed pages render the same figure: its precomputation runs once.
const precomputedBySpec = new WeakMap<object, unknown>();
function precomputed<S, D, P, X>(spec: FigureSpec<S, D, P, X>): P {
  if (!spec.precompute) return undefined as P;
  if (!precomputedBySpec.has(spec)) precomputedBySpec.set(spec, spec.precompute());
  return precomputedBySpec.get(spec) as P;
}

/**
 * How `renderFigure` renders: charts into `document` at `width`, in `state` (default: the
 * defaults), with `fed` as the data fed from outside the store.
 */
export interface RenderOptions<S, F = undefined> {
  document?: Document;
  width?: number;
  state?: Partial<S>;
  fed?: F;
}

/**
 * A figure's state (its defaults unless `options.state` patches them) and everything drawn from
 * it: data, view, map pictures, precomputed and fed data, and each chart's SVG by role (drawn when a
 * server-side `document` is given). The build renders the default state this way, and the
 * tests every figure's default and one moved state.
 */
export function renderFigure<S, D, P, X>(spec: FigureSpec<S, D, P, X>, options: RenderOptions<S, X> = {}) {
  const state: S = { ...defaultsOf(spec.params), ...options.state };
  const pre = precomputed(spec);
  const fed = (options.fed !== undefined ? options.fed : spec.source?.get()) as X;
  const data = spec.build?.(state, pre, fed) as D;
  const maps = Object.fromEntries(Object.entries(spec.maps ?? {}).map(([name, m]) => [name, m.draw(data, state)]));
  const charts: Record<string, string> = {};
  const { document, width = 640 } = options;
  if (document)
    for (const c of spec.charts ?? []) charts[c.role ?? 'chart'] = c.draw(state, { width, document }, data).outerHTML;
  return { state, pre, fed, data, view: figureView(spec, data, state), maps, charts };
}
