import { describe, expect, it } from 'vitest';
import { branchPattern } from '../../../../src/lib/index.ts';
import {
  branchesAnnouncement,
  branchesView,
  branchPatterns,
} from '../../../../src/components/figures/dekr/branches-view.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { BRANCH_GRID, ch7, type Ch7State } from '../../../../src/components/state/ch7.ts';
import { numbersOf } from '../chart-doc.ts';

const state = (patch: Partial<Ch7State> = {}): Ch7State => ({ ...defaultsOf(ch7), ...patch });

describe('branchesView(state, patterns)', () => {
  it('draws each branch where the library puts its taps', () => {
    const s = state({ nx: 12, ny: 3, reach: 1, spread: 2 });
    const p = branchPatterns(s);
    const expected = branchPattern(BRANCH_GRID.q, { x: 12, y: 3 }, 1, 2);
    expect(p.nose.taps).toEqual(expected.taps);
    const v = branchesView(s, p);
    expect(numbersOf(v.attrs['taps-nose']!.d!)).toEqual(
      expected.taps.flatMap((t) => [+t.x.toFixed(3), +t.y.toFixed(3), 0]),
    );
    // q = (12, 15) regresses q − joint = (0, 12); at reach 1, t is joint − q, printed (x, y) as the table's header says.
    expect(v.text['regressed-nose']).toBe('(0.0, 12.0)');
    expect(v.text['t-nose']).toBe('(0.0, −12.0)');
    expect(v.text['miss-nose']).toBe('0.0 px');
  });

  it('dims the other branches when one is chosen, and announces only that one', () => {
    const s = state({ branch: 'knee' });
    const p = branchPatterns(s);
    const v = branchesView(s, p);
    expect(v.attrs['branch-knee']).toEqual({ 'data-dim': 'false' });
    expect(v.attrs['branch-nose']).toEqual({ 'data-dim': 'true' });
    expect(branchesAnnouncement(s, p)).toMatch(/^Left knee branch: offset \(/);
    expect(branchesAnnouncement(s, p)).not.toMatch(/Nose/);
  });
});
