/** Chapter 5, figure 2, interactive half. */
import { buildDsntFigure } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { symmetricDomain } from '../../ui/colormap.ts';
import { fmt } from '../../ui/format.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { mountMapPanel } from '../../ui/map-panel.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { dsntInput, dsntSchema } from './state.ts';
import { dsntGradientView } from './view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'dsnt', dsntSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const grad = mountMapPanel(root, 'grad');
  const zero = mountMapPanel(root, 'zero');
  const control = attachKeypointControl({
    handle: root.querySelector('[data-role="target"]') as SVGGElement,
    surface: root.querySelector('[data-role="grad-surface"]') as SVGSVGElement,
    bounds: { minX: 0, maxX: 15, minY: 0, maxY: 15 },
    get: () => ({ x: store.get().tx, y: store.get().ty }),
    set: (p) => store.set({ tx: p.x, ty: p.y }),
    describe: (p) => `x ${p.x.toFixed(1)}, y ${p.y.toFixed(1)} cells`,
  });
  const stop = renderOnFrame(store, (s) => {
    const d = buildDsntFigure(dsntInput(s));
    apply(dsntGradientView(d, s));
    grad.draw(d.descent, d.w, d.h, symmetricDomain(d.descent));
    zero.draw(new Float64Array(d.w * d.h), d.w, d.h, [-1, 1]);
    control.refresh();
    announce(`Target at ${fmt(s.tx, 1)}, ${fmt(s.ty, 1)} cells; Euclidean loss ${fmt(d.loss, 3)} in normalised units.`);
  });
  return () => {
    stop();
    control.detach();
    grad.destroy();
    zero.destroy();
  };
}
