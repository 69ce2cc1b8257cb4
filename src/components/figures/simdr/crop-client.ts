/** Chapter 6, figure 1, interactive half. */
import { buildSimdrFigure } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmtPoint } from '../../ui/format.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { simdrSchema } from './state.ts';
import { simdrAnnouncement, simdrView } from './view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'simdr', simdrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const control = attachKeypointControl({
    handle: root.querySelector('[data-role="handle"]') as SVGGElement,
    surface: root.querySelector('[data-role="surface"]') as SVGSVGElement,
    bounds: { minX: 0, maxX: 191.9, minY: 0, maxY: 255.9 },
    get: () => ({ x: store.get().x, y: store.get().y }),
    set: (p) => store.set({ x: p.x, y: p.y }),
    describe: (p) => `${fmtPoint(p, 1)} pixels on the crop`,
  });
  const stop = renderOnFrame(store, (s) => {
    const keypoint = { x: s.x, y: s.y };
    const d = buildSimdrFigure({ keypoint, k: Number(s.k), label: s.label, sigma: s.sigma, epsilon: s.eps });
    apply(simdrView(d, keypoint));
    control.refresh();
    announce(simdrAnnouncement(d, keypoint));
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    control.detach();
  };
}
