/** The error-distributions figure's interactive half: switches the target kind. */
import type { ErrorDistributions, TargetKind } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { keypointSchema } from '../shared/keypoint-state.ts';
import { errorDistributionsChart } from './chart.ts';

export function mount(root: HTMLElement): () => void {
  const json = root.querySelector('[data-role="data"]')?.textContent ?? '{}';
  const data = JSON.parse(json) as Record<TargetKind, ErrorDistributions>;
  const store = chapterStore(root.dataset.store ?? 'grid', keypointSchema);
  const unbind = bindControls(root, store);
  const unmount = mountChart(root, {
    store,
    dataKey: (s) => s.target,
    build: (s) => data[s.target],
    draw: (d, _s, width) => errorDistributionsChart(d, { width }),
    announce: (d) => {
      const at4 = d.byStride.filter((r) => r.stride === 4);
      return `${d.target === 'biased' ? 'Biased' : 'Unbiased'} targets, stride 4: mean error ${at4.map((r) => `${decoderStyle(r.decoder).short} ${fmt(r.euclidean.mean)} pixels`).join(', ')}.`;
    },
  });
  return () => {
    unbind();
    unmount();
  };
}
