/**
 * The framework's client half on a server-side DOM (linkedom): data fed from outside the store
 * starts from the value the page embedded, and a feed rebuilds and redraws the figure (view,
 * charts, announcement) on the next frame, as a change of state does; the announcement waits
 * for the figure to settle, even when it is redrawn many times. A press on a `data-action`
 * button sets its action's patch; a figure publishes a value once per change of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { defineSpec, type FigureContext } from '../../../src/components/ui/figure.ts';
import { renderFigure } from '../../../src/components/ui/render-figure.ts';
import { mountFigure } from '../../../src/components/ui/mount-figure.ts';
import { numberParam } from '../../../src/components/ui/params.ts';
import { chapterStore } from '../../../src/components/ui/store.ts';
import { onPublish, publication, published } from '../../../src/components/ui/published.ts';

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
  vi.unstubAllEnvs();
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

describe('a figure’s actions', () => {
  const twoKeys = { n: params.n, m: numberParam({ default: 0, min: 0, max: 9, integer: true }) };
  const seen: (string | undefined)[] = [];
  const actionSpec = defineSpec({
    name: 'action-figure',
    params: twoKeys,
    build: (s) => ({ text: `n ${s.n}, m ${s.m}` }),
    view: (d) => ({ attrs: {}, text: { out: d.text } }),
    actions: {
      up: (s) => ({ n: s.n + 1 }),
      set: (_s, value, d) => {
        seen.push(`${value} with ${d.text}`);
        return { m: Number(value) };
      },
    },
  });

  /** A page with the figure (its two buttons, the `up` one wrapping a span) and a button outside it. */
  function page(buttons = true) {
    const { document } = parseHTML(`<!doctype html><html><body>
      <test-figure data-store="test${(store += 1)}">
        <p data-role="out"></p>
        ${buttons ? '<button data-action="up"><span>Up</span></button><button data-action="set" data-value="7">7</button>' : ''}
        <button data-action="other">Other</button>
      </test-figure>
      <button id="outside" data-action="up">Up, outside</button></body></html>`);
    const root = document.querySelector('test-figure') as unknown as HTMLElement;
    const press = (selector: string) =>
      document.querySelector(selector)!.dispatchEvent(new document.defaultView!.Event('click', { bubbles: true }));
    return { root, press };
  }

  it('sets the patch an action returns when its button, or something inside it, is pressed', () => {
    seen.length = 0;
    const { root, press } = page();
    const unmount = mountFigure(root, actionSpec);
    const out = root.querySelector('[data-role="out"]')!;
    press('[data-action="up"] span');
    flush();
    expect(out.textContent).toBe('n 2, m 0');
    press('[data-action="set"]');
    flush();
    expect(out.textContent).toBe('n 2, m 7');
    // The action gets the button's data-value and the figure's data as it was.
    expect(seen).toEqual(['7 with n 2, m 0']);
    unmount();
  });

  it('does nothing for a press outside the figure, on a button whose action it lacks, or after unmounting', () => {
    const { root, press } = page();
    const unmount = mountFigure(root, actionSpec);
    const out = root.querySelector('[data-role="out"]')!;
    press('#outside');
    press('[data-action="other"]');
    press('[data-role="out"]');
    flush();
    expect(out.textContent).toBe('n 1, m 0');
    unmount();
    press('[data-action="up"]');
    flush();
    expect(out.textContent).toBe('n 1, m 0');
  });

  it('marks a built figure data-missing with each action that has no button, and throws in development', () => {
    vi.stubEnv('DEV', false);
    const built = page(false).root;
    mountFigure(built, actionSpec)();
    expect(built.dataset.missing).toBe('action:up action:set');
    vi.stubEnv('DEV', true);
    expect(() => mountFigure(page(false).root, actionSpec)).toThrow(/action:up, action:set/);
    const whole = page().root;
    mountFigure(whole, actionSpec)();
    expect(whole.dataset.missing).toBeUndefined();
  });
});

describe('a figure’s publication', () => {
  const twoKeys = { n: params.n, m: numberParam({ default: 0, min: 0, max: 9, integer: true }) };
  const key = publication<{ n: number }>('test:n');
  // One object per n: a change of m alone leaves the published value as it was.
  const values = new Map<number, { n: number }>();
  const valueOf = (n: number) => values.get(n) ?? values.set(n, { n }).get(n)!;
  const publishing = defineSpec({
    name: 'publishing-figure',
    params: twoKeys,
    build: (s) => ({ text: `n ${s.n}, m ${s.m}` }),
    view: (d) => ({ attrs: {}, text: { out: d.text } }),
    publishes: { key, value: (_d, s) => valueOf(s.n) },
  });

  it('publishes its value as it mounts, and again only when a render changes it', () => {
    const root = setUp(undefined);
    const heard: ({ n: number } | undefined)[] = [];
    const stop = onPublish(() => heard.push(published(key)));
    const unmount = mountFigure(root, publishing);
    expect(heard).toEqual([{ n: 1 }]);
    const figureStore = chapterStore(root.dataset.store!, twoKeys);
    // m is not in what it publishes: the figure redraws, and publishes nothing.
    figureStore.set({ m: 4 });
    flush();
    expect(root.querySelector('[data-role="out"]')!.textContent).toBe('n 1, m 4');
    expect(heard).toHaveLength(1);
    figureStore.set({ n: 3 });
    flush();
    figureStore.set({ m: 5 });
    flush();
    expect(heard).toEqual([{ n: 1 }, { n: 3 }]);
    expect(heard[0]).toBe(valueOf(1));
    unmount();
    stop();
  });
});
