/**
 * Error distributions against stride and σ (chapter 2), drawn by Observable Plot as two
 * panels: boxes of the per-axis error at each stride with the [0, λ/2) bound, and the mean
 * error of each decoder against σ.
 */
import * as Plot from '@observablehq/plot';
import { plotChart, seriesMark } from '../../ui/plot.ts';
import type { DecoderId, ErrorDistributions } from '../../../lib/index.ts';
import { decoderStyle } from '../../ui/decoder-style.ts';
import { fmt } from '../../ui/format.ts';

export const PANEL_HEIGHT = 260;

function strideChart(d: ErrorDistributions, width: number, document?: Document): Element {
  const rows = d.byStride.map((r) => ({ ...r, key: `λ = ${r.stride}`, ...r.perAxis }));
  const bounds = [...new Map(d.byStride.map((r) => [r.stride, { key: `λ = ${r.stride}`, bound: r.bound }])).values()];
  const decoders = [...new Set(d.byStride.map((r) => r.decoder))] as DecoderId[];
  const argmax = d.byStride.filter((r) => r.decoder === 'argmax');
  return plotChart(
    { width, document },
    {
      height: PANEL_HEIGHT,
      marginBottom: 40,
      ariaLabel: 'Per-axis error against stride',
      ariaDescription: `Per-axis error in input pixels, ${d.samples} keypoints per stride, ${d.target} targets. Argmax's mean: ${argmax.map((r) => `stride ${r.stride} ${fmt(r.perAxis.mean)} px (bound ${fmt(r.bound, 1)})`).join(', ')}.`,
      fx: { label: null, domain: bounds.map((b) => b.key) },
      x: { domain: decoders, axis: null, padding: 0.25 },
      y: { type: 'sqrt', label: '↑ Per-axis error (input px, √ scale)', grid: true },
      marks: [
        Plot.ruleY(bounds, { fx: 'key', y: 'bound', className: 'bound', strokeDasharray: '4 3', ariaHidden: 'true' }),
        Plot.text(bounds, {
          fx: 'key',
          y: 'bound',
          text: () => 'λ/2',
          frameAnchor: 'right',
          dy: -6,
          className: 'bound-label',
          ariaHidden: 'true',
        }),
        ...decoders.map((decoder) => {
          const cls = decoderStyle(decoder).className;
          const mine = rows.filter((r) => r.decoder === decoder);
          return Plot.marks(
            Plot.ruleX(mine, { fx: 'key', x: 'decoder', y1: 'p5', y2: 'p95', className: cls, ariaHidden: 'true' }),
            Plot.barY(mine, {
              fx: 'key',
              x: 'decoder',
              y1: 'p25',
              y2: 'p75',
              fill: 'currentColor',
              fillOpacity: 0.35,
              className: cls,
              ariaHidden: 'true',
            }),
            Plot.tickY(mine, {
              fx: 'key',
              x: 'decoder',
              y: 'median',
              strokeWidth: 2.5,
              className: cls,
              ariaHidden: 'true',
            }),
          );
        }),
      ],
    },
  );
}

function sigmaChart(d: ErrorDistributions, width: number, document?: Document): Element {
  const decoders = [...new Set(d.bySigma.map((r) => r.decoder))] as DecoderId[];
  const rows = d.bySigma.map((r) => ({ sigma: r.sigma, decoder: r.decoder, mean: r.euclidean.mean }));
  return plotChart(
    { width, document },
    {
      height: PANEL_HEIGHT,
      marginBottom: 40,
      ariaLabel: 'Mean error against σ at stride 4',
      ariaDescription: `Mean Euclidean error in input pixels at stride 4 against the target σ, ${d.target} targets: ${decoders
        .map(
          (id) =>
            `${decoderStyle(id).short} from ${fmt(rows.find((r) => r.decoder === id)?.mean ?? Number.NaN)} to ${fmt(rows.filter((r) => r.decoder === id).at(-1)?.mean ?? Number.NaN)} px`,
        )
        .join('; ')}.`,
      x: { label: 'Target σ (heatmap px) →', ticks: [0.5, 1, 1.5, 2, 2.5, 3] },
      y: { label: '↑ Mean error (input px)', grid: true, zero: true },
      marks: decoders.flatMap((decoder) => {
        const style = decoderStyle(decoder);
        const mine = rows.filter((r) => r.decoder === decoder);
        return [
          Plot.line(mine, { x: 'sigma', y: 'mean', ...seriesMark(style) }),
          Plot.dot(mine, {
            x: 'sigma',
            y: 'mean',
            r: 3,
            fill: 'currentColor',
            className: style.className,
            ariaHidden: 'true',
          }),
        ];
      }),
    },
  );
}

/** Both panels side by side (stacked when narrow), in one element. */
export function errorDistributionsChart(
  d: ErrorDistributions,
  { width, document = globalThis.document }: { width: number; document?: Document },
): Element {
  const wrap = document.createElement('div');
  wrap.className = 'panels';
  const panel = width >= 640 ? Math.floor((width - 24) / 2) : width;
  wrap.append(strideChart(d, panel, document), sigmaChart(d, panel, document));
  return wrap;
}
