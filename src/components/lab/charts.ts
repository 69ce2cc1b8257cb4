/**
 * The Lab's charts, drawn by Observable Plot through `plotChart`: a SimCC keypoint's two
 * vectors with each decoder's point (as chapter 6 draws them), and each decoder's score
 * against its error. Functions of data and a frame; the Lab's specs place them.
 */
import * as Plot from '@observablehq/plot';
import { megviiMaximum, type LabDecoderId, type LabRow } from '../../lib/index.ts';
import { decoderStyle } from '../ui/decoder-style.ts';
import type { ChartFrame } from '../ui/parts.ts';
import { fmt } from '../ui/format.ts';
import { plotChart, seriesMark } from '../ui/plot.ts';
import { labelOf, SCORE_CHART_LIMIT } from './view/lines.ts';

export const VECTOR_HEIGHT = 170;
export const SCORE_HEIGHT = 280;

/** Each decoder's mark in the charts, the shape of its glyph on the map, so that decoders differ by more than colour. */
const SYMBOL: Record<LabDecoderId, Plot.SymbolType> = {
  argmax: 'square',
  quarter: 'diamond',
  quarter2: 'triangle',
  dark: 'plus',
  softargmax: 'circle',
  softargmaxDebiased: 'times',
  softargmaxMmpose: 'hexagon',
  darkUdp: 'asterisk',
  megvii: 'wye',
  simccArgmax: 'square',
  simccExpectation: 'circle',
  simccDark: 'plus',
};

/** Bins either side of the decoded point in a vector's close-up. */
export const VECTOR_ZOOM = 16;

/**
 * One SimCC vector of a keypoint, bin b drawn at input pixel b/k, with a rule at each decoder's
 * coordinate along that axis and a dashed rule at the ground truth. With `around` (input px),
 * only the bins within VECTOR_ZOOM of it, each decoder's point also marked by its symbol.
 */
export function vectorChart(
  values: Float32Array,
  k: number,
  axis: 'x' | 'y',
  points: readonly { id: LabDecoderId; at: number }[],
  truth: number | undefined,
  frame: ChartFrame,
  around?: number,
): SVGSVGElement | HTMLElement {
  const all = Array.from(values, (v, b) => ({ at: b / k, v: Number.isFinite(v) ? v : Number.NaN }));
  const centre = around === undefined ? undefined : Math.round(around * k);
  const data =
    centre === undefined ? all : all.slice(Math.max(0, centre - VECTOR_ZOOM), Math.max(0, centre + VECTOR_ZOOM + 1));
  const lo = data[0]?.at ?? 0;
  const hi = data[data.length - 1]?.at ?? 0;
  const inside = (v: number) => Number.isFinite(v) && v >= lo && v <= hi;
  const shown = points.filter((p) => inside(p.at));
  const top = data.reduce((m, d) => (d.v > m ? d.v : m), Number.NEGATIVE_INFINITY);
  const hasTruth = truth !== undefined && inside(truth);
  const what =
    centre === undefined
      ? `${values.length} bins over the input's ${axis === 'x' ? 'width' : 'height'}`
      : `close-up of ${data.length} bins around ${fmt(around ?? 0, 2)} px`;
  return plotChart(frame, {
    height: VECTOR_HEIGHT,
    marginBottom: 36,
    ariaLabel: `simcc_${axis}: ${what}`,
    ariaDescription: `Decoded ${axis}: ${points.map((p) => `${labelOf(p.id)} ${fmt(p.at, 2)} px`).join(', ')}${truth === undefined || !Number.isFinite(truth) ? '' : `; ground truth ${fmt(truth, 2)} px`}.`,
    x: { label: centre === undefined ? `${axis} (input px = bin / k) →` : `${axis}, close-up →`, domain: [lo, hi] },
    y: { label: `↑ simcc_${axis}`, grid: true },
    marks: [
      Plot.line(data, { x: 'at', y: 'v', className: 'vector-line', ariaHidden: 'true' }),
      ...(centre === undefined
        ? []
        : [Plot.dot(data, { x: 'at', y: 'v', r: 1.5, className: 'vector-line', ariaHidden: 'true' })]),
      ...(hasTruth
        ? [Plot.ruleX([truth], { className: 'truth-rule', strokeDasharray: '4 3', ariaHidden: 'true' })]
        : []),
      ...shown.map((p) => Plot.ruleX([p.at], seriesMark(decoderStyle(p.id)))),
      ...(centre === undefined || !Number.isFinite(top)
        ? []
        : shown.map((p, i) =>
            Plot.dot([{ at: p.at, v: top }], {
              x: 'at',
              y: 'v',
              dy: -8 - 9 * i,
              symbol: SYMBOL[p.id],
              r: 4,
              strokeWidth: 1.5,
              className: decoderStyle(p.id).className,
              ariaHidden: 'true',
            }),
          )),
    ],
  });
}

/**
 * Each decoded keypoint's score against its error (input px), one mark per decoder: whether a
 * decoder's score says how far off it is. At most SCORE_CHART_LIMIT keypoints.
 */
export function scoreChart(
  rows: readonly LabRow<LabDecoderId>[],
  decoders: readonly LabDecoderId[],
  frame: ChartFrame,
): SVGSVGElement | HTMLElement {
  const shown = rows.slice(0, SCORE_CHART_LIMIT);
  const marks = decoders.map((id) => {
    const data = shown.flatMap((r) => {
      const p = r.points[id];
      const e = r.errors[id];
      if (!p || e === undefined || !Number.isFinite(p.score) || !Number.isFinite(e)) return [];
      // Megvii's max/255 + 0.5 would squeeze into one column: shown as the maximum it encodes.
      return [{ score: id === 'megvii' ? megviiMaximum(p.score) : p.score, error: e }];
    });
    return { id, data };
  });
  const count = marks.reduce((n, m) => n + m.data.length, 0);
  const megvii = marks.some((m) => m.id === 'megvii' && m.data.length > 0);
  return plotChart(frame, {
    height: SCORE_HEIGHT,
    marginBottom: 40,
    ariaLabel: 'Score against error, each decoder',
    ariaDescription: `${count} decoded keypoints: each decoder's score (its own convention${megvii ? "; Megvii's as the map maximum it encodes, (score − 0.5) × 255" : ''}) against its error in input pixels.`,
    x: { label: megvii ? 'Score (Megvii: (s − 0.5) × 255) →' : 'Score →' },
    y: { label: '↑ Error (input px)', grid: true, zero: true },
    marks: marks.map(({ id, data }) =>
      Plot.dot(data, {
        x: 'score',
        y: 'error',
        symbol: SYMBOL[id],
        r: 3,
        strokeOpacity: 0.75,
        className: decoderStyle(id).className,
        ariaHidden: 'true',
      }),
    ),
  });
}
