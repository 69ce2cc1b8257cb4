/**
 * A spec's draggable handles on the client: each becomes a keypoint control (mouse, touch,
 * keyboard) that sets the store; a press on a surface several handles share moves the nearest
 * active one.
 */
import { attachKeypointControl } from './keypoint-control.ts';
import { part } from './part.ts';
import type { HandlePart } from './parts.ts';
import type { Store } from './store.ts';

/** Wires `handles` under `root` to `store`; returns the clean-up. */
export function mountHandles<S>(
  root: HTMLElement,
  handles: readonly HandlePart<S>[],
  store: Store<S>,
  figure: string,
): () => void {
  const nearest = (surface: string, p: { x: number; y: number }): HandlePart<S> | undefined => {
    const s = store.get();
    let best: HandlePart<S> | undefined;
    let bestD = Number.POSITIVE_INFINITY;
    for (const h of handles) {
      if (h.surface !== surface || (h.active && !h.active(s))) continue;
      const q = h.get(s);
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d < bestD) [best, bestD] = [h, d];
    }
    return best;
  };
  const controls = handles.map((h) =>
    attachKeypointControl({
      handle: part<SVGGElement>(root, `[data-role="${h.role}"]`, figure),
      surface: part<SVGSVGElement>(root, `[data-role="${h.surface}"]`, figure),
      bounds: h.bounds,
      get: () => h.get(store.get()),
      set: (p) => store.set(h.set(p, store.get())),
      describe: h.describe,
      ...(h.fineStep ? { fineStep: h.fineStep } : {}),
      ...(h.coarseStep ? { coarseStep: h.coarseStep } : {}),
      grab: (p) => nearest(h.surface, p) === h,
    }),
  );
  return () => {
    for (const c of controls) c.detach();
  };
}
