/**
 * Chapter 10's computed prose numbers: each name against hand-worked arithmetic on the
 * 256 × 192 crop (λ = 4, a 64 × 48 map), and the settings they mirror against the figures'.
 */
import { describe, expect, it } from 'vitest';
import { ch10 } from '../../../src/components/state/ch10.ts';
import { defaultsOf } from '../../../src/components/ui/params.ts';
import { buildBorderRules } from '../../../src/lib/index.ts';
import { BORDER_EDGE_EXAMPLE, proseValue, renderProse, SCORE_EXAMPLE } from '../../../src/lib/prose/index.ts';

const num = (name: string): number => proseValue(name) as number;

describe('chapter 10’s prose values', () => {
  it('UDP: the grid offset (λ − 1)/2, the scale 191/47 and the mismatch at the far edges', () => {
    expect(num('udp.offset')).toBe(1.5);
    expect(num('udp.scaleX')).toBeCloseTo(191 / 47, 12);
    // (w − 1)(λ − 1)/(w − λ): 191 · 3/188 across, 255 · 3/252 down.
    expect(num('udp.farX')).toBeCloseTo((191 * 3) / 188, 10);
    expect(num('udp.farY')).toBeCloseTo((255 * 3) / 252, 10);
    // UDPHeatmap's w/(W − 1) at the last column: 47 · 192/47 − 191 = 1.
    expect(num('udp.mmposeEdge')).toBeCloseTo(1, 10);
    expect(renderProse('udp.figureStrides', {})).toBe('2, 4 and 8');
  });

  it('flip test: 1 − 1/λ = 0.75 cells (3 px); one cell of shift leaves 0.25, two 1.25', () => {
    expect(num('flip.biasCells')).toBe(0.75);
    expect(num('flip.biasPx')).toBe(3);
    expect(num('flip.after1')).toBe(0.25);
    expect(num('flip.after2')).toBe(1.25);
  });

  it('flip sweep: half the flipped-back bias survives the average, in px', () => {
    expect(num('flip.sweep.stride0')).toBeCloseTo(-1.5, 1);
    expect(num('flip.sweep.stride1')).toBeCloseTo(0.5, 1);
    expect(num('flip.sweep.stride2')).toBeCloseTo(2.5, 1);
    expect(Math.abs(num('flip.sweep.udp0'))).toBeLessThan(0.01);
    expect(num('flip.sweep.udp1')).toBeCloseTo(191 / 47 / 2, 1);
  });

  it('scores: Megvii’s 0.5 and 1.5, DARK keeps every score, and the claims the prose makes hold', () => {
    expect(num('score.megviiEmpty')).toBe(0.5);
    expect(num('score.megviiPeak')).toBe(1.5);
    expect(num('score.megviiTarget')).toBe(255);
    expect(num('score.darkKeeps')).toBe(100);
    // "No Megvii score falls below" its empty-map score, so the example threshold keeps them all.
    expect(num('score.megviiMin')).toBeGreaterThan(num('score.megviiEmpty'));
    expect(num('score.kept.megvii')).toBe(100);
    expect(num('score.kept.heatmapMax')).toBeLessThan(100);
    expect(num('score.aboveOne')).toBeGreaterThan(0);
    expect(num('score.simccGap')).toBeGreaterThan(0);
  });

  it('border: DARK-UDP lands on −0.5 in the first column', () => {
    expect(num('border.darkUdpEdge')).toBeCloseTo(-0.5, 5);
    expect(buildBorderRules(BORDER_EDGE_EXAMPLE).argmax.x).toBe(0);
  });

  it('mirror the figures’ own defaults', () => {
    const s = defaultsOf(ch10);
    expect(SCORE_EXAMPLE.threshold).toBe(s.threshold);
  });
});
