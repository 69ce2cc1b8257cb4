/** Figure 7.1, the three routes to multi-person pose: interactive half. */
import { buildRoutes, type RoutesData } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { dekrSchema, ROUTES_SCENE } from './state.ts';
import { routesAnnouncement, routesView } from './routes-view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch7', dekrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  let cached: { key: string; data: RoutesData } | undefined;
  const stop = renderOnFrame(store, (s) => {
    const key = `${s.people}|${s.scene}`;
    if (cached?.key !== key) {
      cached = { key, data: buildRoutes({ w: ROUTES_SCENE.w, h: ROUTES_SCENE.h, count: s.people, seed: s.scene }) };
    }
    root.dataset.route = s.route;
    apply(routesView(cached.data, s.route));
    announce(routesAnnouncement(cached.data, s.route));
  });
  const onClick = (event: Event): void => {
    if ((event.target as HTMLElement).closest('[data-nav="rescene"]'))
      store.set({ scene: (store.get().scene % 9999) + 1 });
  };
  root.addEventListener('click', onClick);
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    root.removeEventListener('click', onClick);
  };
}
