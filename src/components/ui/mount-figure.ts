/**
 * The figure framework, its client half: mounts a `FigureSpec` on the markup its `.astro`
 * rendered and owns everything but the figure's own parts — the chapter store (named by the
 * figure catalogue through `data-store`), one render per animation frame and only when a key
 * the figure reads or its data from outside the store changed, the map panels (`mount-maps.ts`),
 * the handles (`mount-handles.ts`), the charts at the width of their box, the blocks it draws,
 * its actions, the controls (`controls.ts`), the note about refused URL values, the announcement,
 * its publication, and clean-up.
 */
import { createAnnouncer } from './announce.ts';
import { createViewApplier, type ViewModel } from './apply-view.ts';
import { attachChartSlider } from './chart-slider.ts';
import { bindControls } from './controls.ts';
import { keyOf, type FigureContext, type FigureSpec } from './figure.ts';
import { mountHandles } from './mount-handles.ts';
import { mountMaps } from './mount-maps.ts';
import { ownAll, ownedBy } from './owned.ts';
import { part } from './part.ts';
import { publish } from './published.ts';
import { figureView } from './render-figure.ts';
import { observeWidth } from './resize.ts';
import { chapterStore } from './store.ts';
import { showRejected } from './url-note.ts';

/** The roles a view names that the markup under `root` lacks. */
export function missingRoles(root: ParentNode, view: ViewModel): string[] {
  const roles = new Set([...Object.keys(view.attrs), ...Object.keys(view.text)]);
  return [...roles].filter((role) => !hasRole(root, role));
}

const hasRole = (root: ParentNode, role: string): boolean =>
  root instanceof Element
    ? ownAll(root, `[data-role="${role}"]`).length > 0
    : root.querySelector(`[data-role="${role}"]`) !== null;

/** Mounts `spec` on `root` (the figure's custom element, or any element with `data-store`); returns the clean-up. */
export function mountFigure<S, D, P, X, T>(root: HTMLElement, spec: FigureSpec<S, D, P, X, T>): () => void {
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

  const maps = mountMaps(root, spec.maps ?? {}, store, current);
  cleanups.push(() => maps.destroy(), mountHandles(root, spec.handles ?? [], store, name));

  // Charts: redrawn when a key they read, the external data or their width changes.
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

  // Blocks: redrawn when what they show changes.
  const blocks = (spec.blocks ?? []).map((b) => {
    const into = part(root, `[data-role="${b.role}"]`, name);
    let shown: string | undefined;
    return (d: D, s: Readonly<S>): void => {
      shown = b.redraw(d, s, into, shown);
    };
  });

  let published: { value: T } | undefined;
  let rendered: string | undefined;
  const render = (force = false): void => {
    frame = 0;
    const s = store.get();
    const key = stateKey(s, keys);
    const d = current();
    if (force || key !== rendered) {
      const view = figureView<S, D>(spec, d, s);
      if (rendered === undefined) checkMarkup(root, spec, view, keys);
      rendered = key;
      apply(view);
      maps.draw(d, s);
      for (const draw of blocks) draw(d, s);
      if (announce && spec.announce) announce(spec.announce(d, s));
      if (spec.publishes) {
        const value = spec.publishes.value(d, s, external());
        if (value !== published?.value) publish(spec.publishes.key, value);
        published = { value };
      }
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
  cleanups.push(bindControls(root, store, spec.params));
  if (spec.actions) cleanups.push(bindActions(root, spec.actions, store, current));
  // A nested figure's refused link values are told by the figure or page around it.
  if (!root.parentElement?.closest('[data-store]')) showRejected(root, store);

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

/** A press on a button with `data-action` = the name of one of `actions` sets the state it asks for. */
function bindActions<S, D>(
  root: HTMLElement,
  actions: NonNullable<FigureSpec<S, D>['actions']>,
  store: { get(): Readonly<S>; set(patch: Partial<S>): void },
  data: () => D,
): () => void {
  const onClick = (event: Event): void => {
    const button = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    const action =
      button && root.contains(button) && ownedBy(root, button) ? actions[button.dataset.action ?? ''] : undefined;
    if (action) store.set(action(store.get(), button?.dataset.value, data()));
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/**
 * The markup and the spec must agree: every role the view writes exists, every action has a
 * button, and every control sets a key the figure declares. A mismatch throws
 * during development; in a build it is written on the figure (`data-missing`), where the browser
 * tests look for it.
 */
function checkMarkup<S, D, P, X, T>(
  root: HTMLElement,
  spec: FigureSpec<S, D, P, X, T>,
  view: ViewModel,
  keys: readonly string[],
): void {
  const missing = missingRoles(root, view).map((role) => `role:${role}`);
  for (const action of Object.keys(spec.actions ?? {}))
    if (!ownAll(root, `[data-action="${action}"]`).length) missing.push(`action:${action}`);
  for (const el of ownAll(root, '[data-param], [data-param-group]')) {
    const key = el.dataset.param ?? el.dataset.paramGroup ?? '';
    if (!keys.includes(key)) missing.push(`param:${key}`);
  }
  if (missing.length === 0) return;
  if (import.meta.env.DEV) throw new Error(`${spec.name}: the markup and the spec disagree: ${missing.join(', ')}`);
  root.dataset.missing = missing.join(' ');
}
