/**
 * The figure framework, its client half: mounts a `FigureSpec` on the markup its `.astro`
 * rendered and owns everything but the figure's own parts — the chapter store (named by the
 * figure catalogue through `data-store`), one render per animation frame and only when a key
 * the figure reads changed, the map panels' canvases, the keypoint handles with their
 * nearest-handle pick, the charts at the width of their box, sliders and segmented controls,
 * the note about refused URL values, the announcement, data fed from outside the store (a
 * worker's results), and clean-up.
 */
import { createAnnouncer } from './announce.ts';
import { createViewApplier, type ViewModel } from './apply-view.ts';
import { fmtScale } from './format.ts';
import { bindControls } from './controls.ts';
import type * as Plot from '@observablehq/plot';
import { figureView, keyOf, type ChartSlider, type FigureContext, type FigureSpec, type HandlePart } from './figure.ts';
import type { HeatmapView } from './heatmap-view.ts';
import { attachKeypointControl } from './keypoint-control.ts';
import { mountMapPanel } from './map-panel.ts';
import { observeWidth } from './resize.ts';
import { chapterStore, type Store } from './store.ts';
import { showRejected } from './url-note.ts';

/** The element `selector` names under `root`; throws, naming the figure, when it is missing. */
export function part<T extends Element = HTMLElement>(root: ParentNode, selector: string, figure = 'figure'): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`${figure}: missing ${selector}`);
  return el;
}

/** The roles a view names that the markup under `root` lacks. */
export function missingRoles(root: ParentNode, view: ViewModel): string[] {
  const roles = new Set([...Object.keys(view.attrs), ...Object.keys(view.text)]);
  const has = (role: string): boolean => {
    const selector = `[data-role="${role}"]`;
    return (root instanceof Element && root.matches(selector)) || root.querySelector(selector) !== null;
  };
  return [...roles].filter((role) => !has(role));
}

/** Mounts `spec` on `root` (the figure's custom element); returns the clean-up. */
export function mountFigure<S, D, P, X>(root: HTMLElement, spec: FigureSpec<S, D, P, X>): () => void {
  const name = spec.name;
  const storeName = root.dataset.store;
  if (!storeName) throw new Error(`${name}: no data-store (is the figure in src/data/figures.json?)`);
  const store = chapterStore(storeName, spec.params);
  const keys = Object.keys(spec.params) as (keyof S & string)[];
  const cleanups: (() => void)[] = [];
  // Declared before the parts: a chart's width arrives (and schedules a frame) as it mounts.
  let frame = 0;
  const pre = (
    spec.precompute ? JSON.parse(part(root, '[data-role="figure-data"]', name).textContent ?? '') : undefined
  ) as P;
  // Data from outside the store: the spec's shared source, or what this figure is fed (the
  // page's value first, then what `setup` feeds). Its version joins every cache key, so a new
  // value rebuilds and redraws as a change of state does.
  const fedElement = root.querySelector('[data-role="figure-fed"]');
  let fed = (fedElement ? JSON.parse(fedElement.textContent ?? '') : undefined) as X;
  const external = (): X => (spec.source ? spec.source.get() : fed);
  let version = 0;
  const stateKey = (s: Readonly<S>, of: readonly (keyof S & string)[]): string => `${version}|${keyOf(s, of)}`;

  const apply = createViewApplier(root);
  const speaks = spec.announce || spec.charts?.some((c) => c.announce);
  const announce = speaks ? createAnnouncer(part(root, '[data-role="announce"]', name)) : undefined;
  let data: D | undefined;
  let builtFor: string | undefined;
  const current = (): D => {
    const state = store.get();
    const key = stateKey(state, keys);
    if (builtFor !== key) {
      data = spec.build?.(state, pre, external());
      builtFor = key;
    }
    return data as D;
  };

  // Map panels: the build-time PNG gives way to a canvas, redrawn only when its picture changes.
  const maps = Object.entries(spec.maps ?? {}).map(([panel, m]) => {
    const view: HeatmapView = mountMapPanel(root, panel, {
      ...(m.describe ? { describe: (cell, value) => m.describe?.(cell, value, current()) ?? '' } : {}),
      ...(m.pick ? { onPick: (cell) => store.set(m.pick?.(cell, current(), store.get()) ?? {}) } : {}),
    });
    let last: { values: ArrayLike<number>; domain: string } | undefined;
    cleanups.push(() => view.destroy());
    return (d: D, s: Readonly<S>): void => {
      const pic = m.draw(d, s);
      const domain = String(pic.domain);
      if (last?.values === pic.values && last.domain === domain) return;
      last = { values: pic.values, domain };
      view.draw(pic.values, pic.w, pic.h, pic.domain);
      if (pic.domain) {
        const [lo, hi] = [
          root.querySelector(`[data-role="${panel}-scale-lo"]`),
          root.querySelector(`[data-role="${panel}-scale-hi"]`),
        ];
        if (lo) lo.textContent = fmtScale(pic.domain[0]);
        if (hi) hi.textContent = fmtScale(pic.domain[1]);
      }
    };
  });

  // Handles: a press on a shared surface moves the nearest active handle.
  const handles = spec.handles ?? [];
  const nearest = (surface: string, p: { x: number; y: number }): HandlePart<S> | undefined => {
    const s = store.get();
    let best: HandlePart<S> | undefined;
    let bestD = Number.POSITIVE_INFINITY;
    for (const h of handles) {
      if (h.surface !== surface || (h.active && !h.active(s))) continue;
      const q = h.get(s);
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d < bestD) [best, bestD] = [h, d];
    }
    return best;
  };
  for (const h of handles) {
    const control = attachKeypointControl({
      handle: part<SVGGElement>(root, `[data-role="${h.role}"]`, name),
      surface: part<SVGSVGElement>(root, `[data-role="${h.surface}"]`, name),
      bounds: h.bounds,
      get: () => h.get(store.get()),
      set: (p) => store.set(h.set(p, store.get())),
      describe: h.describe,
      ...(h.fineStep ? { fineStep: h.fineStep } : {}),
      ...(h.coarseStep ? { coarseStep: h.coarseStep } : {}),
      grab: (p) => nearest(h.surface, p) === h,
    });
    cleanups.push(() => control.detach());
  }

  // Charts: redrawn when a key they read or their width changes.
  const charts = (spec.charts ?? []).map((c) => {
    const holder = part(root, `[data-role="${c.role ?? 'chart'}"]`, name);
    if (c.slider) cleanups.push(attachChartSlider(holder, c.slider, store, current));
    let width = 0;
    let drawn = '';
    cleanups.push(
      observeWidth(holder, (w) => {
        width = w;
        schedule();
      }),
    );
    return (d: D, s: Readonly<S>): void => {
      const key = `${stateKey(s, c.keys)}|${width}`;
      if (!width || key === drawn) return;
      drawn = key;
      holder.replaceChildren(c.draw(s, { width }, d));
      if (c.announce) announce?.(c.announce(s, d));
    };
  });

  let rendered: string | undefined;
  const render = (force = false): void => {
    frame = 0;
    const s = store.get();
    const key = stateKey(s, keys);
    const d = current();
    if (force || key !== rendered) {
      const view = figureView(spec, d, s);
      if (rendered === undefined) checkMarkup(root, name, view, keys);
      rendered = key;
      apply(view);
      for (const draw of maps) draw(d, s);
      if (announce && spec.announce) announce(spec.announce(d, s));
    }
    for (const draw of charts) draw(d, s);
  };
  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(() => render());
  }
  cleanups.push(store.subscribe(schedule));
  if (spec.source)
    cleanups.push(
      spec.source.subscribe(() => {
        version += 1;
        schedule();
      }),
    );
  cleanups.push(bindControls(root, store as unknown as Store<Record<string, unknown>>));
  showRejected(root, store);

  const context: FigureContext<S, D, X> = {
    root,
    store,
    part: (selector) => part(root, selector, name),
    data: current,
    fed: external,
    feed(next) {
      fed = next;
      version += 1;
      schedule();
    },
    listen(target, type, listener) {
      target.addEventListener(type, listener as EventListener);
      cleanups.push(() => target.removeEventListener(type, listener as EventListener));
    },
  };
  const teardown = spec.setup?.(context);
  if (teardown) cleanups.push(teardown);
  render(true);

  return () => {
    if (frame) cancelAnimationFrame(frame);
    for (const cleanup of cleanups.reverse()) cleanup();
  };
}

const ARROWS: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

/**
 * A chart as a slider (see `ChartSlider`): arrow keys step the key; a press, or a drag along
 * x, sets it from the chart's x scale. Vertical swipes still scroll the page.
 */
function attachChartSlider<S, D>(
  holder: HTMLElement,
  slider: ChartSlider<S, D>,
  store: Store<S>,
  data: () => D,
): () => void {
  const clamp = (v: number): number => Math.min(slider.max, Math.max(slider.min, v));
  const onKey = (event: KeyboardEvent): void => {
    const dir = ARROWS[event.key];
    if (!dir) return;
    event.preventDefault();
    const now = store.get()[slider.key] as number;
    const step = event.shiftKey ? slider.fine : slider.coarse;
    store.set({ [slider.key]: clamp(Number((now + dir * step).toFixed(6))) } as Partial<S>);
  };
  let dragging: number | undefined;
  const at = (event: PointerEvent): void => {
    const svg = holder.querySelector('svg') as (SVGSVGElement & { scale?(name: 'x'): Plot.Scale }) | null;
    const x = svg?.scale?.('x');
    if (!svg || !x?.invert) return;
    const box = svg.getBoundingClientRect();
    const value = Number(x.invert((event.clientX - box.left) * (svg.viewBox.baseVal.width / box.width || 1)));
    if (!Number.isFinite(value)) return;
    const patch = slider.fromChart
      ? slider.fromChart(value, store.get(), data())
      : ({ [slider.key]: value } as Partial<S>);
    const v = patch[slider.key];
    if (typeof v === 'number') patch[slider.key] = clamp(Number(v.toFixed(2))) as S[keyof S & string];
    store.set(patch);
  };
  const onDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    dragging = event.pointerId;
    holder.setPointerCapture(event.pointerId);
    at(event);
  };
  const onMove = (event: PointerEvent): void => {
    if (event.pointerId === dragging) at(event);
  };
  const onUp = (event: PointerEvent): void => {
    if (event.pointerId === dragging) dragging = undefined;
  };
  holder.addEventListener('keydown', onKey);
  holder.addEventListener('pointerdown', onDown);
  holder.addEventListener('pointermove', onMove);
  holder.addEventListener('pointerup', onUp);
  holder.addEventListener('pointercancel', onUp);
  return () => {
    holder.removeEventListener('keydown', onKey);
    holder.removeEventListener('pointerdown', onDown);
    holder.removeEventListener('pointermove', onMove);
    holder.removeEventListener('pointerup', onUp);
    holder.removeEventListener('pointercancel', onUp);
  };
}

/**
 * The markup and the spec must agree: every role the view writes exists, and every control
 * sets a key the figure declares. A mismatch throws during development; in a build it is
 * written on the figure (`data-missing`), where the browser tests look for it.
 */
function checkMarkup(root: HTMLElement, name: string, view: ViewModel, keys: readonly string[]): void {
  const missing = missingRoles(root, view).map((role) => `role:${role}`);
  for (const el of root.querySelectorAll<HTMLElement>('[data-param], [data-param-group]')) {
    const key = el.dataset.param ?? el.dataset.paramGroup ?? '';
    if (!keys.includes(key)) missing.push(`param:${key}`);
  }
  if (missing.length === 0) return;
  if (import.meta.env.DEV) throw new Error(`${name}: the markup and the spec disagree: ${missing.join(', ')}`);
  root.dataset.missing = missing.join(' ');
}
