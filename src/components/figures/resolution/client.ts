/** The resolution figure's interactive half: switches the sweep's target kind. */
import type { ResolutionSweep, TargetKind } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { bindControls } from '../../ui/controls.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { darkStepperSchema } from '../dark-stepper/state.ts';
import { resolutionChart } from './chart.ts';

export function mount(root: HTMLElement): () => void {
  const data = JSON.parse(root.querySelector('[data-role="data"]')?.textContent ?? '{}') as Record<
    TargetKind,
    ResolutionSweep
  >;
  const store = chapterStore(root.dataset.store ?? 'dark', darkStepperSchema);
  const unbind = bindControls(root, store);
  const unmount = mountChart(root, {
    store,
    dataKey: (s) => s.sweep,
    build: (s) => data[s.sweep],
    draw: (d, _s, width) => resolutionChart(d, { width }),
    announce: (d) => {
      const gain = (input: string) => {
        const at = (id: string) => d.rows.find((r) => r.input === input && r.decoder === id)?.error.mean ?? Number.NaN;
        return at('argmax') - at('dark');
      };
      return `${d.target === 'biased' ? 'Biased' : 'Unbiased'} targets: DARK gains ${fmt(gain('256×192'))}, ${fmt(gain('128×96'))} and ${fmt(gain('64×48'))} pixels over argmax at 256×192, 128×96 and 64×48.`;
    },
  });
  return () => {
    unbind();
    unmount();
  };
}
