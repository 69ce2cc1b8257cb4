/** Figure 10.1's chart: each mismatch's error along a row, the keypoint's x marked. */
import { describe, expect, it } from 'vitest';
import {
  mismatchChart,
  MISMATCH_STYLE,
  UDP_CHART_HEIGHT,
} from '../../../../src/components/figures/conventions/udp-chart.ts';
import { aria, frame } from '../chart-doc.ts';

/** Errors growing linearly from 0 at x = 0 to 3 and −1.5 px at x = 100. */
const profile = [0, 25, 50, 75, 100].map((x) => ({ x, strideToUdp: (3 * x) / 100, udpToStride: (-1.5 * x) / 100 }));

describe('mismatchChart', () => {
  it('states the errors at the right edge and at the point nearest the keypoint', () => {
    const chart = mismatchChart(profile, 60, frame());
    expect(aria(chart).label).toBe('The x error of each mismatch along a row of the crop');
    expect(aria(chart).description).toBe(
      'Zero at the left edge, growing linearly to 3.00 px (trained stride, decoded UDP) and −1.50 px (trained UDP, decoded stride) at the right edge; at x = 50 they are 1.50 and −0.75 px.',
    );
  });

  it('draws one line per mismatch in its style, and a rule at the keypoint', () => {
    const chart = mismatchChart(profile, 60, frame());
    for (const style of Object.values(MISMATCH_STYLE)) {
      const line = chart.querySelector(`g[aria-label="line"].${style.className}`);
      expect(line?.querySelectorAll('path')).toHaveLength(1);
      expect(line?.getAttribute('stroke-dasharray') ?? 'none').toBe(style.dash);
    }
    expect(chart.querySelectorAll('g.current-rule line')).toHaveLength(1);
    expect(chart.getAttribute('height')).toBe(String(UDP_CHART_HEIGHT));
  });
});
