/** Chapter 6, figure 3, interactive half. */
import { buildKlCurves } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { klChart } from './charts.ts';
import { LABEL_NAMES, simdrSchema } from './state.ts';

export function mount(root: HTMLElement): () => void {
  const store = chapterStore(root.dataset.store ?? 'simdr', simdrSchema);
  const unbind = bindControls(root, store);
  const unmount = mountChart(root, {
    store,
    dataKey: (s) => `${s.x}|${s.k}|${s.sigma}|${s.eps}|${s.width}`,
    build: (s) => buildKlCurves({ x: s.x, k: Number(s.k), sigma: s.sigma, epsilon: s.eps, width: s.width }),
    viewKey: (s) => String(s.shift),
    draw: (rows, s, width) => klChart(rows, s.shift, { width }),
    announce: (rows, s) => {
      const at = (label: keyof typeof LABEL_NAMES) =>
        rows
          .filter((r) => r.label === label)
          .reduce((a, b) => (Math.abs(b.shift - s.shift) < Math.abs(a.shift - s.shift) ? b : a)).kl;
      return `Shift ${fmt(s.shift)} pixels: KL ${fmt(at('onehot'))} for one-hot, ${fmt(at('smooth'))} smoothed, ${fmt(at('gauss'))} Gaussian.`;
    },
  });
  return () => {
    unbind();
    unmount();
  };
}
