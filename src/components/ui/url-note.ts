/**
 * Tells the reader, in the figure, which values of the link it could not use, in its note
 * (`FigureStatus`, which every `FigureRoot` carries); a root without one gets one.
 */
import type { Store } from './store.ts';

export function showRejected(root: HTMLElement, store: Store<unknown>): void {
  if (store.rejected.length === 0) return;
  let note = root.querySelector<HTMLElement>('[data-role="url-note"]');
  if (!note) {
    note = document.createElement('p');
    note.className = 'fig-note';
    note.dataset.role = 'url-note';
    note.setAttribute('role', 'status');
    root.append(note);
  }
  note.textContent = `The link's value for ${store.rejected.join(', ')} was not valid here and was reset to the default.`;
  note.hidden = false;
}
