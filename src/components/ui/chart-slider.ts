/**
 * A chart as a slider (see `ChartSlider` in `parts.ts`): arrow keys step the key; a press, or a
 * drag along x, sets it from the chart's x scale. Vertical swipes still scroll the page.
 */
import type * as Plot from '@observablehq/plot';
import { listen } from './listen.ts';
import type { ChartSlider } from './parts.ts';
import type { Store } from './store.ts';

const ARROWS: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };

/** Makes `holder` (a chart's box) a slider over `slider.key`; returns the clean-up. */
export function attachChartSlider<S, D>(
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
  return listen(holder, {
    keydown: onKey,
    pointerdown: onDown,
    pointermove: onMove,
    pointerup: onUp,
    pointercancel: onUp,
  });
}
