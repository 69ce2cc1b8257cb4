/** Tells the reader, in the figure, which values of the link it could not use. */
import type { Store } from './store.ts';

export function showRejected(root: HTMLElement, store: Store<unknown>): void {
  const note = root.querySelector<HTMLElement>('[data-role="url-note"]');
  if (!note || store.rejected.length === 0) return;
  note.textContent = `The link's value for ${store.rejected.join(', ')} was not valid here and was reset to the default.`;
  note.hidden = false;
}
