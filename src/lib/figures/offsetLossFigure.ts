/**
 * Figure data for DEKR's size-normalised offset loss (chapter 7): the same joint error costs
 * a small person more than a large one, because the smooth-L1 loss is divided by the
 * diagonal of the person's box.
 */
import { offsetLoss } from '../dekr.ts';
import type { Point } from '../stack.ts';
import { boxOf, stickPerson } from './stickPeople.ts';

/** One person of the comparison. */
export interface LossPerson {
  height: number;
  joints: Point[];
  /** The box's diagonal √(w² + h²), pixels. */
  diagonal: number;
  /** The offset loss of the person with one joint off by the error. */
  loss: number;
  /** The loss without the size normalisation (the plain smooth L1). */
  plain: number;
  /** The error as a fraction of the person's height. */
  relative: number;
}

/** A point of the loss-against-size curve. */
export interface LossCurvePoint {
  height: number;
  loss: number;
}

/** Settings of the loss figure. */
export interface OffsetLossInput {
  /** Heights of the small and the large person, pixels. */
  small: number;
  large: number;
  /** The error of one joint (the left wrist), pixels, along x. */
  error: number;
  /** Heights at which the curve is sampled (log-spaced between these). */
  curveFrom?: number;
  curveTo?: number;
  curveSteps?: number;
}

/** The two people and the curve of loss against height for the same error. */
export interface OffsetLossData {
  small: LossPerson;
  large: LossPerson;
  /** small.loss / large.loss. */
  ratio: number;
  curve: LossCurvePoint[];
}

/** The joint the figure moves: the left wrist. */
export const LOSS_JOINT = 5;

const personLoss = (height: number, error: number): LossPerson => {
  const { joints } = stickPerson({ x: 0, y: height }, height);
  const pred = joints.map((p, i) => (i === LOSS_JOINT ? { x: p.x + error, y: p.y } : p));
  const box = boxOf(joints);
  const loss = offsetLoss(pred, joints, box.w, box.h);
  const diagonal = Math.hypot(box.w, box.h);
  return {
    height,
    joints,
    diagonal,
    loss,
    plain: loss * diagonal,
    relative: error / height,
  };
};

/** Builds the comparison of a small and a large person with the same joint error. */
export function buildOffsetLoss({
  small,
  large,
  error,
  curveFrom = 16,
  curveTo = 512,
  curveSteps = 48,
}: OffsetLossInput): OffsetLossData {
  const a = personLoss(small, error);
  const b = personLoss(large, error);
  const curve = Array.from({ length: curveSteps }, (_, i) => {
    const height = curveFrom * (curveTo / curveFrom) ** (i / (curveSteps - 1));
    return { height, loss: personLoss(height, error).loss };
  });
  return { small: a, large: b, ratio: b.loss > 0 ? a.loss / b.loss : 1, curve };
}
