/** The quarter-shift figure's interactive half. */
import { buildQuarterShift, buildQuarterStrips, QUARTER_SETTING, type QuarterStrips } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { symmetricDomain } from '../../ui/colormap.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { createHeatmapView, type HeatmapView } from '../../ui/heatmap-view.ts';
import { attachKeypointControl } from '../../ui/keypoint-control.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { quarterSchema } from './state.ts';
import { describeOffset, quarterAnnouncement, quarterView } from './view.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'quarter', quarterSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const { cell } = QUARTER_SETTING;
  const readout = root.querySelector<HTMLElement>('[data-role="strip-readout"]') as HTMLElement;

  const control = attachKeypointControl({
    handle: root.querySelector('[data-role="handle"]') as SVGGElement,
    surface: root.querySelector('[data-role="surface"]') as SVGSVGElement,
    bounds: { minX: cell.x - 0.49, maxX: cell.x + 0.49, minY: cell.y - 0.49, maxY: cell.y + 0.49 },
    get: () => ({ x: cell.x + store.get().u, y: cell.y + store.get().v }),
    set: (p) => store.set({ u: Number((p.x - cell.x).toFixed(3)), v: Number((p.y - cell.y).toFixed(3)) }),
    describe: describeOffset,
    fineStep: 0.01,
    coarseStep: 0.1,
  });

  let strips: { key: string; data: QuarterStrips } | undefined;
  const views: HeatmapView[] = [];
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-strip]')) {
    const which = canvas.dataset.strip;
    views.push(
      createHeatmapView({
        canvas,
        readout,
        palette: 'diverging',
        describe: (c, gain) => {
          const o = strips?.data.offsets;
          const where = o ? `offset ${fmt(o[c.x] ?? 0)}, ${fmt(o[c.y] ?? 0)}` : '';
          return `${which === 'pa' ? 'Per-axis' : 'Second-maximum'} at ${where}: ${gain >= 0 ? 'gains' : 'loses'} ${fmt(Math.abs(gain))} px`;
        },
        onPick: (c) => {
          const o = strips?.data.offsets;
          if (o) store.set({ u: o[c.x] ?? 0, v: o[c.y] ?? 0 });
        },
      }),
    );
    canvas.hidden = false;
    (canvas.previousElementSibling as HTMLElement | null)?.setAttribute('hidden', '');
  }

  let frame = 0;
  const render = (): void => {
    frame = 0;
    const s = store.get();
    const key = `${s.sigma}|${s.target}`;
    if (!strips || strips.key !== key) {
      strips = { key, data: buildQuarterStrips({ sigma: s.sigma, target: s.target }) };
      const domain = symmetricDomain([...strips.data.perAxisGain, ...strips.data.secondMaxGain]);
      views[0]?.draw(strips.data.perAxisGain, strips.data.steps, strips.data.steps, domain);
      views[1]?.draw(strips.data.secondMaxGain, strips.data.steps, strips.data.steps, domain);
    }
    const data = buildQuarterShift({ offset: { x: s.u, y: s.v }, sigma: s.sigma, target: s.target });
    apply(quarterView(data, strips.data, s));
    control.refresh();
    announce(quarterAnnouncement(data));
  };
  const unsubscribe = store.subscribe(() => {
    if (!frame) frame = requestAnimationFrame(render);
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  render();

  return () => {
    if (frame) cancelAnimationFrame(frame);
    unsubscribe();
    unbind();
    control.detach();
    views.forEach((v) => v.destroy());
  };
}
