/** Renders at most once per animation frame whenever the store changes; returns a stop function. */
import type { Store } from './store.ts';

export function renderOnFrame<S>(store: Store<S>, render: (state: Readonly<S>) => void): () => void {
  let frame = 0;
  const unsubscribe = store.subscribe(() => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        render(store.get());
      });
  });
  return () => {
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
  };
}
