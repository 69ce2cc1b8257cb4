/**
 * Binds a figure's controls to its store, both ways (input → store, store → input): sliders,
 * segmented controls and selects (Slider.astro, Segmented.astro, Select.astro), number fields
 * and text fields (NumberField.astro, TextField.astro) and checkboxes, each naming its parameter
 * with `data-param` (a nested figure's controls are its own). A select's option values are strings; for a numeric parameter they are read
 * as numbers. A field the reader is typing in is left alone until they leave it.
 */
import { ownAll } from './owned.ts';
import type { Param } from './params.ts';
import type { Store } from './store.ts';

type AnySchema = Readonly<Record<string, Param<unknown>>>;

export function bindControls<S>(root: HTMLElement, store: Store<S>, schema: AnySchema = {}): () => void {
  const cleanups: (() => void)[] = [];
  const set = (key: string, value: unknown): void => store.set({ [key]: value } as Partial<S>);
  const read = (key: string): unknown => (store.get() as Record<string, unknown>)[key];
  /** Calls `listener` on `type` events of `target`, and `follow` on every state, until unbound. */
  const bind = (target: EventTarget, type: string, listener: () => void, follow: (s: Readonly<S>) => void): void => {
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener), store.subscribe(follow));
  };

  for (const input of ownAll<HTMLInputElement>(root, 'input[type="range"][data-param]')) {
    const key = input.dataset.param ?? '';
    const output = root.querySelector<HTMLOutputElement>(`[data-param-output="${key}"]`);
    const digits = Number(input.dataset.digits ?? 1);
    bind(
      input,
      'input',
      () => set(key, Number(input.value)),
      () => {
        const v = read(key) as number;
        if (Number(input.value) !== v) input.value = String(v);
        if (output) output.textContent = v.toFixed(digits);
      },
    );
  }
  for (const group of ownAll<HTMLFieldSetElement>(root, 'fieldset[data-param-group]')) {
    const key = group.dataset.paramGroup ?? '';
    const radios = () => group.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const onChange = (): void => {
      const checked = [...radios()].find((r) => r.checked);
      if (checked) set(key, checked.value);
    };
    bind(group, 'change', onChange, (s) => {
      for (const radio of radios()) radio.checked = radio.value === (s as Record<string, unknown>)[key];
    });
  }
  for (const select of ownAll<HTMLSelectElement>(root, 'select[data-param]')) {
    const key = select.dataset.param ?? '';
    const onChange = (): void => set(key, typeof read(key) === 'number' ? Number(select.value) : select.value);
    bind(select, 'change', onChange, () => {
      const value = String(read(key));
      if (select.value !== value) select.value = value;
    });
  }
  for (const box of ownAll<HTMLInputElement>(root, 'input[type="checkbox"][data-param]')) {
    const key = box.dataset.param ?? '';
    // In a group that keeps one box on, the last box on stays on.
    const group = box.closest('[data-keep-one]');
    const onChange = (): void => {
      const others = group ? [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')] : [];
      if (!box.checked && group && others.every((b) => !b.checked)) box.checked = true;
      else set(key, box.checked);
    };
    bind(box, 'change', onChange, () => (box.checked = read(key) === true));
  }
  for (const field of ownAll<HTMLInputElement>(root, 'input[type="number"][data-param]')) {
    const key = field.dataset.param ?? '';
    const onChange = (): void => {
      const value = Number(field.value);
      if (field.value !== '' && Number.isFinite(value)) set(key, value);
      // A refused entry shows the value that stands; the store clamps one out of range.
      field.value = String(read(key));
    };
    bind(field, 'change', onChange, () => {
      if (document.activeElement !== field && Number(field.value) !== read(key)) field.value = String(read(key));
    });
  }
  for (const field of ownAll<HTMLInputElement>(root, 'input[type="text"][data-param]')) {
    const key = field.dataset.param ?? '';
    const param = schema[key];
    const note = root.querySelector<HTMLElement>(`[data-param-note="${key}"]`);
    const onChange = (): void => {
      const value = param?.typed ? param.typed.read(field.value) : field.value;
      const shown = (v: unknown): string => (param ? param.format(v) : String(v));
      if (note)
        note.textContent =
          value === undefined
            ? `“${field.value.slice(0, 40)}” is not ${param?.typed?.expected ?? 'a value this field takes'}; it stays ${shown(read(key)) || 'empty'}.`
            : '';
      if (value !== undefined) set(key, value);
    };
    bind(field, 'change', onChange, () => {
      const text = param ? param.format(read(key)) : String(read(key));
      const typed = param?.typed ? param.typed.read(field.value) : field.value;
      if (document.activeElement !== field && typed !== read(key)) field.value = text;
    });
  }
  return () => cleanups.forEach((c) => c());
}
