/**
 * A figure's view in a state, as both the build and the client draw it: its own view plus the
 * ARIA values its handles and chart sliders carry, and `renderFigure`, which the `.astro` markup
 * calls for the default state (and the tests for any state). Never touches the DOM.
 */
import type { ViewModel } from './apply-view.ts';
import type { FigureSpec } from './figure.ts';
import { defaultsOf } from './params.ts';
import { storeSchema } from './store.ts';
import type { ChartSlider, HandlePart } from './parts.ts';

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
export function figureView<S, D>(
  spec: Pick<FigureSpec<S, D>, 'view' | 'handles' | 'charts'>,
  data: D,
  state: Readonly<S>,
): ViewModel {
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
function precomputed<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>): P {
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
  /** The chapter store the figure is on: its defaults are that chapter's (`storeSchema`). */
  store?: string;
}

/**
 * A figure's state (its defaults, or its chapter's with `options.store`, unless `options.state`
 * patches them), the parameters those defaults come from (for the controls), and everything drawn from
 * it: data, view, map pictures, precomputed and fed data, and each chart's SVG by role (drawn when a
 * server-side `document` is given). The build renders the default state this way, and the
 * tests every figure's default and one moved state.
 */
export function renderFigure<S, D, P, X, T>(spec: FigureSpec<S, D, P, X, T>, options: RenderOptions<S, X> = {}) {
  const params = options.store ? storeSchema(options.store, spec.params) : spec.params;
  const state: S = { ...defaultsOf(params), ...options.state };
  const pre = precomputed(spec);
  const fed = (options.fed !== undefined ? options.fed : spec.source?.get()) as X;
  const data = spec.build?.(state, pre, fed) as D;
  const maps = Object.fromEntries(Object.entries(spec.maps ?? {}).map(([name, m]) => [name, m.draw(data, state)]));
  const charts: Record<string, string> = {};
  const { document, width = 640 } = options;
  if (document)
    for (const c of spec.charts ?? []) charts[c.role ?? 'chart'] = c.draw(state, { width, document }, data).outerHTML;
  return { state, params, pre, fed, data, view: figureView<S, D>(spec, data, state), maps, charts };
}
