/**
 * A keypoint on the 192×256 crop, the target σ and the target kind: the state shared by the
 * figures that follow one keypoint through a chapter. Chapter 1 shows no control for the
 * target kind; a link may still set it.
 */
import type { TargetKind } from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

export interface KeypointState {
  /** Keypoint, input pixels. */
  x: number;
  y: number;
  /** Target σ, heatmap pixels. */
  sigma: number;
  target: TargetKind;
}

export const keypointSchema: Schema<KeypointState> = {
  x: numberParam({ default: 141.3, min: 0, max: 191.9 }),
  y: numberParam({ default: 109.6, min: 0, max: 255.9 }),
  sigma: numberParam({ default: 2, min: 0.5, max: 4, digits: 1 }),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
};
