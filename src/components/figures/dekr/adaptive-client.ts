/** Chapter 7's adaptive-convolution figure, interactive half. */
import { buildAdaptiveConv } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { ADAPTIVE_GRID, dekrSchema } from './state.ts';
import { adaptiveAnnouncement, adaptiveView } from './adaptive-view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch7', dekrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const { w, h, pixel } = ADAPTIVE_GRID;
  const control = attachKeypointControl({
    handle: root.querySelector('[data-role="handle"]') as SVGGElement,
    surface: root.querySelector('[data-role="surface"]') as SVGSVGElement,
    bounds: { minX: pixel.x - 3.5, maxX: pixel.x + 3.5, minY: pixel.y - 3.5, maxY: pixel.y + 3.5 },
    get: () => ({ x: pixel.x + store.get().tx, y: pixel.y + store.get().ty }),
    set: (p) => store.set({ tx: Number((p.x - pixel.x).toFixed(3)), ty: Number((p.y - pixel.y).toFixed(3)) }),
    describe: (p) => `t = (${(p.y - pixel.y).toFixed(1)}, ${(p.x - pixel.x).toFixed(1)}) pixels, as (dy, dx)`,
  });
  const stop = renderOnFrame(store, (s) => {
    const d = buildAdaptiveConv({ ...s, translation: [s.ty, s.tx], pixel, w, h });
    apply(adaptiveView(d));
    control.refresh();
    announce(adaptiveAnnouncement(d));
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    control.detach();
  };
}
