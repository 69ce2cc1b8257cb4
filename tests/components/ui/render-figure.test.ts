/**
 * A figure's view and render, as the build and the client both draw them: the ARIA values of its
 * handles and chart sliders, merged into its own view, and `renderFigure` in the defaults or a
 * patched state, with its precomputation, its source or fed data, its maps and its charts.
 */
import { describe, expect, it, vi } from 'vitest';
import { defineSpec } from '../../../src/components/ui/figure.ts';
import { choiceParam, numberParam, pick } from '../../../src/components/ui/params.ts';
import type { ChartSlider, HandlePart } from '../../../src/components/ui/parts.ts';
import { figureView, handleAria, renderFigure, sliderAria } from '../../../src/components/ui/render-figure.ts';
import { createSource } from '../../../src/components/ui/source.ts';

const schema = {
  x: numberParam({ default: 3, min: 0, max: 10 }),
  y: numberParam({ default: 4, min: 0, max: 10 }),
  mode: choiceParam(['a', 'b'] as const, 'a'),
};
type State = { x: number; y: number; mode: 'a' | 'b' };

const handle: HandlePart<State> = {
  role: 'dot',
  surface: 'surface',
  bounds: { minX: 0, maxX: 10, minY: 0, maxY: 10 },
  get: (s) => ({ x: s.x, y: s.y }),
  set: (p) => ({ x: p.x, y: p.y }),
  describe: (p) => `at ${p.x}, ${p.y}`,
};

const slider: ChartSlider<State, number> = {
  label: 'Row',
  key: 'y',
  min: 0,
  max: 10,
  fine: 0.1,
  coarse: 1,
  describe: (s) => `row ${s.y}`,
};

describe('handleAria(handle, state)', () => {
  it('gives a handle the slider values a screen reader needs, in the build too', () => {
    expect(handleAria(handle, { x: 2.25, y: 1, mode: 'a' })).toEqual({
      'aria-valuemin': '0',
      'aria-valuemax': '10',
      'aria-valuenow': '2.3',
      'aria-valuetext': 'at 2.25, 1',
    });
  });
});

describe('sliderAria(slider, state)', () => {
  it('makes a chart a focusable slider over its key, named and described', () => {
    expect(sliderAria(slider, { x: 3, y: 7.5, mode: 'a' })).toEqual({
      role: 'slider',
      tabindex: '0',
      'aria-label': 'Row',
      'aria-valuemin': '0',
      'aria-valuemax': '10',
      'aria-valuenow': '7.5',
      'aria-valuetext': 'row 7.5',
    });
  });
});

describe('figureView(spec, data, state)', () => {
  it("merges the handles' values into the figure's own view, keeping its attributes", () => {
    const spec = defineSpec({
      name: 'test',
      params: schema,
      build: (s) => s.x + s.y,
      view: (sum) => ({ attrs: { dot: { transform: 'translate(1 2)' } }, text: { sum: String(sum) } }),
      handles: [handle],
    });
    const view = figureView(spec, 7, { x: 3, y: 4, mode: 'a' });
    expect(view.text).toEqual({ sum: '7' });
    expect(view.attrs.dot).toMatchObject({ transform: 'translate(1 2)', 'aria-valuenow': '3.0' });
  });

  it("puts a chart slider's values on its chart's role, 'chart' when it names none", () => {
    const spec = defineSpec({
      name: 'test',
      params: schema,
      view: () => ({ attrs: { curve: { class: 'wide' } }, text: {} }),
      charts: [
        { role: 'curve', keys: ['y'], slider, draw: () => ({}) as Element },
        { keys: ['x'], slider: { ...slider, label: 'Column', key: 'x' }, draw: () => ({}) as Element },
        { role: 'plain', keys: ['x'], draw: () => ({}) as Element },
      ],
    });
    const view = figureView(spec, undefined, { x: 3, y: 4, mode: 'a' });
    expect(view.attrs.curve).toMatchObject({ class: 'wide', role: 'slider', 'aria-valuenow': '4' });
    expect(view.attrs.chart).toMatchObject({ 'aria-label': 'Column', 'aria-valuenow': '3' });
    expect(view.attrs.plain).toBeUndefined();
  });

  it('is an empty view for a figure with no view, handle or slider', () => {
    expect(figureView(defineSpec({ name: 'test', params: schema }), undefined, { x: 1, y: 1, mode: 'a' })).toEqual({
      attrs: {},
      text: {},
    });
  });
});

describe('renderFigure(spec, options)', () => {
  it('renders the defaults, or the defaults patched by a state', () => {
    const spec = defineSpec({ name: 'test', params: pick(schema, 'x', 'mode'), build: (s) => `${s.x}${s.mode}` });
    expect(renderFigure(spec).data).toBe('3a');
    expect(renderFigure(spec, { state: { mode: 'b' } }).data).toBe('3b');
    expect(renderFigure(spec, { state: { mode: 'b' } }).state).toEqual({ x: 3, mode: 'b' });
  });

  it('runs a precomputation once per spec, however many pages render the figure', () => {
    const precompute = vi.fn(() => ({ a: 1, b: 2 }));
    const spec = defineSpec({
      name: 'test',
      params: pick(schema, 'mode'),
      precompute,
      build: (s, pre) => pre[s.mode],
    });
    expect(renderFigure(spec).data).toBe(1);
    expect(renderFigure(spec, { state: { mode: 'b' } }).data).toBe(2);
    expect(precompute).toHaveBeenCalledTimes(1);
  });

  it("hands build the source's current value", () => {
    const source = createSource('nothing yet');
    const spec = defineSpec({ name: 'test', params: pick(schema, 'x'), source, build: (_s, _p, x) => x });
    expect(renderFigure(spec).data).toBe('nothing yet');
    source.set('a result');
    expect(renderFigure(spec).data).toBe('a result');
  });

  it('hands build the fed value, which wins over the source', () => {
    const source = createSource(1);
    const spec = defineSpec({ name: 'test', params: pick(schema, 'x'), source, build: (_s, _p, n: number) => n * 10 });
    const drawn = renderFigure(spec, { fed: 4 });
    expect([drawn.data, drawn.fed]).toEqual([40, 4]);
  });

  it('draws each map from the data and the state, by name', () => {
    const spec = defineSpec({
      name: 'test',
      params: schema,
      build: (s) => [s.x, s.y],
      maps: { logits: { draw: (d, s) => ({ values: d, w: 2, h: 1, label: s.mode }) } },
    });
    expect(renderFigure(spec, { state: { y: 9 } }).maps).toEqual({
      logits: { values: [3, 9], w: 2, h: 1, label: 'a' },
    });
  });

  it('draws each chart into the given document, keyed by its role, at the given width', () => {
    const doc = { createElement: (tag: string) => ({ outerHTML: `<${tag}/>` }) } as unknown as Document;
    const widths: number[] = [];
    const spec = defineSpec({
      name: 'test',
      params: schema,
      charts: [
        {
          role: 'curve',
          keys: ['x'],
          draw: (_s, frame) => {
            widths.push(frame.width);
            return frame.document!.createElement('svg');
          },
        },
        { keys: ['x'], draw: (_s, frame) => frame.document!.createElement('g') },
      ],
    });
    expect(renderFigure(spec, { document: doc }).charts).toEqual({ curve: '<svg/>', chart: '<g/>' });
    renderFigure(spec, { document: doc, width: 320 });
    expect(widths).toEqual([640, 320]);
    expect(renderFigure(spec).charts).toEqual({});
  });

  it('gives the view with its handles in the rendered state', () => {
    const spec = defineSpec({ name: 'test', params: schema, handles: [handle] });
    expect(renderFigure(spec, { state: { x: 8 } }).view.attrs.dot).toMatchObject({ 'aria-valuetext': 'at 8, 4' });
  });
});
