/**
 * The figure framework's contract: what a figure states about itself (a `FigureSpec`), made of
 * the parts in `parts.ts`. A figure supplies its parts; the framework owns the lifecycle
 * (`mount-figure.ts`): finding the chapter store, the frame loop and its cache, the canvas swap of
 * map panels, controls, handles, charts, blocks, actions, the URL note, the announcement, the
 * publication and clean-up. The `.astro` render calls `renderFigure(spec)` (`render-figure.ts`)
 * with the defaults, so the page as built equals the hydrated figure in its default state by
 * construction. This module never touches the DOM.
 *
 * ```ts
 * export default defineSpec({
 *   name: 'pixel-grid',
 *   params: keypointParams,
 *   build: (s) => buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
 *   view: pixelGridView,
 *   maps: { heatmap: { draw: (d) => ({ values: d.target, w: 48, h: 64, domain: [0, 1] }) } },
 *   handles: [{ role: 'handle', surface: 'surface', bounds, get: (s) => s, set: (p) => p, describe }],
 *   actions: { reseed: reseed('seed') },   // ui/actions.ts; <button data-action="reseed">
 *   announce: pixelGridAnnouncement,
 * });
 * ```
 */
import type { ViewModel } from './apply-view.ts';
import type { Schema } from './params.ts';
import type { ActionPart, BlockPart, ChartPart, HandlePart, MapPart, PublishPart } from './parts.ts';
import type { Source } from './source.ts';
import type { Store } from './store.ts';

/** The props every live figure's component receives from `<Figure of={…}>`. */
export interface FigureProps {
  /** The figure's id, from its catalogue entry (for unique ids inside it). */
  id: string;
  /** The chapter store its state lives in, from its catalogue entry. */
  store: string;
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
 * (see `build`), `T` what the figure publishes.
 */
export interface FigureSpec<S, D, P = undefined, X = undefined, T = unknown> {
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
  /** Elements whose children the figure draws (table rows, legends, overlay marks). */
  blocks?: readonly BlockPart<NoInfer<S>, D>[];
  /** Named state patches that its buttons (`data-action`) trigger: reseed, reset, step, pick. */
  actions?: Record<string, ActionPart<NoInfer<S>, D>>;
  /** A value for the exercises, published whenever a render changes it. */
  publishes?: PublishPart<NoInfer<S>, D, X, T>;
  /** What a screen reader hears once the reader pauses. */
  announce?(data: D, state: Readonly<NoInfer<S>>): string;
  /**
   * Behaviour that none of the parts covers (a timer that plays steps, a worker's messages, file
   * pickers); returns its clean-up. The README lists the specs that use it and why.
   */
  setup?(figure: FigureContext<NoInfer<S>, D, X>): (() => void) | void;
}

/** Types a figure spec where it is written (the identity at run time). */
export function defineSpec<S, D, P = undefined, X = undefined, T = unknown>(
  spec: FigureSpec<S, D, P, X, T>,
): FigureSpec<S, D, P, X, T> {
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
