/**
 * The Lab's charts on a server-side document: a SimCC vector with a rule per decoder and the
 * ground truth, whole or as a close-up of VECTOR_ZOOM bins either side; and each decoder's score
 * against its error, one mark per decoder. What a screen reader gets, and the marks drawn.
 */
import { describe, expect, it } from 'vitest';
import {
  SCORE_HEIGHT,
  scoreChart,
  VECTOR_HEIGHT,
  VECTOR_ZOOM,
  vectorChart,
} from '../../../src/components/lab/charts.ts';
import { SCORE_CHART_LIMIT } from '../../../src/components/lab/view/lines.ts';
import type { ChartFrame } from '../../../src/components/ui/parts.ts';
import { megviiScore, type LabDecoderId, type LabRow } from '../../../src/lib/index.ts';
import { pageWith } from '../ui/dom.ts';

const frame = (): ChartFrame => ({ width: 400, document: pageWith('') });
type Chart = Element & { scale(name: 'x'): { domain: number[] } };
const label = (chart: Element) => chart.getAttribute('aria-label');
const description = (chart: Element) => chart.getAttribute('aria-description');
const marks = (chart: Element, className: string) => chart.querySelectorAll(`g.${className}`);

/** 96 bins, k = 2 (48 input px), peaked at bin 40 (input px 20). */
const K = 2;
const vector = Float32Array.from({ length: 96 }, (_, b) => Math.exp(-((b - 40) ** 2) / 8));
const points = [
  { id: 'simccArgmax' as const, at: 20 },
  { id: 'simccDark' as const, at: 20.15 },
  { id: 'simccExpectation' as const, at: 35 },
];

describe('vectorChart(values, k, axis, points, truth, frame, around)', () => {
  it("spans the input's width, bin b at b / k, with a rule per decoder and one at the ground truth", () => {
    const chart = vectorChart(vector, K, 'x', points, 20.1, frame()) as unknown as Chart;
    expect(label(chart)).toBe("simcc_x: 96 bins over the input's width");
    expect(description(chart)).toBe(
      'Decoded x: SimCC argmax 20.00 px, SimCC-DARK 20.15 px, SimCC expectation 35.00 px; ground truth 20.10 px.',
    );
    expect(chart.scale('x').domain).toEqual([0, 95 / K]);
    expect(chart.getAttribute('height')).toBe(String(VECTOR_HEIGHT));
    for (const { id } of points) expect(marks(chart, `decoder-${id}`)).toHaveLength(1);
    expect(marks(chart, 'truth-rule')).toHaveLength(1);
    // The whole vector has no symbols on top.
    expect(chart.querySelectorAll('g.decoder-simccDark path, g.decoder-simccDark line')).toHaveLength(1);
  });

  it('zooms on VECTOR_ZOOM bins either side of the point, leaving out what falls outside', () => {
    const chart = vectorChart(vector, K, 'y', points, 30, frame(), 20.1) as unknown as Chart;
    // Centre bin round(20.1 · 2) = 40: bins 24 to 56, input px 12 to 28.
    expect(label(chart)).toBe(`simcc_y: close-up of ${2 * VECTOR_ZOOM + 1} bins around 20.10 px`);
    expect(chart.scale('x').domain).toEqual([(40 - VECTOR_ZOOM) / K, (40 + VECTOR_ZOOM) / K]);
    expect(marks(chart, 'decoder-simccExpectation')).toHaveLength(0);
    expect(marks(chart, 'truth-rule')).toHaveLength(0);
    // A rule and a symbol for each decoder inside it.
    expect(marks(chart, 'decoder-simccArgmax')).toHaveLength(2);
    expect(marks(chart, 'decoder-simccDark')).toHaveLength(2);
    // The description still names every decoder's point.
    expect(description(chart)).toContain('SimCC expectation 35.00 px; ground truth 30.00 px.');
  });

  it('starts a close-up near the first bin at bin 0', () => {
    const chart = vectorChart(vector, K, 'x', [], undefined, frame(), 1) as unknown as Chart;
    expect(chart.scale('x').domain).toEqual([0, (2 + VECTOR_ZOOM) / K]);
    expect(description(chart)).toBe('Decoded x: .');
  });

  it('draws a vector holding NaN or infinite bins, leaving the ground truth out of the description when there is none', () => {
    const holes = vector.slice();
    holes[3] = Number.NaN;
    holes[4] = Number.POSITIVE_INFINITY;
    const chart = vectorChart(holes, K, 'x', points.slice(0, 1), Number.NaN, frame());
    expect(description(chart)).toBe('Decoded x: SimCC argmax 20.00 px.');
    expect(marks(chart, 'vector-line')).toHaveLength(1);
  });
});

/** A row with each decoder's score and error. */
const row = (index: number, of: Partial<Record<LabDecoderId, [number, number]>>): LabRow<LabDecoderId> => ({
  index,
  n: 0,
  k: index,
  points: Object.fromEntries(Object.entries(of).map(([id, [score]]) => [id, { x: 1, y: 1, score }])),
  errors: Object.fromEntries(Object.entries(of).map(([id, [, error]]) => [id, error])),
  spread: 0,
});

describe('scoreChart(rows, decoders, frame)', () => {
  it('draws one mark per decoder, a dot per keypoint it scored, and says how many', () => {
    const rows = [
      row(0, { argmax: [0.9, 0.5], dark: [0.9, 0.2] }),
      row(1, { argmax: [0.4, 2.5], dark: [0.4, Number.NaN] }),
      row(2, { argmax: [Number.POSITIVE_INFINITY, 1] }),
    ];
    const chart = scoreChart(rows, ['argmax', 'dark', 'megvii'], frame());
    expect(label(chart)).toBe('Score against error, each decoder');
    expect(description(chart)).toBe(
      "3 decoded keypoints: each decoder's score (its own convention) against its error in input pixels.",
    );
    expect(chart.getAttribute('height')).toBe(String(SCORE_HEIGHT));
    expect(chart.querySelectorAll('g.decoder-argmax > *')).toHaveLength(2);
    expect(chart.querySelectorAll('g.decoder-dark > *')).toHaveLength(1);
    expect(chart.querySelectorAll('g.decoder-megvii > *')).toHaveLength(0);
  });

  it("puts Megvii's scores (max/255 + 0.5, all within 0.004 of 0.5) on the others' scale: the maximum they encode", () => {
    const rows = [
      row(0, { argmax: [0.9, 0.5], megvii: [megviiScore(0.88), 0.4] }),
      row(1, { argmax: [0.3, 2.5], megvii: [megviiScore(0.31), 2] }),
    ];
    const chart = scoreChart(rows, ['argmax', 'megvii'], frame()) as unknown as Chart;
    const [lo, hi] = chart.scale('x').domain as [number, number];
    expect(lo).toBeCloseTo(0.3, 6);
    expect(hi).toBeCloseTo(0.9, 6);
    expect(description(chart)).toContain("Megvii's as the map maximum it encodes, (score − 0.5) × 255");
    expect(chart.querySelectorAll('g.decoder-megvii > *')).toHaveLength(2);
  });

  it(`draws at most ${SCORE_CHART_LIMIT} keypoints`, () => {
    const rows = Array.from({ length: SCORE_CHART_LIMIT + 3 }, (_, i) => row(i, { argmax: [i / 10_000, 1] }));
    const chart = scoreChart(rows, ['argmax'], frame());
    expect(description(chart)).toMatch(new RegExp(`^${SCORE_CHART_LIMIT} decoded keypoints`));
  });
});
