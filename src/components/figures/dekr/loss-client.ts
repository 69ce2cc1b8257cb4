/** Figure 7.5, the size-normalised offset loss: interactive half. */
import { createAnnouncer } from '../../ui/announce.ts';
import { createViewApplier } from '../../ui/apply-view.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { renderOnFrame } from '../../ui/render-loop.ts';
import { chapterStore } from '../../ui/store.ts';
import { showRejected } from '../../ui/url-note.ts';
import { lossAnnouncement, lossChart, lossData, lossView } from './loss-view.ts';
import { dekrSchema } from './state.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'ch7', dekrSchema);
  const apply = createViewApplier(root);
  const announce = createAnnouncer(root.querySelector('[data-role="announce"]') as HTMLElement);
  const stop = renderOnFrame(store, (s) => {
    const d = lossData(s);
    apply(lossView(d, s.err));
    announce(lossAnnouncement(d, s.err));
  });
  const unmount = mountChart(root, {
    store,
    dataKey: (s) => `${s.small}|${s.large}|${s.err}`,
    build: lossData,
    draw: (d, _s, width) => lossChart(d, { width }),
  });
  const unbind = bindControls(root, store);
  showRejected(root, store);
  return () => {
    stop();
    unmount();
    unbind();
  };
}
