/** The offset-curve figure's interactive half. */
import { buildOffsetCurve } from '../../../lib/index.ts';
import { mountChart } from '../../ui/chart-figure.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt } from '../../ui/format.ts';
import { chapterStore } from '../../ui/store.ts';
import { keypointSchema } from '../shared/keypoint-state.ts';
import { offsetCurveChart } from './chart.ts';

export function mount(root: HTMLElement): () => void {
  return mountChart(root, {
    store: chapterStore(root.dataset.store ?? 'grid', keypointSchema),
    dataKey: (s) => `${s.x}|${s.y}|${s.sigma}|${s.target}`,
    build: (s) => buildOffsetCurve({ keypoint: { x: s.x, y: s.y }, sigma: s.sigma, target: s.target }),
    draw: (data, _s, width) => offsetCurveChart(data, { width }),
    announce: (data) =>
      `Across the cell: ${Object.entries(data.current.errors)
        .map(([id, e]) => `${decoderStyle(id as Parameters<typeof decoderStyle>[0]).short} ${fmt(e)} pixels`)
        .join(', ')} at the keypoint.`,
  });
}
