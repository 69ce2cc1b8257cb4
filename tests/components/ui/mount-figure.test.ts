/**
 * The framework's client half on a server-side DOM (linkedom): data fed from outside the store
 * starts from the value the page embedded, and a feed rebuilds and redraws the figure (view,
 * charts, announcement) on the next frame, as a change of state does; the announcement waits
 * for the figure to settle, even when it is redrawn many times.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { defineSpec, type FigureContext } from '../../../src/components/ui/figure.ts';
import { renderFigure } from '../../../src/components/ui/render-figure.ts';
import { mountFigure } from '../../../src/components/ui/mount-figure.ts';
import { numberParam } from '../../../src/components/ui/params.ts';

const params = { n: numberParam({ default: 1, min: 0, max: 9, integer: true }) };
type Fed = { count: number };

let frames: (() => void)[] = [];
/** Runs the pending animation frames. */
const flush = () => {
  const now = frames;
  frames = [];
  now.forEach((f) => f());
};

let store = 0;
function setUp(fed: Fed | undefined) {
  const { document } = parseHTML(`<!doctype html><html><body>
    <test-figure data-store="test${(store += 1)}">
      ${fed ? `<script type="application/json" data-role="figure-fed">${JSON.stringify(fed)}</script>` : ''}
      <p data-role="out"></p><div data-role="chart"></div>
      <p data-role="announce"></p>
    </test-figure></body></html>`);
  return document.querySelector('test-figure') as unknown as HTMLElement;
}

let context: FigureContext<{ n: number }, { text: string }, Fed> | undefined;
const drawn: string[] = [];
const spec = defineSpec({
  name: 'fed-figure',
  params,
  build: (s, _pre, fed: Fed) => ({ text: `n ${s.n}, fed ${fed?.count ?? 'nothing'}` }),
  view: (d) => ({ attrs: {}, text: { out: d.text } }),
  charts: [
    {
      keys: [],
      draw: (_s, frame, d) => {
        drawn.push(d.text);
        return (frame.document ?? globalThis.document).createElement('svg') as unknown as Element;
      },
    },
  ],
  announce: (d) => `Now ${d.text}.`,
  setup(figure) {
    context = figure;
  },
});

beforeEach(() => {
  frames = [];
  drawn.length = 0;
  const { document, Element } = parseHTML('<!doctype html><html><body></body></html>');
  vi.stubGlobal('Element', Element);
  vi.stubGlobal('location', new URL('https://example.org/chapters/x/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
  vi.stubGlobal('document', document);
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  // The announcer's timers only: the frames are the test's own.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a figure fed from outside its store', () => {
  it('renders at build time with the value it is given', () => {
    expect(renderFigure(spec, { fed: { count: 3 } }).view.text.out).toBe('n 1, fed 3');
  });

  it('starts from the value the page embedded, and redraws on the next frame after a feed', () => {
    const root = setUp({ count: 3 });
    // The chart box has no layout here: give it a width, as the browser does.
    root.querySelector('[data-role="chart"]')!.getBoundingClientRect = () => ({ width: 300 }) as DOMRect;
    const unmount = mountFigure(root, spec);
    const out = root.querySelector('[data-role="out"]')!;
    expect(out.textContent).toBe('n 1, fed 3');
    expect(context!.fed()).toEqual({ count: 3 });
    flush();
    const chartsBefore = drawn.length;
    context!.feed({ count: 4 });
    expect(out.textContent).toBe('n 1, fed 3');
    flush();
    expect(out.textContent).toBe('n 1, fed 4');
    expect(context!.data().text).toBe('n 1, fed 4');
    expect(drawn.slice(chartsBefore)).toEqual(['n 1, fed 4']);
    // A change of state still rebuilds, with the latest fed data.
    context!.store.set({ n: 5 });
    flush();
    expect(out.textContent).toBe('n 5, fed 4');
    unmount();
  });

  it('announces once the figure settles, though it is fed every frame', () => {
    const root = setUp(undefined);
    const unmount = mountFigure(root, spec);
    const announced = root.querySelector('[data-role="announce"]')!;
    for (let i = 0; i < 10; i++) {
      // Fed every 100 ms, with the same announcement each time after the first.
      context!.feed({ count: i < 1 ? 0 : 1 });
      flush();
      vi.advanceTimersByTime(100);
    }
    expect(announced.textContent).toBe('Now n 1, fed 1.');
    unmount();
  });
});
