/**
 * Binds a figure's sliders and segmented controls (rendered by Slider.astro and
 * Segmented.astro) to its store, both ways: input → store, store → input.
 */
import type { Store } from './store.ts';

export function bindControls<S extends Record<string, unknown>>(root: HTMLElement, store: Store<S>): () => void {
  const cleanups: (() => void)[] = [];
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="range"][data-param]')) {
    const key = input.dataset.param as keyof S & string;
    const output = root.querySelector<HTMLOutputElement>(`[data-param-output="${key}"]`);
    const digits = Number(input.dataset.digits ?? 1);
    const onInput = (): void => store.set({ [key]: Number(input.value) } as Partial<S>);
    input.addEventListener('input', onInput);
    cleanups.push(() => input.removeEventListener('input', onInput));
    cleanups.push(
      store.subscribe((state) => {
        const v = state[key] as number;
        if (Number(input.value) !== v) input.value = String(v);
        if (output) output.textContent = v.toFixed(digits);
      }),
    );
  }
  for (const group of root.querySelectorAll<HTMLFieldSetElement>('fieldset[data-param-group]')) {
    const key = group.dataset.paramGroup as keyof S & string;
    const onChange = (event: Event): void => {
      const target = event.target as HTMLInputElement;
      if (target.checked) store.set({ [key]: target.value } as Partial<S>);
    };
    group.addEventListener('change', onChange);
    cleanups.push(() => group.removeEventListener('change', onChange));
    cleanups.push(
      store.subscribe((state) => {
        for (const radio of group.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
          radio.checked = radio.value === state[key];
      }),
    );
  }
  return () => cleanups.forEach((c) => c());
}
