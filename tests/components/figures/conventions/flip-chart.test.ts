/** Figure 10.2's charts: the row through the keypoint in three maps, and the sweep over shifts. */
import { describe, expect, it } from 'vitest';
import {
  flipProfileChart,
  flipSweepChart,
  MAPPING_STYLE,
} from '../../../../src/components/figures/conventions/flip-chart.ts';
import type { FlipShift, FlipSweepRow, InputMapping } from '../../../../src/lib/index.ts';
import { aria, frame } from '../chart-doc.ts';

const bump = (centre: number) => (x: number) => Math.exp(-((x - centre) ** 2) / 8);
const profile = Array.from({ length: 13 }, (_, x) => ({
  x,
  original: bump(6)(x),
  flipped: bump(7)(x),
  averaged: (bump(6)(x) + bump(7)(x)) / 2,
}));
const at = { truth: 6.2, original: 6.1, flipped: 7, averaged: 6.55 };

/** A sweep row whose averaged map's mean error is `mean` px. */
const row = (mapping: InputMapping, shift: FlipShift, decoder: 'argmax' | 'dark', mean: number): FlipSweepRow => ({
  mapping,
  shift,
  decoder,
  flipped: { mean: 2 * mean, meanAbs: 2 * mean },
  averaged: { mean, meanAbs: Math.abs(mean) },
  original: { mean: 0, meanAbs: 0 },
});
const sweep = [
  row('stride', 0, 'dark', 0.5),
  row('stride', 1, 'dark', 0.01),
  row('udp', 0, 'dark', 0.02),
  row('udp', 1, 'dark', -0.5),
  row('udp', 1, 'argmax', 9),
];

describe('flipProfileChart', () => {
  it('states where DARK reads each map beside the true x', () => {
    const chart = flipProfileChart(profile, at, frame());
    expect(aria(chart).description).toBe(
      'True x 6.20 cells; DARK reads 6.10 on the original, 7.00 on the flipped-back map and 6.55 on the average.',
    );
  });

  it('draws each map’s row and a rule at each map’s DARK x, over a wider rule at the truth', () => {
    const chart = flipProfileChart(profile, at, frame());
    for (const className of ['decoder-softargmax', 'decoder-argmax', 'decoder-dark']) {
      expect(chart.querySelectorAll(`g[aria-label="line"].${className}`)).toHaveLength(1);
      expect(chart.querySelectorAll(`g[aria-label="rule"].${className}`)).toHaveLength(1);
    }
    const truth = chart.querySelector('g[aria-label="rule"].current-rule');
    expect(truth?.getAttribute('stroke-width')).toBe('6');
  });
});

describe('flipSweepChart', () => {
  it('states DARK’s mean error per mapping and shift, leaving argmax out', () => {
    const chart = flipSweepChart(sweep, { mapping: 'udp', shift: 1 }, frame());
    expect(aria(chart).description).toBe(
      'DARK on the averaged map, mean signed x error over the sweep’s keypoints. Stride mapping: 0.50 px at 0, 0.01 px at 1; UDP mapping: 0.02 px at 0, −0.50 px at 1.',
    );
  });

  it('draws a line per mapping and marks the current mapping and shift', () => {
    const chart = flipSweepChart(sweep, { mapping: 'stride', shift: 0 }, frame());
    for (const m of ['stride', 'udp'] as const)
      expect(chart.querySelectorAll(`g[aria-label="line"].${MAPPING_STYLE[m].className}`)).toHaveLength(1);
    const dots = chart.querySelectorAll('g.current-dot circle');
    expect(dots).toHaveLength(1);
    expect(
      flipSweepChart(sweep, { mapping: 'stride', shift: 2 }, frame()).querySelectorAll('g.current-dot circle'),
    ).toHaveLength(0);
  });
});
