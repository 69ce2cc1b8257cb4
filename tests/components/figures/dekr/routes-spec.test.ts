import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/figures/dekr/routes-spec.ts';
import { routesAnnouncement } from '../../../../src/components/figures/dekr/routes-view.ts';
import { ROUTES_SCENE } from '../../../../src/components/state/ch7.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { buildRoutes } from '../../../../src/lib/index.ts';
import { act } from '../spec-parts.ts';

describe('figure 7.1’s reseed action', () => {
  it('draws the next scene, and the first after scene 9999', () => {
    expect(act(spec, 'reseed', { scene: 3 })).toEqual({ scene: 4 });
    expect(act(spec, 'reseed', { scene: 9999 })).toEqual({ scene: 1 });
  });

  it('announces the new scene’s people and work, as the library builds it', () => {
    const state = { route: 'grouping' as const, people: 4, scene: 3 };
    const { data, state: moved } = renderFigure(spec, { state: { ...state, ...act(spec, 'reseed', state) } });
    const scene = buildRoutes({ w: ROUTES_SCENE.w, h: ROUTES_SCENE.h, count: 4, seed: 4 });
    expect(spec.announce!(data, moved)).toBe(routesAnnouncement(scene, 'grouping'));
  });
});
