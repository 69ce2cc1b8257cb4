import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { branchPattern, buildRoutes, STICK_BONES } from '../../../../src/lib/index.ts';
import {
  branchesAnnouncement,
  branchesView,
  branchPatterns,
} from '../../../../src/components/figures/dekr/branches-view.ts';
import { decodeData, decodeView, PEAK_SLOTS } from '../../../../src/components/figures/dekr/decode-view.ts';
import { lossChart, lossData, lossView } from '../../../../src/components/figures/dekr/loss-view.ts';
import { routesAnnouncement, routesView } from '../../../../src/components/figures/dekr/routes-view.ts';
import { defaultsOf } from '../../../../src/components/ui/params.ts';
import { BRANCH_GRID, ch7, type Ch7State } from '../../../../src/components/state/ch7.ts';

const defaults = defaultsOf(ch7);
const state = (patch: Partial<Ch7State> = {}): Ch7State => ({ ...defaults, ...patch });
/** Every number in an SVG path or transform, so that a typographic minus cannot slip in. */
const numbersOf = (text: string) => text.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];

describe('routesView(data, route)', () => {
  const d = buildRoutes({ w: 160, h: 90, count: 3, seed: 3 });

  it('shows the people of the scene and hides the empty slots', () => {
    const v = routesView(d, 'dense');
    expect(v.attrs['person-2']).toEqual({ visibility: 'visible' });
    expect(v.attrs['person-3']).toEqual({ visibility: 'hidden' });
    expect(v.attrs['bones-0']?.d).not.toMatch(/−/);
  });

  it('draws N² candidate pairs for grouping and reports each route’s work', () => {
    const v = routesView(d, 'grouping');
    expect(v.attrs.candidates?.d?.match(/M/g)).toHaveLength(9);
    expect(v.text['passes-top-down']).toBe('4');
    expect(v.text['pairings-grouping']).toBe(String(STICK_BONES.length * 9));
    expect(v.attrs['row-grouping']).toEqual({ 'aria-current': 'true' });
    expect(v.text['route-text']).toContain('3 × 3 = 9');
    expect(routesAnnouncement(d, 'top-down')).toBe('Top-down, 3 people: 4 network passes, 0 candidate pairs to score.');
  });
});

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
    expect(v.text['regressed-nose']).toBe('(0.0, 12.0)');
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

describe('lossView(data, error)', () => {
  const d = lossData(state({ small: 32, large: 256, err: 5 }));

  it('draws both people at one scale, the error circle of the error’s radius', () => {
    const v = lossView(d, 5);
    expect(v.attrs['small-error']?.r).toBe('5.00');
    expect(v.attrs['large-error']?.r).toBe('5.00');
    // The box holds the large person (256 px to the nose, a head of 6 % of that above it) and
    // 12 px of margin above and below.
    const [, , , h] = numbersOf(v.attrs.people!.viewBox!);
    expect(h).toBeCloseTo(256 * 1.06 + 24, 1);
    expect(Number(v.attrs['large-head']?.r)).toBeCloseTo(0.06 * 256, 2);
    expect(Number(v.attrs['large-head']?.cy) - Number(v.attrs['large-head']?.r)).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(v.text.ratio).toBe("The same wrist error on both: the small person's loss is 8.0 times the large one's.");
  });

  it('charts loss against height with both people marked', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = lossChart(d, { width: 480, document: document as unknown as Document });
    expect(svg.querySelector('style')).toBeNull();
    expect(svg.querySelectorAll('.person-small circle, circle.person-small').length).toBeGreaterThan(0);
    expect(svg.getAttribute('aria-description')).toContain('at 32 px');
  });
});
