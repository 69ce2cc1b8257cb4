/**
 * Stick people for chapter 7's figures: a 13-joint skeleton (COCO's body joints without the
 * eyes and ears), posed by four limb angles, scaled and placed in a scene. A person's centre
 * is the mean of its joints, as DEKR defines it.
 */
import { createRandom } from '../random.ts';
import type { Point } from '../stack.ts';
import type { ScenePerson } from './bottomUp.ts';

/** The joints of a stick person, in order. */
export const STICK_JOINTS = [
  'nose',
  'left shoulder',
  'right shoulder',
  'left elbow',
  'right elbow',
  'left wrist',
  'right wrist',
  'left hip',
  'right hip',
  'left knee',
  'right knee',
  'left ankle',
  'right ankle',
] as const;

/** A joint's name. */
export type StickJoint = (typeof STICK_JOINTS)[number];

/** The bones, as pairs of joint indices. */
export const STICK_BONES: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [1, 3],
  [3, 5],
  [2, 4],
  [4, 6],
  [1, 7],
  [2, 8],
  [7, 8],
  [7, 9],
  [9, 11],
  [8, 10],
  [10, 12],
];

/** The bones a stick figure is drawn with: all but the two from the nose, which a neck replaces. */
export const DRAWN_BONES: readonly (readonly [number, number])[] = STICK_BONES.filter(([a]) => a !== 0);

/** Limb angles in degrees, measured from hanging straight down; positive swings outward. */
export interface StickPose {
  leftArm: number;
  rightArm: number;
  leftLeg: number;
  rightLeg: number;
}

/** Standing with arms and legs slightly apart. */
export const REST_POSE: StickPose = { leftArm: 20, rightArm: 20, leftLeg: 8, rightLeg: 8 };

// Proportions as fractions of the height, the person facing the viewer (its left on the
// image's right). y grows downward, from the nose at 0 to the ankles at 1.
const SHOULDER = { x: 0.12, y: 0.16 };
const HIP = { x: 0.07, y: 0.52 };
const UPPER_ARM = 0.17;
const FOREARM = 0.16;
const THIGH = 0.24;
const SHIN = 0.24;

const limb = (root: Point, angle: number, side: 1 | -1, a: number, b: number, bend: number): [Point, Point] => {
  const t1 = (angle * Math.PI) / 180;
  const t2 = ((angle + bend) * Math.PI) / 180;
  const mid = { x: root.x + side * a * Math.sin(t1), y: root.y + a * Math.cos(t1) };
  return [mid, { x: mid.x + side * b * Math.sin(t2), y: mid.y + b * Math.cos(t2) }];
};

/**
 * A stick person of the given height (pixels) whose feet rest at `feet` (the midpoint
 * between the ankles at rest). Returns its joints and its centre, the joints' mean.
 */
export function stickPerson(feet: Point, height: number, pose: StickPose = REST_POSE): ScenePerson {
  const ls = { x: SHOULDER.x, y: SHOULDER.y };
  const rs = { x: -SHOULDER.x, y: SHOULDER.y };
  const lh = { x: HIP.x, y: HIP.y };
  const rh = { x: -HIP.x, y: HIP.y };
  const [le, lw] = limb(ls, pose.leftArm, 1, UPPER_ARM, FOREARM, 10);
  const [re, rw] = limb(rs, pose.rightArm, -1, UPPER_ARM, FOREARM, 10);
  const [lk, la] = limb(lh, pose.leftLeg, 1, THIGH, SHIN, -4);
  const [rk, ra] = limb(rh, pose.rightLeg, -1, THIGH, SHIN, -4);
  const unit = [{ x: 0, y: 0 }, ls, rs, le, re, lw, rw, lh, rh, lk, rk, la, ra];
  const top = feet.y - height;
  const joints = unit.map((p) => ({ x: feet.x + p.x * height, y: top + p.y * height }));
  return { centre: centreOf(joints), joints };
}

/** The mean of the joints: DEKR's person centre. */
export function centreOf(joints: readonly Point[]): Point {
  const n = Math.max(1, joints.length);
  return {
    x: joints.reduce((s, p) => s + p.x, 0) / n,
    y: joints.reduce((s, p) => s + p.y, 0) / n,
  };
}

/** The tight box around the joints. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The joints' bounding box, padded by `pad` × its size on every side. */
export function boxOf(joints: readonly Point[], pad = 0): Box {
  const xs = joints.map((p) => p.x);
  const ys = joints.map((p) => p.y);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  const w = Math.max(...xs) - x0;
  const h = Math.max(...ys) - y0;
  return { x: x0 - pad * w, y: y0 - pad * h, w: w * (1 + 2 * pad), h: h * (1 + 2 * pad) };
}

/** Settings of a seeded scene of stick people. */
export interface StickSceneInput {
  w: number;
  h: number;
  count: number;
  seed: number;
  /** Height range of the people, pixels. */
  minHeight: number;
  maxHeight: number;
}

/**
 * A scene of `count` people side by side, each in its own slot of the width, with a random
 * height and pose; shorter people stand further back (their feet higher), as in a photo.
 * Everyone stays at least 2 px inside the image.
 */
export function stickScene({ w, h, count, seed, minHeight, maxHeight }: StickSceneInput): ScenePerson[] {
  const random = createRandom(seed);
  const slot = w / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => {
    const depth = random.next();
    const height = maxHeight - depth * (maxHeight - minHeight);
    const feet = {
      x: slot * (i + 0.5) + random.uniform(-0.15, 0.15) * slot,
      y: h - 2 - depth * Math.max(0, h - 4 - height),
    };
    const pose: StickPose = {
      leftArm: random.uniform(10, 80),
      rightArm: random.uniform(10, 80),
      leftLeg: random.uniform(2, 25),
      rightLeg: random.uniform(2, 25),
    };
    // Slide the person sideways, if needed, to keep every joint at least 2 px inside the image.
    const person = stickPerson(feet, height, pose);
    const xs = person.joints.map((p) => p.x);
    const shift = Math.max(0, 2 - Math.min(...xs)) - Math.max(0, Math.max(...xs) - (w - 2));
    return shift === 0 ? person : stickPerson({ x: feet.x + shift, y: feet.y }, height, pose);
  });
}
