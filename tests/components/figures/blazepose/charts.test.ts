/**
 * Chapter 9's charts on a server-side document: the shift test (a curve per decoder, the ideal
 * line, the shift being read) and the gaps to the regressed landmark (a dot per decoder and
 * joint, hollow for a joint the model does not see), with what a screen reader gets.
 */
import { describe, expect, it } from 'vitest';
import {
  gapChart,
  gapChartHeight,
  SHIFT_CHART_HEIGHT,
  shiftChart,
} from '../../../../src/components/figures/blazepose/charts.ts';
import type { ChartFrame } from '../../../../src/components/ui/parts.ts';
import type { GapFigureData, GapRow, ShiftFigureData } from '../../../../src/lib/index.ts';
import { pageWith } from '../../ui/dom.ts';

const frame = (): ChartFrame => ({ width: 480, document: pageWith('') });
type Chart = Element & { scale(name: 'x' | 'y'): { domain: unknown[] } };

/** Two crops (0 and 4 px): argmax steps a cell, DARK follows the ideal line, the regression overshoots. */
const shiftData = (summary: boolean): ShiftFigureData =>
  ({
    decoded: [{ shift: 0 }, { shift: 4 }],
    rows: [
      { id: 'argmax', shift: 0, dx: 0 },
      { id: 'argmax', shift: 4, dx: 1 },
      { id: 'dark', shift: 0, dx: 0 },
      { id: 'dark', shift: 4, dx: 0.98 },
      { id: 'regressed', shift: 0, dx: 0 },
      { id: 'regressed', shift: 4, dx: 2.6 },
    ],
    ideal: [
      { shift: 0, dx: 0 },
      { shift: 8, dx: 2 },
    ],
    summary: summary
      ? {
          shifts: [0, 4],
          series: { argmax: { slope: 0.25, distinct: 2 }, dark: { slope: 0.245, distinct: 2 } },
          regressed: { slope: 0.65, distinct: 2 },
          idealSlope: 0.25,
        }
      : null,
    at: { shift: 4 },
    atDx: {},
    zoom: null,
  }) as unknown as ShiftFigureData;

describe('shiftChart(d, shift, frame)', () => {
  it('draws a curve per decoder with points, the ideal line, the shift read and a dot at that crop', () => {
    const chart = shiftChart(shiftData(true), 4, frame()) as Chart;
    expect(chart.getAttribute('height')).toBe(String(SHIFT_CHART_HEIGHT));
    expect(chart.querySelectorAll('g.bound')).toHaveLength(1);
    expect(chart.querySelectorAll('g.current-rule')).toHaveLength(1);
    // A line and a dot group for each curve with points; the others' dot groups are empty.
    for (const id of ['argmax', 'dark', 'regressed']) {
      expect(chart.querySelectorAll(`g.decoder-${id} path`).length, id).toBeGreaterThanOrEqual(1);
      expect(chart.querySelectorAll(`g.decoder-${id} circle`), id).toHaveLength(1);
    }
    expect(chart.querySelectorAll('g.decoder-quarter circle')).toHaveLength(0);
    expect(chart.scale('x').domain).toEqual([0, 8]);
    // The y domain reaches the regression's 2.6 cells.
    expect(chart.scale('y').domain).toEqual([-0.25, 2.6]);
  });

  it("describes the crops so far and argmax's, DARK's and the regression's slopes", () => {
    const chart = shiftChart(shiftData(true), 4, frame());
    expect(chart.getAttribute('aria-label')).toBe(
      'The shift test: each decoder’s answer against the shift of the crop',
    );
    expect(chart.getAttribute('aria-description')).toBe(
      '2 crops so far. argmax slope 0.250, 2 values; DARK slope 0.245, 2 values; regressed slope 0.650, 2 values (ideal slope 0.25). Shift read: 4.00 px.',
    );
  });

  it('says only the ideal line is drawn before any crop has run', () => {
    const chart = shiftChart({ ...shiftData(false), rows: [] }, 0, frame()) as Chart;
    expect(chart.getAttribute('aria-description')).toBe('No crops have run yet; the chart shows the ideal line only.');
    expect(chart.scale('y').domain).toEqual([-0.25, 2.25]);
  });
});

const gap = (name: string, id: GapRow['id'], distance: number, seen: boolean): GapRow => ({
  joint: 0,
  name,
  id,
  distance,
  seen,
});

describe('gapChart(d, joint, frame)', () => {
  const data = {
    rows: [gap('nose', 'argmax', 1.5, true), gap('nose', 'dark', 0.8, true), gap('left ankle', 'argmax', 9, false)],
    joints: ['nose', 'left ankle'],
    decoders: [],
    seenCount: 1,
    total: 39,
    worst: gap('left ankle', 'argmax', 9, false),
  } as GapFigureData;

  it('draws a filled dot per seen joint and decoder, a hollow one per unseen, on a row per joint', () => {
    const chart = gapChart(data, null, frame()) as Chart;
    expect(chart.scale('y').domain).toEqual(['nose', 'left ankle']);
    expect(chart.querySelectorAll('g.decoder-argmax circle')).toHaveLength(2);
    expect(chart.querySelectorAll('g.decoder-argmax[fill="none"] circle')).toHaveLength(1);
    expect(chart.querySelectorAll('g.decoder-dark circle')).toHaveLength(1);
    expect(chart.querySelectorAll('g.joint-band')).toHaveLength(0);
    // 5 % past the farthest dot.
    expect(chart.scale('x').domain).toEqual([0, 9 * 1.05]);
    expect(chart.getAttribute('height')).toBe(String(gapChartHeight(2)));
  });

  it('bands the joint being read, and names the largest distance', () => {
    const chart = gapChart(data, 'nose', frame());
    expect(chart.querySelectorAll('g.joint-band rect')).toHaveLength(1);
    expect(chart.getAttribute('aria-description')).toBe(
      '2 joints shown; the largest distance is 9.0 input pixels, argmax at the left ankle.',
    );
  });

  it('reaches at least 4 px, and says when there is no joint to show', () => {
    const empty = { ...data, rows: [], joints: [], worst: null };
    const chart = gapChart(empty, 'nose', frame()) as Chart;
    expect(chart.scale('x').domain).toEqual([0, 4 * 1.05]);
    expect(chart.scale('y').domain).toEqual(['—']);
    expect(chart.getAttribute('aria-description')).toBe('No joint to show yet.');
  });
});

describe('gapChartHeight(joints)', () => {
  it('gives 15 px a joint and 60 for the axes, and at least 160 px', () => {
    expect(gapChartHeight(0)).toBe(160);
    expect(gapChartHeight(6)).toBe(160);
    expect(gapChartHeight(39)).toBe(15 * 39 + 60);
  });
});
