import { describe, expect, it } from 'vitest';
import { buildRoutes, STICK_BONES } from '../../../../src/lib/index.ts';
import { routesAnnouncement, routesView } from '../../../../src/components/figures/dekr/routes-view.ts';

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
