/** The pixel-grid figure's interactive half, loaded when the figure nears the viewport. */
import { buildPixelGrid, CROP_GEOMETRY } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { createHeatmapView } from '../../ui/heatmap-view.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { keypointSchema } from '../shared/keypoint-state.ts';
import { describeKeypoint, pixelGridAnnouncement, pixelGridView } from './view.ts';

function part<T extends Element>(root: HTMLElement, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`pixel-grid figure: missing ${selector}`);
  return el;
}

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'grid', keypointSchema);
  const { heatmapW: w, heatmapH: h } = CROP_GEOMETRY;
  const apply = createViewApplier(root);
  const announce = createAnnouncer(part(root, '[data-role="announce"]'));
  const canvas = part<HTMLCanvasElement>(root, '.heatmap-canvas');
  const heatmap = createHeatmapView({ canvas, readout: part(root, '[data-role="readout"]') });
  const buffer = new Float32Array(w * h);

  const control = attachKeypointControl({
    handle: part<SVGGElement>(root, '[data-role="handle"]'),
    surface: part<SVGSVGElement>(root, '[data-role="surface"]'),
    bounds: { minX: 0, maxX: CROP_GEOMETRY.inputW - 0.1, minY: 0, maxY: CROP_GEOMETRY.inputH - 0.1 },
    get: () => ({ x: store.get().x, y: store.get().y }),
    set: (p) => store.set({ x: p.x, y: p.y }),
    describe: describeKeypoint,
  });

  let frame = 0;
  const render = (): void => {
    frame = 0;
    const s = store.get();
    const data = buildPixelGrid({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }, buffer);
    apply(pixelGridView(data));
    heatmap.draw(data.target, w, h, [0, 1]);
    control.refresh();
    announce(pixelGridAnnouncement(data));
  };
  // One render per animation frame, however many events arrive in it.
  const unsubscribe = store.subscribe(() => {
    if (!frame) frame = requestAnimationFrame(render);
  });
  const unbind = bindControls(root, store);

  canvas.hidden = false;
  part<HTMLImageElement>(root, '.heatmap-image').hidden = true;
  showRejected(root, store);
  render();

  return () => {
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
    unbind();
    control.detach();
    heatmap.destroy();
  };
}
