/**
 * The model's button and status line that every chapter 9 figure carries (`ModelGate.astro`), so
 * that a figure works alone too (an embed): its view from the session, its binding, and
 * `defineGatedSpec`, which gives a figure's spec both.
 */
import type { ViewModel } from '../../ui/apply-view.ts';
import type { FigureContext, FigureSpec } from '../../ui/figure.ts';
import { fmt } from '../../ui/format.ts';
import { ch9Session, connectSession, requestModel, type Ch9Session } from './session.ts';

const ACCELERATOR_NAMES = { webgpu: 'your GPU, through WebGPU', wasm: 'your CPU, through WebAssembly' } as const;

/** The sentence the gate shows before the reader asks for the model. */
export const GATE_IDLE_TEXT =
  'This figure shows the output of BlazePose’s lite model, run in your browser on request: nothing you give it leaves this page. The chapter reads without it.';

/** Which accelerator ran, why not the GPU, and how long a run takes here. */
export function modelStatusText(s: Ch9Session): string {
  const m = s.model;
  switch (m.status) {
    case 'idle':
      return GATE_IDLE_TEXT;
    case 'loading':
      return 'Downloading the runtime and the model from this site, then compiling it…';
    case 'failed':
      return `${m.message} The rest of the chapter works without the model; press the button to try again.`;
    case 'ready': {
      const why = m.fallback
        ? ` (${m.fallback})`
        : m.accelerator === 'webgpu' && !m.fullyAccelerated
          ? ' (part of it on the CPU)'
          : '';
      const t = s.times;
      const speed =
        t.medianMs === null
          ? ''
          : ` ${t.runs} run${t.runs === 1 ? '' : 's'} so far, ${fmt(t.medianMs, 0)} ms each (median).`;
      const doing = s.busy === 'run' ? ' Running…' : s.busy === 'sweep' ? ' Running the shift test…' : '';
      return `BlazePose lite runs on ${ACCELERATOR_NAMES[m.accelerator]}${why}.${speed}${doing}`;
    }
  }
}

/**
 * What a screen reader hears of the model: its state changes only (loading, which accelerator ran,
 * why it failed), not every run's timing, which the visible status line gives.
 */
export function modelAnnouncement(s: Ch9Session): string {
  const m = s.model;
  if (m.status === 'ready') return `The model is loaded and runs on ${ACCELERATOR_NAMES[m.accelerator]}.`;
  return m.status === 'idle' ? '' : modelStatusText({ ...s, busy: null });
}

/** The gate's attributes and texts (roles gate, gate-text, gate-live, gate-button). */
export function gateView(s: Ch9Session): ViewModel {
  const m = s.model;
  const ready = m.status === 'ready';
  return {
    attrs: {
      gate: {
        'data-state': m.status,
        'data-accelerator': ready ? m.accelerator : null,
        'data-median-ms': s.times.medianMs === null ? null : fmt(s.times.medianMs, 1),
        'data-first-ms': s.times.firstMs === null ? null : fmt(s.times.firstMs, 1),
        'data-runs': String(s.times.runs),
        'data-load-ms': ready ? fmt(m.loadMs, 0) : null,
        'data-fallback': ready && m.fallback ? m.fallback : null,
        'data-fully-accelerated': ready ? String(m.fullyAccelerated) : null,
      },
      'gate-button': { hidden: ready ? '' : null, disabled: m.status === 'loading' ? '' : null },
    },
    text: { 'gate-text': modelStatusText(s), 'gate-live': modelAnnouncement(s) },
  };
}

/** Merges view models (later roles' attributes win). */
export function mergeViews(...views: ViewModel[]): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  for (const v of views) {
    for (const [role, a] of Object.entries(v.attrs)) attrs[role] = { ...attrs[role], ...a };
    Object.assign(text, v.text);
  }
  return { attrs, text };
}

/**
 * Wires the gate's button and connects the figure to the session; returns the clean-up. Every
 * figure has a gate, but only the one whose button was pressed speaks: the others' live regions stay
 * off, so a screen reader hears the model's news once.
 */
export function bindGate<S, D, X>(figure: FigureContext<S, D, X>, options: { sweep?: boolean } = {}): () => void {
  const disconnect = connectSession(options);
  const live = figure.part('[data-role="gate-live"]');
  figure.listen(figure.part('[data-role="gate-button"]'), 'click', () => {
    for (const region of document.querySelectorAll('[data-role="gate-live"]')) region.setAttribute('aria-live', 'off');
    live.setAttribute('aria-live', 'polite');
    void requestModel();
  });
  return disconnect;
}

/** What a gated figure's data carries: the session whose model its gate shows. */
export interface GatedData {
  session: Ch9Session;
}

/**
 * Types a chapter 9 figure's spec, gated by the model: it reads the model session (its
 * `source`), its view is merged with the gate's, and the gate's button is bound before the
 * figure's own `setup` runs (`sweep`: the figure asks for the shift test too).
 */
export function defineGatedSpec<S, D extends GatedData, P = undefined, T = unknown>(
  spec: Omit<FigureSpec<S, D, P, Ch9Session, T>, 'source'>,
  options: { sweep?: boolean } = {},
): FigureSpec<S, D, P, Ch9Session, T> {
  const { view, setup } = spec;
  return {
    ...spec,
    source: ch9Session,
    view: (d, s) => mergeViews(view?.(d, s) ?? { attrs: {}, text: {} }, gateView(d.session)),
    setup(figure) {
      const disconnect = bindGate(figure, options);
      const teardown = setup?.(figure);
      return () => {
        teardown?.();
        disconnect();
      };
    },
  };
}
