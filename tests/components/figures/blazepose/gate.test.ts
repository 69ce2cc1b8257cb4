/**
 * Chapter 9's model gate: the status line and what a screen reader hears in each state of the
 * model, the gate's view, merging views, and the button's binding (on a server-side DOM, with the
 * session mocked): only the pressed figure's live region speaks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  GATE_IDLE_TEXT,
  bindGate,
  defineGatedSpec,
  gateView,
  mergeViews,
  modelAnnouncement,
  modelStatusText,
} from '../../../../src/components/figures/blazepose/gate.ts';
import { INITIAL_SESSION, type Ch9Session } from '../../../../src/components/figures/blazepose/session/state.ts';
import type { FigureContext } from '../../../../src/components/ui/figure.ts';
import { numberParam } from '../../../../src/components/ui/params.ts';
import { part } from '../../../../src/components/ui/part.ts';
import { fire, pageWith } from '../../ui/dom.ts';

const session = vi.hoisted(() => ({
  connect: vi.fn(),
  disconnect: vi.fn(),
  request: vi.fn(async () => {}),
  source: { get: () => undefined, subscribe: () => () => {} },
}));
vi.mock('../../../../src/components/figures/blazepose/session.ts', () => ({
  ch9Session: session.source,
  connectSession: (options: unknown) => {
    session.connect(options);
    return session.disconnect;
  },
  requestModel: session.request,
}));

const ready = (patch: Partial<Extract<Ch9Session['model'], { status: 'ready' }>> = {}): Ch9Session['model'] => ({
  status: 'ready',
  accelerator: 'webgpu',
  fallback: null,
  fullyAccelerated: true,
  loadMs: 1234.4,
  ...patch,
});
const withModel = (model: Ch9Session['model'], patch: Partial<Ch9Session> = {}): Ch9Session => ({
  ...INITIAL_SESSION,
  model,
  ...patch,
});

describe('modelStatusText(session)', () => {
  it('says what the model is before, while and after it loads', () => {
    expect(modelStatusText(INITIAL_SESSION)).toBe(GATE_IDLE_TEXT);
    expect(modelStatusText(withModel({ status: 'loading' }))).toBe(
      'Downloading the runtime and the model from this site, then compiling it…',
    );
    expect(modelStatusText(withModel({ status: 'failed', message: 'No WebAssembly.' }))).toBe(
      'No WebAssembly. The rest of the chapter works without the model; press the button to try again.',
    );
  });

  it('says which accelerator ran, and why not wholly the GPU', () => {
    expect(modelStatusText(withModel(ready()))).toBe('BlazePose lite runs on your GPU, through WebGPU.');
    expect(modelStatusText(withModel(ready({ fullyAccelerated: false })))).toBe(
      'BlazePose lite runs on your GPU, through WebGPU (part of it on the CPU).',
    );
    expect(modelStatusText(withModel(ready({ accelerator: 'wasm', fallback: 'WebGPU: no adapter' })))).toBe(
      'BlazePose lite runs on your CPU, through WebAssembly (WebGPU: no adapter).',
    );
  });

  it('adds the runs so far and their median time, and what the model is doing', () => {
    const times = { runs: 1, medianMs: 52.6, firstMs: 140 };
    expect(modelStatusText(withModel(ready(), { times }))).toBe(
      'BlazePose lite runs on your GPU, through WebGPU. 1 run so far, 53 ms each (median).',
    );
    expect(modelStatusText(withModel(ready(), { times: { ...times, runs: 3 }, busy: 'sweep' }))).toBe(
      'BlazePose lite runs on your GPU, through WebGPU. 3 runs so far, 53 ms each (median). Running the shift test…',
    );
    expect(modelStatusText(withModel(ready(), { busy: 'run' }))).toMatch(/ Running…$/);
  });
});

describe('modelAnnouncement(session)', () => {
  it("says the model's state, never its timings or runs", () => {
    expect(modelAnnouncement(INITIAL_SESSION)).toBe('');
    expect(
      modelAnnouncement(withModel(ready({ accelerator: 'wasm' }), { times: { runs: 3, medianMs: 50, firstMs: 90 } })),
    ).toBe('The model is loaded and runs on your CPU, through WebAssembly.');
    expect(modelAnnouncement(withModel({ status: 'loading' }, { busy: 'run' }))).toBe(
      'Downloading the runtime and the model from this site, then compiling it…',
    );
  });
});

describe('gateView(session)', () => {
  it('before the model: the idle state, the button shown and enabled, no timings', () => {
    const view = gateView(INITIAL_SESSION);
    expect(view.attrs.gate).toEqual({
      'data-state': 'idle',
      'data-accelerator': null,
      'data-median-ms': null,
      'data-first-ms': null,
      'data-runs': '0',
      'data-load-ms': null,
      'data-fallback': null,
      'data-fully-accelerated': null,
    });
    expect(view.attrs['gate-button']).toEqual({ hidden: null, disabled: null });
    expect(view.text).toEqual({ 'gate-text': GATE_IDLE_TEXT, 'gate-live': '' });
  });

  it('while loading: the button disabled', () => {
    expect(gateView(withModel({ status: 'loading' })).attrs['gate-button']).toEqual({ hidden: null, disabled: '' });
  });

  it('once ready: the accelerator, the timings and the fallback on the gate, the button hidden', () => {
    const view = gateView(
      withModel(ready({ accelerator: 'wasm', fallback: 'WebGPU: no adapter', fullyAccelerated: false }), {
        times: { runs: 4, medianMs: 52.46, firstMs: 140 },
      }),
    );
    expect(view.attrs.gate).toEqual({
      'data-state': 'ready',
      'data-accelerator': 'wasm',
      'data-median-ms': '52.5',
      'data-first-ms': '140.0',
      'data-runs': '4',
      'data-load-ms': '1234',
      'data-fallback': 'WebGPU: no adapter',
      'data-fully-accelerated': 'false',
    });
    expect(view.attrs['gate-button']).toEqual({ hidden: '', disabled: null });
  });
});

describe('mergeViews(...views)', () => {
  it("merges each role's attributes, the later winning, and every text", () => {
    expect(
      mergeViews(
        { attrs: { a: { x: '1', y: '1' }, b: { z: '1' } }, text: { t: 'first', u: 'kept' } },
        { attrs: { a: { y: '2' } }, text: { t: 'second' } },
      ),
    ).toEqual({ attrs: { a: { x: '1', y: '2' }, b: { z: '1' } }, text: { t: 'second', u: 'kept' } });
  });
});

/** Two figures' gates on one page; the context of the second. */
function twoGates() {
  const doc = pageWith(`
    <div id="a"><p data-role="gate-live" aria-live="polite"></p><button data-role="gate-button"></button></div>
    <div id="b"><p data-role="gate-live" aria-live="polite"></p><button data-role="gate-button"></button></div>`);
  vi.stubGlobal('document', doc);
  const root = doc.getElementById('b')!;
  const figure = {
    root,
    part: (selector: string) => part(root, selector, 'test'),
    listen: (target: EventTarget, type: string, listener: EventListener) => target.addEventListener(type, listener),
  } as unknown as FigureContext<object, unknown, undefined>;
  return { doc, root, figure };
}

describe('bindGate(figure, options)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  it('connects to the session, and on a press asks for the model with only this live region speaking', () => {
    const { doc, root, figure } = twoGates();
    const disconnect = bindGate(figure, { sweep: true });
    expect(session.connect).toHaveBeenCalledWith({ sweep: true });
    fire(root.querySelector('button')!, 'click');
    expect(session.request).toHaveBeenCalledTimes(1);
    const live = [...doc.querySelectorAll('[data-role="gate-live"]')].map((r) => r.getAttribute('aria-live'));
    expect(live).toEqual(['off', 'polite']);
    disconnect();
    expect(session.disconnect).toHaveBeenCalledTimes(1);
  });
});

describe('defineGatedSpec(spec, options)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.clearAllMocks();
  });

  const params = { joint: numberParam({ default: 0, min: 0, max: 38, integer: true }) };

  it("reads the model session, and merges the figure's view with the gate's", () => {
    const spec = defineGatedSpec({
      name: 'gated',
      params,
      build: (_s, _p, s) => ({ session: s }),
      view: () => ({ attrs: { gate: { 'data-own': '1' } }, text: { own: 'mine' } }),
    });
    expect(spec.source).toBe(session.source);
    const view = spec.view!({ session: INITIAL_SESSION }, { joint: 0 });
    expect(view.text).toEqual({ own: 'mine', 'gate-text': GATE_IDLE_TEXT, 'gate-live': '' });
    expect(view.attrs.gate).toMatchObject({ 'data-own': '1', 'data-state': 'idle' });
  });

  it("gives a figure without a view of its own the gate's", () => {
    const spec = defineGatedSpec({ name: 'gated', params, build: (_s, _p, s) => ({ session: s }) });
    expect(spec.view!({ session: INITIAL_SESSION }, { joint: 0 })).toEqual(gateView(INITIAL_SESSION));
  });

  it("binds the gate before the figure's own setup, and tears down in reverse", () => {
    const order: string[] = [];
    session.connect.mockImplementation(() => order.push('connect'));
    session.disconnect.mockImplementation(() => order.push('disconnect'));
    const spec = defineGatedSpec(
      {
        name: 'gated',
        params,
        build: (_s, _p, s) => ({ session: s }),
        setup: () => {
          order.push('setup');
          return () => order.push('teardown');
        },
      },
      { sweep: true },
    );
    const { figure } = twoGates();
    const cleanup = spec.setup!(figure as never);
    expect(session.connect).toHaveBeenCalledWith({ sweep: true });
    (cleanup as () => void)();
    expect(order).toEqual(['connect', 'setup', 'teardown', 'disconnect']);
  });
});
