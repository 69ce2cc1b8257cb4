import { describe, expect, it } from 'vitest';
import {
  borderAnnouncement,
  borderView,
  describeBorderKeypoint,
  RULE_STYLE,
} from '../../../../src/components/figures/conventions/border-view.ts';
import { fmt } from '../../../../src/components/ui/format.ts';
import { BORDER_RULE_INFO, buildBorderRules, FIGURE_BORDER_RULES } from '../../../../src/lib/index.ts';

describe('borderView(data, state)', () => {
  const d = buildBorderRules({ keypoint: { x: 14.3, y: 5.6 } });
  const v = borderView(d, { rule: 'mmposeQuarter' });

  it('puts the handle on the keypoint and a square on the cell argmax finds', () => {
    expect(v.attrs.handle).toEqual({ transform: 'translate(14.300 5.600)' });
    // The unbiased target peaks in the keypoint's nearest cell, (14, 6).
    expect(v.attrs['argmax-cell']).toEqual({ x: '13.50', y: '5.50' });
    expect(v.text['stat-argmax']).toBe(`(14, 6), error ${fmt(Math.hypot(0.3, 0.4))} cells`);
  });

  it('shades the chosen rule’s zones, each inset within its cells’ edges', () => {
    const zone = d.zones.mmposeQuarter.x!;
    expect(v.attrs['zone-x']).toEqual({
      x: (zone.x0 - 0.5 + 0.05).toFixed(2),
      y: (zone.y0 - 0.5 + 0.05).toFixed(2),
      width: (zone.x1 - zone.x0 + 1 - 0.1).toFixed(2),
      height: (zone.y1 - zone.y0 + 1 - 0.1).toFixed(2),
      visibility: 'visible',
    });
    expect(v.text['zone-rule']).toBe(`Quarter shift, MMPose: ${BORDER_RULE_INFO.mmposeQuarter.rule}`);
    const none = borderView({ ...d, zones: { ...d.zones, dark: { x: null, y: null } } }, { rule: 'dark' });
    expect(none.attrs['zone-y']).toEqual({ visibility: 'hidden' });
  });

  it('marks every rule’s point and fills its row of the table, the chosen one selected', () => {
    for (const rule of FIGURE_BORDER_RULES) {
      const p = d.points[rule];
      expect(v.attrs[`mark-${rule}`]).toEqual({ transform: `translate(${p.x.toFixed(3)} ${p.y.toFixed(3)})` });
      expect(v.attrs[`row-${rule}`]).toEqual({ 'data-selected': String(rule === 'mmposeQuarter') });
      expect(v.text[`point-${rule}`]).toBe(`(${fmt(p.x)}, ${fmt(p.y)})`);
      expect(v.text[`error-${rule}`]).toBe(fmt(d.errors[rule]));
    }
    // Cell (14, 6) of 16 × 12: inside HRNet's and MMPose's 1 < x < W − 1, outside DARK's x ≤ W − 3.
    expect([v.text['refines-x-hrnetQuarter'], v.text['refines-x-dark']]).toEqual(['yes', 'no']);
    expect(v.attrs['refines-x-dark']).toEqual({ 'data-refines': 'false' });
  });
});

describe('borderAnnouncement(data)', () => {
  it('says, for a maximum by the left edge, which rules refine which axis', () => {
    // Cell (1, 6): only MMPose's y test and DARK-UDP pass; the others keep the cell, 0.4 from the truth.
    const d = buildBorderRules({ keypoint: { x: 1, y: 5.6 } });
    expect(borderAnnouncement(d)).toBe(
      `Maximum in cell 1, 6. Quarter shift, HRNet does not refine, error ${fmt(0.4)} cells; Quarter shift, MMPose refines y only, error ${fmt(d.errors.mmposeQuarter)} cells; DARK does not refine, error ${fmt(0.4)} cells; DARK-UDP refines both axes, error ${fmt(d.errors.darkUdp)} cells.`,
    );
  });

  it('says MMPose refines x only on the bottom row', () => {
    expect(borderAnnouncement(buildBorderRules({ keypoint: { x: 6, y: 11.2 } }))).toContain(
      'Quarter shift, MMPose refines x only',
    );
  });
});

describe('describeBorderKeypoint(point) and RULE_STYLE', () => {
  it('name the point in cells of the map, and give each rule its own class and symbol', () => {
    expect(describeBorderKeypoint({ x: -0.45, y: 11.45 })).toBe('x −0.45, y 11.45 cells on the map');
    const styles = FIGURE_BORDER_RULES.map((r) => RULE_STYLE[r]);
    expect(new Set(styles.map((s) => s.className)).size).toBe(FIGURE_BORDER_RULES.length);
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(FIGURE_BORDER_RULES.length);
  });
});
