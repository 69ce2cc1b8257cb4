/**
 * The client half of every chart figure: subscribes to the chapter store, rebuilds the
 * chart's data only when the part of the state it depends on changes, redraws at the width
 * the resize helper reports, at most once per animation frame, and announces the result.
 */
import { createAnnouncer } from './announce.ts';
import { observeWidth } from './resize.ts';
import type { Store } from './store.ts';

export interface ChartSpec<S, D> {
  store: Store<S>;
  /** The state the data depends on, as a string; the data is rebuilt only when it changes. */
  dataKey(state: Readonly<S>): string;
  build(state: Readonly<S>): D;
  /**
   * What the drawing reads from the state besides the data (a marker's position, say), as a
   * string; the chart is redrawn only when the data, this key or the width changes.
   * Defaults to the data key.
   */
  viewKey?(state: Readonly<S>): string;
  draw(data: D, state: Readonly<S>, width: number): Element;
  announce?(data: D, state: Readonly<S>): string;
}

export function mountChart<S, D>(root: HTMLElement, spec: ChartSpec<S, D>): () => void {
  const holder = root.querySelector<HTMLElement>('[data-role="chart"]');
  const region = root.querySelector<HTMLElement>('[data-role="announce"]');
  if (!holder) throw new Error('chart figure: missing [data-role="chart"]');
  const announce = region ? createAnnouncer(region) : undefined;
  let width = 0;
  let cached: { key: string; data: D } | undefined;
  let drawn = '';
  let frame = 0;

  const render = (): void => {
    frame = 0;
    if (!width) return;
    const state = spec.store.get();
    const key = spec.dataKey(state);
    if (!cached || cached.key !== key) cached = { key, data: spec.build(state) };
    const view = `${key}|${spec.viewKey ? spec.viewKey(state) : ''}|${width}`;
    if (view === drawn) return;
    drawn = view;
    holder.replaceChildren(spec.draw(cached.data, state, width));
    if (announce && spec.announce) announce(spec.announce(cached.data, state));
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  const stopWidth = observeWidth(holder, (w) => {
    width = w;
    schedule();
  });
  const unsubscribe = spec.store.subscribe(schedule);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    stopWidth();
    unsubscribe();
  };
}
