/**
 * Figure data for chapter 7's comparison of the three routes to multi-person pose: top-down
 * (detect people, then run a single-person model on each crop), bottom-up by grouping
 * (detect every joint once, then assemble people) and dense regression (DEKR: find person
 * centres once and regress every joint from its centre). The counts are the work each route
 * does for the scene: network passes and grouping decisions.
 */
import type { ScenePerson } from './bottomUp.ts';
import { boxOf, STICK_BONES, STICK_JOINTS, stickScene, type Box } from './stickPeople.ts';

/** The three routes, in the order the figure shows them. */
export const ROUTES = ['top-down', 'grouping', 'dense'] as const;
/** One route's id. */
export type Route = (typeof ROUTES)[number];

/** The work one route does on a scene. */
export interface RouteCost {
  /** Network passes: the detector plus one per crop, or one for the whole image. */
  passes: number;
  /** Pairs of joint candidates scored to assemble people (zero when no grouping is needed). */
  pairings: number;
}

/** Settings of the routes figure. */
export interface RoutesInput {
  w: number;
  h: number;
  count: number;
  seed: number;
}

/** The scene and what each route does with it. */
export interface RoutesData {
  people: ScenePerson[];
  /** Each person's detection box (the joints' box padded by 15 %). */
  boxes: Box[];
  cost: Record<Route, RouteCost>;
}

/**
 * Builds the scene and counts each route's work: top-down runs 1 + N passes; grouping
 * runs one pass and scores N² candidate pairs per bone type (every detected joint of one
 * type against every joint of the next); dense regression runs one pass and groups nothing,
 * because each centre's offsets already say which joints are its own.
 */
export function buildRoutes({ w, h, count, seed }: RoutesInput): RoutesData {
  const people = stickScene({ w, h, count, seed, minHeight: 0.45 * h, maxHeight: 0.85 * h });
  const n = people.length;
  return {
    people,
    boxes: people.map((p) => boxOf(p.joints, 0.15)),
    cost: {
      'top-down': { passes: 1 + n, pairings: 0 },
      grouping: { passes: 1, pairings: STICK_BONES.length * n * n },
      dense: { passes: 1, pairings: 0 },
    },
  };
}

/** The number of joints each person has in these figures. */
export const STICK_JOINT_COUNT = STICK_JOINTS.length;
