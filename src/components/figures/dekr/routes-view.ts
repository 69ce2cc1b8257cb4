/** From the routes data to what figure 7.1 shows. */
import { DRAWN_BONES, ROUTES, STICK_BONES, type Route, type RoutesData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { num } from '../../ui/format.ts';
import { ROUTES_SCENE } from '../../state/ch7.ts';

export const ROUTE_LABELS: Record<Route, string> = {
  'top-down': 'Top-down',
  grouping: 'Grouping',
  dense: 'Dense regression',
};

/** The bone whose candidate pairs the grouping route draws: left shoulder to left elbow. */
export const SHOWN_BONE = STICK_BONES.findIndex(([a, b]) => a === 1 && b === 3);

const segment = (a: { x: number; y: number }, b: { x: number; y: number }): string =>
  `M${num(a.x, 2)} ${num(a.y, 2)}L${num(b.x, 2)} ${num(b.y, 2)}`;

/** The stick figure's lines: every bone but the two from the nose, which a neck replaces. */
export function figurePath(joints: readonly { x: number; y: number }[]): string {
  const [nose, ls, rs] = [joints[0]!, joints[1]!, joints[2]!];
  const neck = { x: (ls.x + rs.x) / 2, y: (ls.y + rs.y) / 2 };
  return [segment(nose, neck), ...DRAWN_BONES.map(([a, b]) => segment(joints[a]!, joints[b]!))].join('');
}

function routeText(d: RoutesData, route: Route): string {
  const n = d.people.length;
  const people = n === 1 ? 'one person' : `${n} people`;
  switch (route) {
    case 'top-down':
      return `A detector finds ${people}; each box is cropped, resized to the single-person model's input and decoded on its own. That is ${d.cost['top-down'].passes} network passes, and every joint belongs to its crop.`;
    case 'grouping':
      return `One pass finds every joint in the image, but not whose it is. To assemble people, each of the ${STICK_BONES.length} bone types scores every candidate pair: ${n} × ${n} = ${n * n} for the left upper arm drawn here, ${d.cost.grouping.pairings} in all.`;
    case 'dense':
      return `One pass finds the person centres; at each, the network regresses the offsets to that person's joints (the lines from the cross). Every joint belongs to the centre that regressed it, so nothing is grouped. DEKR takes this route.`;
  }
}

export function routesView(d: RoutesData, route: Route): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  for (let i = 0; i < ROUTES_SCENE.maxPeople; i++) {
    const person = d.people[i];
    if (!person) {
      attrs[`person-${i}`] = { visibility: 'hidden' };
      continue;
    }
    attrs[`person-${i}`] = { visibility: 'visible' };
    attrs[`bones-${i}`] = { d: figurePath(person.joints) };
    attrs[`head-${i}`] = {
      cx: num(person.joints[0]!.x, 2),
      cy: num(person.joints[0]!.y, 2),
      r: num(0.3 * Math.hypot(person.joints[1]!.x - person.joints[2]!.x, person.joints[1]!.y - person.joints[2]!.y), 2),
    };
    attrs[`joints-${i}`] = {
      d: person.joints.map((p) => `M${num(p.x, 2)} ${num(p.y, 2)}h0`).join(''),
    };
    attrs[`vectors-${i}`] = { d: person.joints.map((p) => segment(person.centre, p)).join('') };
    attrs[`centre-${i}`] = { transform: `translate(${num(person.centre.x, 2)} ${num(person.centre.y, 2)})` };
    const box = d.boxes[i]!;
    attrs[`box-${i}`] = { x: num(box.x, 2), y: num(box.y, 2), width: num(box.w, 2), height: num(box.h, 2) };
    attrs[`crop-${i}`] = { x: num(box.x + 1.2, 2), y: num(box.y + 4.6, 2) };
    text[`crop-${i}`] = `pass ${i + 2}`;
  }
  // Grouping: every left shoulder against every left elbow.
  const [a, b] = STICK_BONES[SHOWN_BONE]!;
  attrs.candidates = {
    d: d.people.flatMap((p) => d.people.map((q) => segment(p.joints[a]!, q.joints[b]!))).join(''),
  };
  for (const r of ROUTES) {
    attrs[`row-${r}`] = { 'aria-current': r === route ? 'true' : 'false' };
    text[`passes-${r}`] = String(d.cost[r].passes);
    text[`pairings-${r}`] = String(d.cost[r].pairings);
  }
  text['route-text'] = routeText(d, route);
  return { attrs, text };
}

export function routesAnnouncement(d: RoutesData, route: Route): string {
  const c = d.cost[route];
  return `${ROUTE_LABELS[route]}, ${d.people.length} ${d.people.length === 1 ? 'person' : 'people'}: ${c.passes} network ${c.passes === 1 ? 'pass' : 'passes'}, ${c.pairings} candidate pairs to score.`;
}
