import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dekr/decode-spec.ts';
import { decodeAnnouncement, decodeData } from '../../../../src/components/figures/dekr/decode-view.ts';
import { STAGES } from '../../../../src/components/state/ch7.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { act } from '../spec-parts.ts';

const FIRST = STAGES[0]!;
const LAST = STAGES[STAGES.length - 1]!;

describe('figure 7.2’s actions', () => {
  it('prev and next move one stage, and stay at the first and the last', () => {
    expect(act(spec, 'next', { stage: FIRST })).toEqual({ stage: STAGES[1] });
    expect(act(spec, 'prev', { stage: STAGES[2] })).toEqual({ stage: STAGES[1] });
    expect(act(spec, 'prev', { stage: FIRST })).toEqual({ stage: FIRST });
    expect(act(spec, 'next', { stage: LAST })).toEqual({ stage: LAST });
  });

  it('reseed draws the next scene, and the first after seed 9999', () => {
    expect(act(spec, 'reseed', { seed: 4 })).toEqual({ seed: 5 });
    expect(act(spec, 'reseed', { seed: 9999 })).toEqual({ seed: 1 });
  });

  it('disables prev at the first stage and next at the last', () => {
    const first = renderFigure(spec, { state: { stage: FIRST } }).view.attrs;
    expect([first.prev?.disabled, first.next?.disabled]).toEqual(['', null]);
    const last = renderFigure(spec, { state: act(spec, 'next', { stage: STAGES[STAGES.length - 2] }) }).view.attrs;
    expect([last.prev?.disabled, last.next?.disabled]).toEqual([null, '']);
  });

  it('after reseed, announces the new scene’s decoding at the same stage', () => {
    const state = { stage: 'posenms' as const, seed: 4 };
    const { data, state: moved } = renderFigure(spec, { state: { ...state, ...act(spec, 'reseed', state) } });
    expect(moved.seed).toBe(5);
    expect(spec.announce!(data, moved)).toBe(decodeAnnouncement(decodeData(moved), moved));
  });
});
