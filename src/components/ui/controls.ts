/**
 * Binds a figure's sliders, segmented controls and selects (rendered by Slider.astro,
 * Segmented.astro and Select.astro) to its store, both ways: input → store, store → input.
 * A select's option values are strings; for a numeric parameter they are read as numbers.
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
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-param]')) {
    const key = select.dataset.param as keyof S & string;
    const onChange = (): void => {
      const numeric = typeof store.get()[key] === 'number';
      store.set({ [key]: numeric ? Number(select.value) : select.value } as Partial<S>);
    };
    select.addEventListener('change', onChange);
    cleanups.push(() => select.removeEventListener('change', onChange));
    cleanups.push(
      store.subscribe((state) => {
        const value = String(state[key]);
        if (select.value !== value) select.value = value;
      }),
    );
  }
  return () => cleanups.forEach((c) => c());
}
