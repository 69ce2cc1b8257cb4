/** Figure 7.2, DEKR's bottom-up decoding stage by stage: interactive half. */
import type { BottomUpData } from '../../../lib/index.ts';
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { bindControls } from '../../ui/controls.ts';
import { createHeatmapView } from '../../ui/heatmap-view.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { decodeAnnouncement, decodeData, decodeView, stageMap } from './decode-view.ts';
import { DECODE_GRID, dekrSchema, STAGES } from './state.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch7', dekrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const canvas = root.querySelector<HTMLCanvasElement>('.heatmap-canvas') as HTMLCanvasElement;
  const heatmap = createHeatmapView({ canvas, readout: root.querySelector('[data-role="readout"]') as HTMLElement });
  const prev = root.querySelector<HTMLButtonElement>('[data-nav="prev"]') as HTMLButtonElement;
  const next = root.querySelector<HTMLButtonElement>('[data-nav="next"]') as HTMLButtonElement;

  let cached: { key: string; data: BottomUpData } | undefined;
  const stop = renderOnFrame(store, (s) => {
    const key = `${s.cnoise}|${s.onoise}|${s.seed}`;
    if (cached?.key !== key) cached = { key, data: decodeData(s) };
    root.dataset.stage = s.stage;
    apply(decodeView(cached.data, s));
    heatmap.draw(stageMap(cached.data, s.stage).values, DECODE_GRID.w, DECODE_GRID.h, [0, 1]);
    const at = STAGES.indexOf(s.stage);
    prev.disabled = at === 0;
    next.disabled = at === STAGES.length - 1;
    announce(decodeAnnouncement(cached.data, s));
  });
  const onClick = (event: Event): void => {
    const nav = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]')?.dataset.nav;
    const at = STAGES.indexOf(store.get().stage);
    if (nav === 'prev' || nav === 'next') {
      const step = STAGES[Math.min(STAGES.length - 1, Math.max(0, at + (nav === 'next' ? 1 : -1)))];
      if (step) store.set({ stage: step });
    } else if (nav === 'reseed') {
      store.set({ seed: (store.get().seed % 9999) + 1 });
    }
  };
  root.addEventListener('click', onClick);
  const unbind = bindControls(root, store);
  canvas.hidden = false;
  root.querySelector<HTMLImageElement>('.heatmap-image')?.setAttribute('hidden', '');
  showRejected(root, store);
  return () => {
    stop();
    unbind();
    heatmap.destroy();
    root.removeEventListener('click', onClick);
  };
}
