/**
 * Figure data for DEKR's multi-branch regression (chapter 7): each joint has its own branch,
 * and each branch its own adaptive sampling pattern at the person's centre q. The figure
 * sets each pattern by hand to show the idea of the paper's figure 2: the nine taps are
 * centred `reach` of the way from q toward the joint (t = reach · (joint − q)), turned to
 * face the joint and spread `spread` pixels around that point (A = spread · R). A trained
 * network learns its own A and t per pixel; these are illustrations, not learned values.
 */
import { adaptiveOffsets, samplingPoints, type Affine, type Translation } from '../dekr.ts';
import type { Point } from '../stack.ts';

/** One branch's hand-set pattern. */
export interface BranchPattern {
  joint: Point;
  affine: Affine;
  translation: Translation;
  /** The nine sampling points q + A·G_n + t. */
  taps: Point[];
  /** The 18 offsets in torchvision's (dy, dx) layout. */
  offsets: Float64Array;
  /** The offset this branch regresses at q, DEKR's pixel − joint, (x, y). */
  regressed: Point;
  /** Distance from the taps' middle to the joint, pixels. */
  miss: number;
}

/**
 * The pattern of one branch: A = spread · R(θ), with θ the direction from q to the joint
 * (in (dy, dx) coordinates, so that the grid's x axis points at the joint), t = reach ·
 * (joint − q).
 */
export function branchPattern(q: Point, joint: Point, reach: number, spread: number): BranchPattern {
  const dx = joint.x - q.x;
  const dy = joint.y - q.y;
  const length = Math.hypot(dx, dy);
  // Below 1e-9 px the direction is meaningless (and denormal division is not unit length).
  const ux = length > 1e-9 ? dx / length : 1;
  const uy = length > 1e-9 ? dy / length : 0;
  // The grid's x axis (gx) maps to the unit direction u, its y axis (gy) to u turned by 90°.
  const affine: Affine = [spread * ux, spread * uy, -spread * uy, spread * ux];
  const translation: Translation = [reach * dy, reach * dx];
  const taps = samplingPoints(q, affine, translation);
  const middle = taps[4] as Point;
  return {
    joint,
    affine,
    translation,
    taps,
    offsets: adaptiveOffsets(affine, translation),
    regressed: { x: q.x - joint.x, y: q.y - joint.y },
    miss: Math.hypot(middle.x - joint.x, middle.y - joint.y),
  };
}
