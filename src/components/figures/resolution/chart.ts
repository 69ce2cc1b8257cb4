/** DARK's gain against input resolution (chapter 4), drawn by Observable Plot. */
import * as Plot from '@observablehq/plot';
import type { ChartFrame } from '../../ui/parts.ts';
import { plotChart } from '../../ui/plot.ts';
import type { DecoderId, ResolutionSweep } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt } from '../../ui/format.ts';

export const CHART_HEIGHT = 280;

export function resolutionChart(d: ResolutionSweep, frame: ChartFrame): Element {
  const decoders = [...new Set(d.rows.map((r) => r.decoder))] as DecoderId[];
  const rows = d.rows.map((r) => ({
    input: r.input,
    decoder: r.decoder,
    mean: r.error.mean,
    label: fmt(r.error.mean, 2),
  }));
  return plotChart(frame, {
    height: CHART_HEIGHT,
    marginLeft: 44,
    marginBottom: 36,
    ariaLabel: 'Mean error against input resolution',
    ariaDescription: `Mean error in pixels of the 256×192 frame, ${d.target} targets, ${d.samples} keypoints per resolution: ${[
      ...new Set(rows.map((r) => r.input)),
    ]
      .map(
        (input) =>
          `${input}: ${rows
            .filter((r) => r.input === input)
            .map((r) => `${decoderStyle(r.decoder).short} ${r.label}`)
            .join(', ')}`,
      )
      .join('; ')}.`,
    fx: { label: 'Input resolution (heatmap at stride 4) →', domain: [...new Set(rows.map((r) => r.input))] },
    x: { domain: decoders, axis: null, padding: 0.15 },
    y: { label: '↑ Mean error (px of the 256×192 frame)', grid: true, zero: true },
    marks: [
      ...decoders.map((decoder) => {
        const style = decoderStyle(decoder);
        const mine = rows.filter((r) => r.decoder === decoder);
        return Plot.marks(
          Plot.barY(mine, {
            fx: 'input',
            x: 'decoder',
            y: 'mean',
            fill: 'currentColor',
            fillOpacity: 0.85,
            className: style.className,
            ariaHidden: 'true',
          }),
          Plot.text(mine, {
            fx: 'input',
            x: 'decoder',
            y: 'mean',
            text: 'label',
            dy: -7,
            className: 'bar-label',
            ariaHidden: 'true',
          }),
        );
      }),
      Plot.ruleY([0], { ariaHidden: 'true' }),
    ],
  });
}
