/** Chapter 5, figure 4, interactive half. */
import { softArgmaxBias } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { biasChart } from './charts.ts';
import { dsntSchema } from './state.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'dsnt', dsntSchema);
  const unbind = bindControls(root, store);
  const unmount = mountChart(root, {
    store,
    dataKey: (s) => `${s.beta}|${s.a1}`,
    build: (s) => softArgmaxBias({ beta: s.beta, amplitude: s.a1 }),
    viewKey: (s) => String(s.x1),
    draw: (rows, s, width) => biasChart(rows, s.x1, { width }),
    announce: (rows, s) =>
      `At β ${fmt(s.beta, 1)}, the expectation errs by up to ${fmt(Math.max(...rows.map((r) => r.plain)))} cells near the border; debiased, up to ${fmt(Math.max(...rows.map((r) => r.debiased)))}.`,
  });
  return () => {
    unbind();
    unmount();
  };
}
