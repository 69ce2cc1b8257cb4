/** Chapter 5, figure 1, interactive half. */
import { buildDsntFigure } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { mountMapPanel } from '../../ui/map-panel.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { dsntInput, dsntSchema } from './state.ts';
import { dsntMapsAnnouncement, dsntMapsView } from './view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'dsnt', dsntSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const logits = mountMapPanel(root, 'logits');
  const prob = mountMapPanel(root, 'prob');
  const surface = root.querySelector('[data-role="logits-surface"]') as SVGSVGElement;
  const bounds = { minX: 0, maxX: 15, minY: 0, maxY: 15 };
  const describe = (p: { x: number; y: number }) => `x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} cells`;
  const nearer = (p: { x: number; y: number }, first: boolean): boolean => {
    const s = store.get();
    const d1 = Math.hypot(p.x - s.x1, p.y - s.y1);
    const d2 = s.a2 > 0 ? Math.hypot(p.x - s.x2, p.y - s.y2) : Number.POSITIVE_INFINITY;
    return first ? d1 <= d2 : d2 < d1;
  };
  const controls = [
    attachKeypointControl({
      handle: root.querySelector('[data-role="h1"]') as SVGGElement,
      surface,
      bounds,
      get: () => ({ x: store.get().x1, y: store.get().y1 }),
      set: (p) => store.set({ x1: p.x, y1: p.y }),
      describe,
      grab: (p) => nearer(p, true),
    }),
    attachKeypointControl({
      handle: root.querySelector('[data-role="h2"]') as SVGGElement,
      surface,
      bounds,
      get: () => ({ x: store.get().x2, y: store.get().y2 }),
      set: (p) => store.set({ x2: p.x, y2: p.y }),
      describe,
      grab: (p) => nearer(p, false),
    }),
  ];
  const stop = renderOnFrame(store, (s) => {
    const d = buildDsntFigure(dsntInput(s));
    apply(dsntMapsView(d, s));
    logits.draw(d.logits, d.w, d.h);
    prob.draw(d.p, d.w, d.h);
    controls.forEach((c) => c.refresh());
    announce(dsntMapsAnnouncement(d, s));
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    controls.forEach((c) => c.detach());
    logits.destroy();
    prob.destroy();
  };
}
