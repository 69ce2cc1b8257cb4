/**
 * attachChartSlider on a server-side DOM: the arrow keys step the key (coarse, or fine with Shift)
 * and clamp it to the slider's range; a press, or a drag begun with one, sets it from the chart's
 * x scale (the svg's `scale('x')`, as Plot gives it), through `fromChart` when the slider has one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachChartSlider } from '../../../src/components/ui/chart-slider.ts';
import { numberParam } from '../../../src/components/ui/params.ts';
import type { ChartSlider } from '../../../src/components/ui/parts.ts';
import { createStore, flushUrl, type Store } from '../../../src/components/ui/store.ts';
import { fire, pageWith, place } from './dom.ts';

type State = { offset: number };
// The store takes a wider range than the slider, so that the clamps seen are the slider's.
const schema = { offset: numberParam({ default: 0, min: -5, max: 5, digits: 3 }) };

const slider: ChartSlider<State, number[]> = {
  label: 'Offset',
  key: 'offset',
  min: -1,
  max: 1,
  fine: 0.05,
  coarse: 0.25,
  describe: (s) => `offset ${s.offset}`,
};

/**
 * A chart box holding an svg whose x scale maps 400 user units onto [-2, 2] (invert: u / 100 − 2),
 * laid out 200 CSS px wide from x = 50: a press at clientX c is at user unit (c − 50) · 2.
 */
function chart() {
  const doc = pageWith('<div data-role="chart"><svg></svg></div>');
  const holder = doc.querySelector<HTMLElement>('[data-role="chart"]')!;
  const svg = holder.querySelector('svg')!;
  Object.assign(svg, {
    scale: (name: string) => (name === 'x' ? { invert: (u: number) => u / 100 - 2 } : undefined),
    viewBox: { baseVal: { width: 400 } },
  });
  place(svg, { left: 50, width: 200 });
  const captured: number[] = [];
  holder.setPointerCapture = (id: number) => captured.push(id);
  return { holder, svg, captured };
}

/** The clientX of a press at chart value `v`. */
const clientXOf = (v: number) => 50 + ((v + 2) * 100) / 2;

let store: Store<State>;
beforeEach(() => {
  vi.stubGlobal('location', new URL('https://example.test/ch/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  store = createStore('t', schema, new URLSearchParams());
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

describe('attachChartSlider(holder, slider, store, data): keys', () => {
  it('steps by the coarse step, or the fine one with Shift, without float noise', () => {
    const { holder } = chart();
    attachChartSlider(holder, slider, store, () => []);
    fire(holder, 'keydown', { key: 'ArrowRight' });
    expect(store.get().offset).toBe(0.25);
    fire(holder, 'keydown', { key: 'ArrowDown' });
    fire(holder, 'keydown', { key: 'ArrowDown' });
    expect(store.get().offset).toBe(-0.25);
    store.set({ offset: 0 });
    // 0.05 · 3 is 0.15000000000000002 in floating point; the slider says 0.15.
    for (let i = 0; i < 3; i++) fire(holder, 'keydown', { key: 'ArrowUp', shiftKey: true });
    expect(store.get().offset).toBe(0.15);
  });

  it("clamps a step to the slider's range, and takes its arrow keys from the page", () => {
    const { holder } = chart();
    attachChartSlider(holder, slider, store, () => []);
    store.set({ offset: 0.9 });
    const right = fire(holder, 'keydown', { key: 'ArrowRight' });
    expect(store.get().offset).toBe(1);
    expect(right.defaultPrevented).toBe(true);
    store.set({ offset: -0.9 });
    fire(holder, 'keydown', { key: 'ArrowLeft' });
    expect(store.get().offset).toBe(-1);
  });

  it('leaves other keys to the page', () => {
    const { holder } = chart();
    attachChartSlider(holder, slider, store, () => []);
    const tab = fire(holder, 'keydown', { key: 'Tab' });
    expect(tab.defaultPrevented).toBe(false);
    expect(store.get().offset).toBe(0);
  });
});

describe('attachChartSlider(holder, slider, store, data): pointer', () => {
  it("sets the key from the chart's x scale at a press, to two decimals, and captures the pointer", () => {
    const { holder, captured } = chart();
    attachChartSlider(holder, slider, store, () => []);
    // (168.5 − 50) · 2 = 237 user units: 2.37 − 2 = 0.37 (0.3700000000000001 before rounding).
    fire(holder, 'pointerdown', { button: 0, pointerId: 7, clientX: 168.5 });
    expect(store.get().offset).toBe(0.37);
    expect(captured).toEqual([7]);
  });

  it("clamps a press outside the slider's range", () => {
    const { holder } = chart();
    attachChartSlider(holder, slider, store, () => []);
    fire(holder, 'pointerdown', { button: 0, pointerId: 1, clientX: clientXOf(1.8) });
    expect(store.get().offset).toBe(1);
  });

  it('follows a drag begun with a press until the pointer is released', () => {
    const { holder } = chart();
    attachChartSlider(holder, slider, store, () => []);
    fire(holder, 'pointermove', { pointerId: 3, clientX: clientXOf(0.5) });
    expect(store.get().offset).toBe(0);
    fire(holder, 'pointerdown', { button: 0, pointerId: 3, clientX: clientXOf(-0.5) });
    fire(holder, 'pointermove', { pointerId: 4, clientX: clientXOf(0.75) });
    expect(store.get().offset).toBe(-0.5);
    fire(holder, 'pointermove', { pointerId: 3, clientX: clientXOf(0.25) });
    expect(store.get().offset).toBe(0.25);
    fire(holder, 'pointerup', { pointerId: 3 });
    fire(holder, 'pointermove', { pointerId: 3, clientX: clientXOf(0.75) });
    expect(store.get().offset).toBe(0.25);
  });

  it('ignores a press of another button, and a press before the chart is drawn', () => {
    const { holder, svg } = chart();
    attachChartSlider(holder, slider, store, () => []);
    fire(holder, 'pointerdown', { button: 2, pointerId: 1, clientX: clientXOf(0.5) });
    expect(store.get().offset).toBe(0);
    svg.remove();
    fire(holder, 'pointerdown', { button: 0, pointerId: 1, clientX: clientXOf(0.5) });
    expect(store.get().offset).toBe(0);
  });

  it("asks fromChart for the patch, with the value, the state and the figure's data", () => {
    const { holder } = chart();
    const data = [-0.6, 0.1, 0.8];
    const fromChart = vi.fn((x: number, _s: Readonly<State>, d: number[]) => ({
      offset: d.reduce((best, v) => (Math.abs(v - x) < Math.abs(best - x) ? v : best)),
    }));
    attachChartSlider(holder, { ...slider, fromChart }, store, () => data);
    fire(holder, 'pointerdown', { button: 0, pointerId: 1, clientX: clientXOf(0.6) });
    expect(fromChart).toHaveBeenCalledWith(expect.closeTo(0.6, 9), { offset: 0 }, data);
    expect(store.get().offset).toBe(0.8);
  });

  it('stops listening when cleaned up', () => {
    const { holder } = chart();
    const detach = attachChartSlider(holder, slider, store, () => []);
    detach();
    fire(holder, 'keydown', { key: 'ArrowRight' });
    fire(holder, 'pointerdown', { button: 0, pointerId: 1, clientX: clientXOf(0.5) });
    expect(store.get().offset).toBe(0);
  });
});
