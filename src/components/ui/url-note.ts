/**
 * Tells the reader, in the figure, which values of the link it could not use. A figure
 * without a note of its own (a chart alone on an embed page, say) gets one.
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
