/**
 * The Lab's settings controls: the segmented controls through the framework's `bindControls`;
 * the decoder checkboxes, number fields and the flip pairs here, both ways with the store; and
 * the texts that follow the state (which toolkit function each decoder follows, which settings
 * apply to what is loaded) through the framework's view-model applier.
 */
import { createViewApplier } from '../ui/apply-view.ts';
import { bindControls } from '../ui/controls.ts';
import type { Store } from '../ui/store.ts';
import { normalizePairs, type LabDecoderId, type LabState } from './state.ts';
import { settingsView } from './view.ts';

type NumberKey = 'stride' | 'beta' | 'split' | 'sigmaX' | 'sigmaY';

export interface Settings {
  /** What is loaded, for which settings apply. */
  loaded(kind: 'heatmaps' | 'simcc' | undefined, flipped: boolean): void;
  destroy(): void;
}

export function bindSettings(root: HTMLElement, store: Store<LabState>): Settings {
  const apply = createViewApplier(root);
  const checkboxes = Array.from(root.querySelectorAll<HTMLInputElement>('input[data-decoder]'));
  const numbers = Array.from(root.querySelectorAll<HTMLInputElement>('input[data-number]'));
  const pairs = root.querySelector<HTMLInputElement>('input[data-text="pairs"]');
  const pairsNote = root.querySelector<HTMLElement>('[data-role="pairs-note"]');
  let kind: 'heatmaps' | 'simcc' | undefined;
  let flipped = false;
  let frame = 0;

  const draw = (): void => {
    frame = 0;
    const s = store.get();
    for (const box of checkboxes) box.checked = s[box.dataset.decoder as LabDecoderId];
    for (const input of numbers) {
      const key = input.dataset.number as NumberKey;
      if (document.activeElement !== input && Number(input.value) !== s[key]) input.value = String(s[key]);
    }
    if (pairs && document.activeElement !== pairs && normalizePairs(pairs.value) !== s.pairs) pairs.value = s.pairs;
    apply(settingsView(s, kind, flipped));
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const unsubscribe = store.subscribe(schedule);
  const unbind = bindControls(root, store);

  const onChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.dataset.decoder) {
      const id = target.dataset.decoder as LabDecoderId;
      // At least one decoder of the group stays on.
      const group = checkboxes.filter((c) => c.closest('fieldset') === target.closest('fieldset'));
      if (!target.checked && group.every((c) => !c.checked)) {
        target.checked = true;
        return;
      }
      store.set({ [id]: target.checked } as Partial<LabState>);
    } else if (target.dataset.number) {
      const value = Number(target.value);
      if (target.value !== '' && Number.isFinite(value))
        store.set({ [target.dataset.number]: value } as Partial<LabState>);
      else target.value = String(store.get()[target.dataset.number as NumberKey]);
    } else if (target === pairs) {
      const text = normalizePairs(pairs.value);
      if (pairsNote)
        pairsNote.textContent =
          text === undefined
            ? `“${pairs.value.slice(0, 40)}” is not a list of pairs such as 1-2, 3-4; the pairs stay ${store.get().pairs || 'empty'}.`
            : '';
      if (text !== undefined) store.set({ pairs: text });
    }
  };
  root.addEventListener('change', onChange);
  draw();

  return {
    loaded(nextKind, nextFlipped) {
      kind = nextKind;
      flipped = nextFlipped;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      unbind();
      root.removeEventListener('change', onChange);
    },
  };
}
