/** The DARK stepper's interactive half. */
import { buildDarkSteps, DARK_SETTING, DARK_STEPS, TERM_STENCIL, type DarkStepsData } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { createHeatmapView } from '../../ui/heatmap-view.ts';
import { motionAllowed, onMotionChange } from '../../ui/motion.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { darkStepperSchema, darkStepsInput } from './state.ts';
import { darkAnnouncement, darkStepperView, stepMap } from './view.ts';

const PLAY_INTERVAL_MS = 2200;

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'dark', darkStepperSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const canvas = root.querySelector<HTMLCanvasElement>('.heatmap-canvas') as HTMLCanvasElement;
  const heatmap = createHeatmapView({ canvas, readout: root.querySelector('[data-role="readout"]') as HTMLElement });
  const stepButtons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-step-index]'));
  const play = root.querySelector<HTMLButtonElement>('[data-nav="play"]') as HTMLButtonElement;
  const last = DARK_STEPS.length - 1;

  let cached: { key: string; data: DarkStepsData } | undefined;
  let frame = 0;
  const render = (): void => {
    frame = 0;
    const s = store.get();
    const key = `${s.noise}|${s.peak}|${s.sigma}|${s.kernel}|${s.target}|${s.seed}`;
    if (!cached || cached.key !== key) {
      const data = buildDarkSteps(darkStepsInput(s));
      cached = { key, data };
    }
    const view = darkStepperView(cached.data, s.step, Number(s.kernel));
    root.dataset.step = view.attrs.root?.['data-step'] ?? 'argmax';
    apply(view);
    const shown = stepMap(cached.data, DARK_STEPS[s.step] ?? 'argmax');
    heatmap.draw(shown.values, DARK_SETTING.w, DARK_SETTING.h, shown.domain);
    stepButtons.forEach((b, i) =>
      i === s.step ? b.setAttribute('aria-current', 'step') : b.removeAttribute('aria-current'),
    );
    announce(darkAnnouncement(cached.data, s.step, Number(s.kernel)));
  };
  const unsubscribe = store.subscribe(() => {
    if (!frame) frame = requestAnimationFrame(render);
  });
  const unbind = bindControls(root, store);

  // Stepping: buttons for every step, previous / next, play (which honours the global pause).
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = 'Play';
  };
  const goTo = (step: number): void => store.set({ step: Math.min(last, Math.max(0, step)) });
  const onClick = (event: Event): void => {
    const target = (event.target as HTMLElement).closest('button');
    if (!target) return;
    if (target.dataset.stepIndex !== undefined) {
      stop();
      goTo(Number(target.dataset.stepIndex));
    }
    const nav = target.dataset.nav;
    if (nav === 'prev' || nav === 'next') {
      stop();
      goTo(store.get().step + (nav === 'next' ? 1 : -1));
    } else if (nav === 'reseed') {
      store.set({ seed: (store.get().seed % 9999) + 1 });
    } else if (nav === 'play') {
      if (timer !== undefined) return stop();
      if (!motionAllowed()) {
        play.textContent = 'Play (animations paused)';
        return;
      }
      if (store.get().step === last) goTo(0);
      play.setAttribute('aria-pressed', 'true');
      play.textContent = 'Pause';
      timer = setInterval(() => {
        if (!motionAllowed() || store.get().step >= last) return stop();
        goTo(store.get().step + 1);
      }, PLAY_INTERVAL_MS);
    }
  };
  root.addEventListener('click', onClick);
  const stopOnPause = onMotionChange((allowed) => {
    if (!allowed) stop();
  });

  // Linking the Taylor terms and the stencil cells, both ways.
  const light = (terms: string[]): void => {
    const keys = new Set<string>(terms.flatMap((t) => TERM_STENCIL[t as keyof typeof TERM_STENCIL] ?? []));
    root
      .querySelectorAll<Element>('[data-term]')
      .forEach((el) => el.classList.toggle('lit', terms.includes(el.getAttribute('data-term') ?? '')));
    root
      .querySelectorAll<HTMLElement | SVGElement>('[data-key]')
      .forEach((el) => el.classList.toggle('lit', keys.has(el.dataset.key ?? '')));
  };
  const onOver = (event: Event): void => {
    const el = event.target as Element;
    const term = el.closest('[data-term]')?.getAttribute('data-term');
    if (term) return light([term]);
    const stencil = el.closest<HTMLElement | SVGElement>('[data-key]');
    if (stencil) light((stencil.dataset.terms ?? '').split(' ').filter(Boolean));
  };
  const onOut = (): void => light([]);
  root.addEventListener('pointerover', onOver);
  root.addEventListener('focusin', onOver);
  root.addEventListener('pointerout', onOut);
  root.addEventListener('focusout', onOut);

  canvas.hidden = false;
  root.querySelector<HTMLImageElement>('.heatmap-image')?.setAttribute('hidden', '');
  showRejected(root, store);
  render();

  return () => {
    stop();
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
    unbind();
    stopOnPause();
    heatmap.destroy();
    root.removeEventListener('click', onClick);
    root.removeEventListener('pointerover', onOver);
    root.removeEventListener('focusin', onOver);
    root.removeEventListener('pointerout', onOut);
    root.removeEventListener('focusout', onOut);
  };
}
