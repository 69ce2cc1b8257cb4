/**
 * A keypoint on the 192×256 crop and the target σ: the state shared by the figures of
 * chapter 1 (and any figure that follows the same keypoint).
 */
import { numberParam, type Schema } from '../../ui/params.ts';

export interface KeypointState {
  /** Keypoint, input pixels. */
  x: number;
  y: number;
  /** Target σ, heatmap pixels. */
  sigma: number;
}

export const keypointSchema: Schema<KeypointState> = {
  x: numberParam({ default: 141.3, min: 0, max: 191.9 }),
  y: numberParam({ default: 109.6, min: 0, max: 255.9 }),
  sigma: numberParam({ default: 2, min: 0.5, max: 4, digits: 1 }),
};
