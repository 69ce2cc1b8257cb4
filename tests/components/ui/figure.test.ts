import { describe, expect, it, vi } from 'vitest';
import { createSource } from '../../../src/components/ui/source.ts';
import { defineSpec, keyOf, memoOn } from '../../../src/components/ui/figure.ts';
import { figureView, handleAria, renderFigure } from '../../../src/components/ui/render-figure.ts';
import type { HandlePart } from '../../../src/components/ui/parts.ts';
import { choiceParam, numberParam, pick } from '../../../src/components/ui/params.ts';

const schema = {
  x: numberParam({ default: 3, min: 0, max: 10 }),
  y: numberParam({ default: 4, min: 0, max: 10 }),
  mode: choiceParam(['a', 'b'] as const, 'a'),
};
type State = { x: number; y: number; mode: 'a' | 'b' };

describe('memoOn(keys, fn)', () => {
  it('calls fn again only when one of its keys changes', () => {
    const fn = vi.fn((s: State) => s.x * 2);
    const memo = memoOn(['x'], fn);
    expect(memo({ x: 1, y: 1, mode: 'a' })).toBe(2);
    expect(memo({ x: 1, y: 9, mode: 'b' })).toBe(2);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(memo({ x: 2, y: 9, mode: 'b' })).toBe(4);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('keyOf(state, keys)', () => {
  it('tells states apart by the listed keys only', () => {
    expect(keyOf({ x: 1, y: 2, mode: 'a' }, ['x', 'mode'])).toBe(keyOf({ x: 1, y: 7, mode: 'a' }, ['x', 'mode']));
    expect(keyOf({ x: 1, y: 2, mode: 'a' }, ['x'])).not.toBe(keyOf({ x: 1.5, y: 2, mode: 'a' }, ['x']));
  });
});

describe('createSource(initial)', () => {
  it('holds a value, tells its listeners when it is replaced, and stops telling them', () => {
    const source = createSource(1);
    const heard: number[] = [];
    const stop = source.subscribe(() => heard.push(source.get()));
    source.set(2);
    stop();
    source.set(3);
    expect(heard).toEqual([2]);
    expect(source.get()).toBe(3);
  });
});

const handle: HandlePart<State> = {
  role: 'dot',
  surface: 'surface',
  bounds: { minX: 0, maxX: 10, minY: 0, maxY: 10 },
  get: (s) => ({ x: s.x, y: s.y }),
  set: (p) => ({ x: p.x, y: p.y }),
  describe: (p) => `at ${p.x}, ${p.y}`,
};

describe('handleAria(handle, state) and figureView(spec, data, state)', () => {
  it('gives a handle the slider values a screen reader needs, in the build too', () => {
    expect(handleAria(handle, { x: 2.25, y: 1, mode: 'a' })).toEqual({
      'aria-valuemin': '0',
      'aria-valuemax': '10',
      'aria-valuenow': '2.3',
      'aria-valuetext': 'at 2.25, 1',
    });
  });

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
});

describe('renderFigure(spec, options)', () => {
  it('renders the defaults, or the defaults patched by a state', () => {
    const spec = defineSpec({ name: 'test', params: pick(schema, 'x', 'mode'), build: (s) => `${s.x}${s.mode}` });
    expect(renderFigure(spec).data).toBe('3a');
    expect(renderFigure(spec, { state: { mode: 'b' } }).data).toBe('3b');
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

  it('draws each chart into the given document, keyed by its role', () => {
    const doc = { createElement: () => ({ outerHTML: '<svg/>' }) } as unknown as Document;
    const spec = defineSpec({
      name: 'test',
      params: schema,
      charts: [{ role: 'curve', keys: ['x'], draw: (_s, frame) => frame.document!.createElement('svg') }],
    });
    expect(renderFigure(spec, { document: doc }).charts).toEqual({ curve: '<svg/>' });
    expect(renderFigure(spec).charts).toEqual({});
  });
});
