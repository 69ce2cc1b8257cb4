/**
 * mountMaps on a server-side DOM: a MapPanel's image gives way to its canvas; a picture is drawn
 * only when it changes; a picture of another size resizes the panel's box and its overlay's
 * viewBox; the colour bar's labels follow the domain; a picture's `label` names the canvas; a
 * cell's readout and a pick go through the map part with the figure's data.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { colorize } from '../../../src/components/ui/colormap.ts';
import { mountMaps } from '../../../src/components/ui/mount-maps.ts';
import { numberParam } from '../../../src/components/ui/params.ts';
import type { MapDraw, MapPart } from '../../../src/components/ui/parts.ts';
import { createStore, flushUrl } from '../../../src/components/ui/store.ts';
import { fire, pageWith, place, withContext } from './dom.ts';

type State = { n: number };
const schema = { n: numberParam({ default: 0, min: 0, max: 99, integer: true }) };

/** A MapPanel as the markup renders it, with a colour bar. */
const PANEL = `<figure-x>
  <div class="map-panel" data-panel="logits">
    <div class="map-box" style="aspect-ratio: 2 / 2">
      <img class="map-image" src="data:," alt="">
      <canvas class="map-canvas" hidden tabindex="0" role="img" aria-label="Logits: 2 × 2 cells"></canvas>
      <svg class="map-overlay" viewBox="-0.5 -0.5 2 2" data-role="logits-surface"></svg>
    </div>
    <p class="panel-readout"></p>
  </div>
  <span data-role="logits-scale-lo">0</span><span data-role="logits-scale-hi">1</span>
</figure-x>`;

function setUp(part: MapPart<State, MapDraw>) {
  const doc = pageWith(PANEL);
  vi.stubGlobal('document', doc);
  const root = doc.querySelector<HTMLElement>('figure-x')!;
  const canvas = root.querySelector('canvas')!;
  const context = withContext(canvas);
  const store = createStore('t', schema, new URLSearchParams());
  let data: MapDraw = { values: [0, 1, 2, 3], w: 2, h: 2 };
  const maps = mountMaps(root, { logits: part }, store, () => data);
  return {
    root,
    canvas,
    context,
    store,
    maps,
    setData: (d: MapDraw) => (data = d),
    box: root.querySelector<HTMLElement>('.map-box')!,
    overlay: root.querySelector('.map-overlay')!,
    lo: root.querySelector('[data-role="logits-scale-lo"]')!,
    hi: root.querySelector('[data-role="logits-scale-hi"]')!,
  };
}

/** A map part that draws the data it is given. */
const drawsData: MapPart<State, MapDraw> = { draw: (d) => d };

beforeEach(() => {
  vi.stubGlobal('location', new URL('https://example.test/ch/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

describe('mountMaps(root, maps, store, current)', () => {
  it("swaps the panel's build-time image for its canvas", () => {
    const { root, canvas } = setUp(drawsData);
    expect(canvas.hidden).toBe(false);
    expect(root.querySelector('img')!.hasAttribute('hidden')).toBe(true);
  });

  it('colours the picture over its domain onto the canvas, one pixel per cell', () => {
    const { maps, context, canvas } = setUp(drawsData);
    const values = Float32Array.from([0, 0.5, 1, 2]);
    maps.draw({ values, w: 2, h: 2, domain: [0, 2] }, { n: 0 });
    expect([canvas.width, canvas.height]).toEqual([2, 2]);
    expect(context.put).toHaveLength(1);
    expect([...context.put[0]!.data]).toEqual([...colorize(values, [0, 2])]);
  });

  it('does not draw an unchanged picture again, and draws a new domain or new values', () => {
    const { maps, context } = setUp(drawsData);
    const values = Float32Array.from([0, 1, 2, 3]);
    maps.draw({ values, w: 2, h: 2, domain: [0, 3] }, { n: 0 });
    maps.draw({ values, w: 2, h: 2, domain: [0, 3] }, { n: 1 });
    expect(context.put).toHaveLength(1);
    maps.draw({ values, w: 2, h: 2, domain: [0, 6] }, { n: 1 });
    expect(context.put).toHaveLength(2);
    maps.draw({ values: values.slice(), w: 2, h: 2, domain: [0, 6] }, { n: 1 });
    expect(context.put).toHaveLength(3);
  });

  it("resizes the box and the overlay's viewBox for a picture of another size", () => {
    const { maps, box, overlay, canvas } = setUp(drawsData);
    maps.draw({ values: new Float32Array(12), w: 3, h: 4 }, { n: 0 });
    expect(box.style.aspectRatio).toBe('3 / 4');
    expect(overlay.getAttribute('viewBox')).toBe('-0.5 -0.5 3 4');
    expect([canvas.width, canvas.height]).toEqual([3, 4]);
    // The same size again leaves them as they are (a reader's own edit of the box stands).
    box.style.aspectRatio = 'auto';
    maps.draw({ values: new Float32Array(12).fill(1), w: 3, h: 4 }, { n: 0 });
    expect(box.style.aspectRatio).toBe('auto');
  });

  it("writes the domain's ends to the colour bar's labels, to three significant digits", () => {
    const { maps, lo, hi } = setUp(drawsData);
    maps.draw({ values: [0, 1, 2, 3], w: 2, h: 2, domain: [-1.23456, 98765] }, { n: 0 });
    expect([lo.textContent, hi.textContent]).toEqual(['−1.23', '98800']);
    // A picture without a domain leaves the labels alone.
    maps.draw({ values: [4, 5, 6, 7], w: 2, h: 2 }, { n: 0 });
    expect([lo.textContent, hi.textContent]).toEqual(['−1.23', '98800']);
  });

  it("names the canvas with the picture's label, and keeps the markup's name without one", () => {
    const { maps, canvas } = setUp(drawsData);
    maps.draw({ values: [0, 1, 2, 3], w: 2, h: 2 }, { n: 0 });
    expect(canvas.getAttribute('aria-label')).toBe('Logits: 2 × 2 cells');
    maps.draw({ values: [0, 1, 2, 4], w: 2, h: 2, label: 'Joint 3: 2 × 2 logits' }, { n: 0 });
    expect(canvas.getAttribute('aria-label')).toBe('Joint 3: 2 × 2 logits');
    // A later picture without a label is named as the markup names it again.
    maps.draw({ values: [0, 1, 2, 5], w: 2, h: 2 }, { n: 0 });
    expect(canvas.getAttribute('aria-label')).toBe('Logits: 2 × 2 cells');
  });

  it("reads a cell out with the part's describe and sets the state a pick asks for", () => {
    const part: MapPart<State, MapDraw> = {
      draw: (d) => d,
      describe: (cell, value, d) => `(${cell.x}, ${cell.y}) of ${d.w}: ${value}`,
      pick: (cell, d, s) => ({ n: s.n + cell.y * d.w + cell.x }),
    };
    const { root, maps, canvas, store, setData } = setUp(part);
    const data = { values: [10, 11, 12, 13], w: 2, h: 2 };
    setData(data);
    maps.draw(data, store.get());
    place(canvas, { width: 20, height: 20 });
    fire(canvas, 'pointermove', { clientX: 15, clientY: 5 });
    expect(root.querySelector('.panel-readout')!.textContent).toBe('(1, 0) of 2: 11');
    store.set({ n: 10 });
    fire(canvas, 'click');
    expect(store.get().n).toBe(11);
  });

  it("stops the canvas's listeners when destroyed", () => {
    const { root, maps, canvas } = setUp({ draw: (d) => d, describe: () => 'a cell' });
    maps.draw({ values: [0, 1, 2, 3], w: 2, h: 2 }, { n: 0 });
    place(canvas, { width: 20, height: 20 });
    maps.destroy();
    fire(canvas, 'pointermove', { clientX: 15, clientY: 5 });
    expect(root.querySelector('.panel-readout')!.textContent).toBe('');
  });
});
