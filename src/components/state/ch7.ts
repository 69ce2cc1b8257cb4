/** The URL-mirrored state of chapter 7's figures (DEKR), one schema for the chapter's store. */
import { ROUTES, STICK_JOINTS, stickPerson, type Point, type Route } from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

/** The branches the multi-branch figure draws: the paper's figure 2 shows these four. */
export const BRANCHES = ['nose', 'shoulder', 'knee', 'ankle'] as const;
export type Branch = (typeof BRANCHES)[number];
/** Each branch's joint, as an index into STICK_JOINTS. */
export const BRANCH_JOINT: Record<Branch, number> = {
  nose: STICK_JOINTS.indexOf('nose'),
  shoulder: STICK_JOINTS.indexOf('left shoulder'),
  knee: STICK_JOINTS.indexOf('left knee'),
  ankle: STICK_JOINTS.indexOf('left ankle'),
};

/** The stages of bottom-up decoding, in order. */
export const STAGES = ['centres', 'nms', 'poses', 'rescore', 'posenms'] as const;
export type Stage = (typeof STAGES)[number];

export interface Ch7State {
  // Figure 7.3, adaptive convolution: A from scale, rotation and shear; the translation t.
  scale: number;
  rotation: number;
  shear: number;
  tx: number;
  ty: number;
  // Figure 7.1, the three routes.
  route: Route;
  people: number;
  scene: number;
  // Figure 7.4, multi-branch patterns: which branches, how far the taps reach, how wide
  // they spread, and the four joints (feature px).
  branch: 'all' | Branch;
  reach: number;
  spread: number;
  nx: number;
  ny: number;
  sx: number;
  sy: number;
  kx: number;
  ky: number;
  ax: number;
  ay: number;
  // Figure 7.2, bottom-up decoding.
  stage: Stage;
  cnoise: number;
  onoise: number;
  seed: number;
  // Figure 7.5, the size-normalised loss.
  small: number;
  large: number;
  err: number;
}

/** The feature map of the adaptive-convolution figure and its selected pixel. */
export const ADAPTIVE_GRID = { w: 11, h: 11, pixel: { x: 5, y: 5 } } as const;
/** The scene of the routes figure, pixels. */
export const ROUTES_SCENE = { w: 160, h: 90, maxPeople: 6 } as const;
/** The feature map of the multi-branch figure and the pixel q where its person's centre peaks. */
export const BRANCH_GRID = { w: 25, h: 31, q: { x: 12, y: 15 } } as const;
/** The person of the multi-branch figure, 26 px tall, its centre in the cell q. */
export const BRANCH_PERSON = stickPerson({ x: 12, y: 28.5 }, 26);
const branchDefault = (b: Branch, axis: keyof Point): number =>
  Number((BRANCH_PERSON.joints[BRANCH_JOINT[b]] as Point)[axis].toFixed(2));
/** The map of the decoding stepper: stride-4 output of a 256 × 192 image. */
export const DECODE_GRID = { w: 64, h: 48, people: 3 } as const;

const px = (b: Branch, axis: keyof Point) =>
  numberParam({
    default: branchDefault(b, axis),
    min: 0,
    max: (axis === 'x' ? BRANCH_GRID.w : BRANCH_GRID.h) - 1,
    digits: 2,
  });

export const ch7: Schema<Ch7State> = {
  scale: numberParam({ default: 1.6, min: 0.5, max: 2.5, digits: 2, step: 0.05 }),
  rotation: numberParam({ default: 20, min: -180, max: 180, digits: 0, step: 5 }),
  shear: numberParam({ default: 0, min: -1, max: 1, digits: 2, step: 0.05 }),
  tx: numberParam({ default: 1.3, min: -3.5, max: 3.5, digits: 2 }),
  ty: numberParam({ default: -0.6, min: -3.5, max: 3.5, digits: 2 }),
  route: choiceParam(ROUTES, 'dense'),
  people: numberParam({ default: 4, min: 1, max: ROUTES_SCENE.maxPeople, integer: true }),
  scene: numberParam({ default: 3, min: 1, max: 9999, integer: true }),
  branch: choiceParam(['all', ...BRANCHES] as const, 'all'),
  reach: numberParam({ default: 0.85, min: 0, max: 1, digits: 2, step: 0.05 }),
  spread: numberParam({ default: 1.5, min: 0.5, max: 4, digits: 1 }),
  nx: px('nose', 'x'),
  ny: px('nose', 'y'),
  sx: px('shoulder', 'x'),
  sy: px('shoulder', 'y'),
  kx: px('knee', 'x'),
  ky: px('knee', 'y'),
  ax: px('ankle', 'x'),
  ay: px('ankle', 'y'),
  stage: choiceParam(STAGES, 'centres'),
  cnoise: numberParam({ default: 0.03, min: 0, max: 0.1, digits: 3, step: 0.005 }),
  onoise: numberParam({ default: 0.4, min: 0, max: 2, digits: 1 }),
  seed: numberParam({ default: 4, min: 1, max: 9999, integer: true }),
  small: numberParam({ default: 40, min: 16, max: 128, integer: true }),
  large: numberParam({ default: 240, min: 128, max: 480, integer: true }),
  err: numberParam({ default: 5, min: 0, max: 20, digits: 1, step: 0.5 }),
};

/** The state's keys of each branch's joint. */
export const BRANCH_KEYS: Record<Branch, readonly ['nx' | 'sx' | 'kx' | 'ax', 'ny' | 'sy' | 'ky' | 'ay']> = {
  nose: ['nx', 'ny'],
  shoulder: ['sx', 'sy'],
  knee: ['kx', 'ky'],
  ankle: ['ax', 'ay'],
};

/** The joint of a branch in a state. */
export function branchJoint(s: Readonly<Pick<Ch7State, (typeof BRANCH_KEYS)[Branch][number]>>, b: Branch): Point {
  const [kx, ky] = BRANCH_KEYS[b];
  return { x: s[kx], y: s[ky] };
}
