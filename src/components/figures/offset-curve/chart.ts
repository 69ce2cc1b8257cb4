/** The error-against-offset chart (chapter 2), drawn by Observable Plot. */
import * as Plot from '@observablehq/plot';
import type { ChartFrame } from '../../ui/parts.ts';
import { plotChart, seriesMark } from '../../ui/plot.ts';
import type { DecoderId, OffsetCurveData } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt } from '../../ui/format.ts';

export const CHART_HEIGHT = 240;

export function offsetCurveChart(data: OffsetCurveData, frame: ChartFrame): Element {
  const decoders = [...new Set(data.series.map((s) => s.decoder))] as DecoderId[];
  const half = data.stride / 2;
  const top = Math.max(half, ...data.series.map((s) => s.error)) * 1.1;
  const current = decoders.map((decoder) => ({
    decoder,
    offset: data.current.offset,
    error: data.current.errors[decoder] as number,
  }));
  return plotChart(frame, {
    height: CHART_HEIGHT,
    ariaLabel: 'Error of each decoder across one heatmap cell',
    ariaDescription: `Error in input pixels against the keypoint's offset from its cell centre. At the reader's keypoint, offset ${fmt(data.current.offset)} px: ${current.map((c) => `${decoderStyle(c.decoder).short} ${fmt(c.error)} px`).join(', ')}.`,
    x: { domain: [-half, half], label: 'Offset from the cell centre along x (input px) →' },
    y: { domain: [0, top], label: '↑ Error (input px)', grid: true, ticks: 5 },
    marks: [
      Plot.ruleY([half], { className: 'bound', strokeDasharray: '4 3', ariaHidden: 'true' }),
      Plot.text([{ x: half, y: half, label: 'λ/2' }], {
        x: 'x',
        y: 'y',
        text: 'label',
        textAnchor: 'end',
        dy: -6,
        className: 'bound-label',
        ariaHidden: 'true',
      }),
      ...decoders.map((decoder) =>
        Plot.line(
          data.series.filter((s) => s.decoder === decoder),
          { x: 'offset', y: 'error', ...seriesMark(decoderStyle(decoder)) },
        ),
      ),
      Plot.ruleX([data.current.offset], { className: 'current-rule', ariaHidden: 'true' }),
      ...current.map((c) =>
        Plot.dot([c], {
          x: 'offset',
          y: 'error',
          r: 4.5,
          fill: 'currentColor',
          className: decoderStyle(c.decoder).className,
          ariaHidden: 'true',
        }),
      ),
    ],
  });
}
