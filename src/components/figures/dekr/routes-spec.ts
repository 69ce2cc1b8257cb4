/** Figure 7.1: one seeded scene of stick people seen by the three routes to multi-person pose. */
import { buildRoutes } from '../../../lib/index.ts';
import { defineSpec, memoOn } from '../../ui/figure.ts';
import { pick } from '../../ui/params.ts';
import { reseed } from '../../ui/actions.ts';
import { ch7, ROUTES_SCENE, type Ch7State } from '../../state/ch7.ts';
import { routesAnnouncement, routesView } from './routes-view.ts';

/** Switching the route only changes what is shown; the scene depends on people and seed. */
const sceneOf = memoOn(['people', 'scene'], (s: Pick<Ch7State, 'people' | 'scene'>) =>
  buildRoutes({ w: ROUTES_SCENE.w, h: ROUTES_SCENE.h, count: s.people, seed: s.scene }),
);

export default defineSpec({
  name: 'routes',
  params: pick(ch7, 'route', 'people', 'scene'),
  build: sceneOf,
  view: (d, s) => {
    const view = routesView(d, s.route);
    return { ...view, attrs: { ...view.attrs, root: { 'data-route': s.route } } };
  },
  announce: (d, s) => routesAnnouncement(d, s.route),
  actions: { reseed: reseed('scene') },
});
