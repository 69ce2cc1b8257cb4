import { describe, expect, it } from 'vitest';
import { decodeData, decodeView, PEAK_SLOTS } from '../../../../src/components/figures/dekr/decode-view.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { ch7, type Ch7State } from '../../../../src/components/state/ch7.ts';

const state = (patch: Partial<Ch7State> = {}): Ch7State => ({ ...defaultsOf(ch7), ...patch });

describe('decodeView(data, state)', () => {
  const s = state({ cnoise: 0.03, onoise: 0.4, seed: 4 });
  const d = decodeData(s);

  it('shows peaks from stage 2 and poses from stage 3', () => {
    expect(decodeView(d, { ...s, stage: 'centres' }).attrs['peak-0']?.visibility).toBe('hidden');
    expect(decodeView(d, { ...s, stage: 'nms' }).attrs['peak-0']?.visibility).toBe('visible');
    expect(decodeView(d, { ...s, stage: 'nms' }).attrs['pose-0']?.visibility).toBe('hidden');
    expect(decodeView(d, { ...s, stage: 'poses' }).attrs['pose-0']?.visibility).toBe('visible');
  });

  it('at pose NMS hides exactly the poses the library dropped', () => {
    const v = decodeView(d, { ...s, stage: 'posenms' });
    const shown = Array.from({ length: PEAK_SLOTS }, (_, i) => v.attrs[`pose-${i}`]).filter(
      (a) => a?.visibility === 'visible',
    );
    expect(shown).toHaveLength(d.kept.length);
    expect(v.text['stage-text']).toContain(`${d.kept.length} of ${d.poses.length} kept`);
    expect(v.text['stage-text']).toContain("5 % of its own keypoint extent's diagonal");
    expect(v.text['row-0-status']).toBe(d.kept.includes(d.poses[0]!) ? 'kept' : 'dropped');
  });

  it('labels each table row with the person its peak belongs to', () => {
    const v = decodeView(d, { ...s, stage: 'rescore' });
    d.peaks.slice(0, 8).forEach((q, i) => {
      expect(v.text[`row-${i}-peak`]).toBe(`${q.x}, ${q.y}`);
      const who = d.peakPerson[i]!;
      expect(v.text[`row-${i}-who`]).toBe(who >= 0 ? `person ${who + 1}` : 'noise');
    });
  });
});
