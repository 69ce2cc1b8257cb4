/**
 * Figure 4.1: DARK decodes one noisy, two-peaked heatmap in eight steps, from argmax to
 * resolution recovery, with the Taylor formula's terms linked to the cells they read.
 */
import { buildDarkSteps, DARK_SETTING, DARK_STEPS, TERM_STENCIL, windowAround } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { motionAllowed, onMotionChange } from '../../ui/motion.ts';
import { pick } from '../../ui/params.ts';
import { choose, reseed } from '../../ui/actions.ts';
import { ch4, darkStepsInput, type Ch4State } from '../../state/ch4.ts';
import { darkAnnouncement, darkStepperView, stepMap } from './view.ts';

const PLAY_INTERVAL_MS = 2200;
/** Steps are numbered from 1, in the URL as on screen. */
const LAST = DARK_STEPS.length;
/** Cells on each side of m in the close-up. */
export const ZOOM_RADIUS = 1;
const toStep = (step: number) => ({ step: Math.min(LAST, Math.max(1, step)) });
const shownMap = (d: ReturnType<typeof buildDarkSteps>, step: number) => stepMap(d, DARK_STEPS[step - 1] ?? 'argmax');

const params = pick(ch4, 'step', 'noise', 'peak', 'sigma', 'kernel', 'target', 'seed');
type State = Pick<Ch4State, keyof typeof params>;

/** The decoding depends on everything but the step shown: stepping recomputes nothing. */
const stepsOf = memoOn(['noise', 'peak', 'sigma', 'kernel', 'target', 'seed'], (s: State) =>
  buildDarkSteps(darkStepsInput(s)),
);

export default defineSpec({
  name: 'dark-stepper',
  params,
  build: stepsOf,
  view: (d, s) => darkStepperView(d, s.step - 1, Number(s.kernel), ZOOM_RADIUS),
  maps: {
    heatmap: {
      draw: (d, s) => {
        const shown = shownMap(d, s.step);
        return { values: shown.values, w: DARK_SETTING.w, h: DARK_SETTING.h, domain: shown.domain };
      },
    },
    // The marks near m lie within a cell of each other: a close-up on the same colour scale.
    zoom: {
      draw: (d, s) => {
        const shown = shownMap(d, s.step);
        const map = { data: shown.values, w: DARK_SETTING.w, h: DARK_SETTING.h };
        const win = windowAround(map, d.trace.argmax, ZOOM_RADIUS);
        return { values: win.values, w: win.size, h: win.size, domain: shown.domain };
      },
    },
  },
  announce: (d, s) => darkAnnouncement(d, s.step - 1, Number(s.kernel)),
  actions: {
    prev: (s) => toStep(s.step - 1),
    next: (s) => toStep(s.step + 1),
    // A step's button: `data-value` is its number, 1 to 8.
    step: choose('step'),
    reseed: reseed('seed'),
  },
  setup({ root, store, part, listen }) {
    const play = part<HTMLButtonElement>('[data-action="play"]');
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = (): void => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      play.setAttribute('aria-pressed', 'false');
      play.textContent = 'Play';
    };
    const goTo = (step: number): void => store.set(toStep(step));
    // Playing steps through on a timer, and honours reduced motion and the global pause.
    const toggle = (): void => {
      if (timer !== undefined) return stop();
      if (!motionAllowed()) {
        play.textContent = 'Play (animations paused)';
        return;
      }
      if (store.get().step === LAST) goTo(1);
      play.setAttribute('aria-pressed', 'true');
      play.textContent = 'Pause';
      timer = setInterval(() => {
        if (!motionAllowed() || store.get().step >= LAST) return stop();
        goTo(store.get().step + 1);
      }, PLAY_INTERVAL_MS);
    };
    // Play is the one button that is not an action; moving by hand stops it.
    listen(root, 'click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'play') toggle();
      else if (action === 'prev' || action === 'next' || action === 'step') stop();
    });
    const stopOnPause = onMotionChange((allowed) => allowed || stop());

    // The Taylor terms and the stencil cells they read light each other up.
    const light = (terms: string[]): void => {
      const keys = new Set<string>(terms.flatMap((t) => TERM_STENCIL[t as keyof typeof TERM_STENCIL] ?? []));
      for (const el of root.querySelectorAll('[data-term]'))
        el.classList.toggle('lit', terms.includes(el.getAttribute('data-term') ?? ''));
      for (const el of root.querySelectorAll<HTMLElement | SVGElement>('[data-key]'))
        el.classList.toggle('lit', keys.has(el.dataset.key ?? ''));
    };
    const over = (event: Event): void => {
      const el = event.target as Element;
      const term = el.closest('[data-term]')?.getAttribute('data-term');
      if (term) return light([term]);
      const cell = el.closest<HTMLElement | SVGElement>('[data-key]');
      if (cell) light((cell.dataset.terms ?? '').split(' ').filter(Boolean));
    };
    listen(root, 'pointerover', over);
    listen(root, 'focusin', over);
    listen(root, 'pointerout', () => light([]));
    listen(root, 'focusout', () => light([]));
    return () => {
      stop();
      stopOnPause();
    };
  },
});
