import { describe, expect, it } from 'vitest';
import { buildOffsetCurve } from '../../../../src/lib/index.ts';
import { CHART_HEIGHT, offsetCurveChart } from '../../../../src/components/figures/offset-curve/chart.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { aria, doc, frame } from '../chart-doc.ts';

const data = buildOffsetCurve({ keypoint: { x: 101.3, y: 100 }, sigma: 2, target: 'biased', steps: 16 });

describe('offsetCurveChart(data, frame)', () => {
  it('states each decoder’s error at the reader’s offset', () => {
    const chart = offsetCurveChart(data, frame());
    const e = data.current.errors;
    expect(aria(chart)).toEqual({
      label: 'Error of each decoder across one heatmap cell',
      description: `Error in input pixels against the keypoint's offset from its cell centre. At the reader's keypoint, offset ${fmt(data.current.offset)} px: argmax ${fmt(e.argmax!)} px, quarter ${fmt(e.quarter!)} px, DARK ${fmt(e.dark!)} px.`,
    });
  });

  it('draws one line and one dot per decoder in its style, and a rule at the offset', () => {
    const chart = offsetCurveChart(data, frame());
    for (const id of ['argmax', 'quarter', 'dark']) {
      expect(chart.querySelectorAll(`g[aria-label="line"].decoder-${id}`), id).toHaveLength(1);
      expect(chart.querySelectorAll(`g[aria-label="dot"].decoder-${id} circle`), id).toHaveLength(1);
    }
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    expect(chart.getAttribute('height')).toBe(String(CHART_HEIGHT));
  });

  it('draws the curves at (101.3, 100), biased, as pinned', async () => {
    await expect(offsetCurveChart(data, { width: 480, document: doc() }).outerHTML).toMatchFileSnapshot(
      '../../__snapshots__/offset-curve.svg',
    );
  });
});
