/** The URL-mirrored state of the quarter-shift figure (chapter 3). */
import type { TargetKind } from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

export interface Ch3State {
  /** The keypoint's offset from its cell centre, heatmap px (kept off the cell's edge). */
  u: number;
  v: number;
  sigma: number;
  target: TargetKind;
}

export const ch3: Schema<Ch3State> = {
  u: numberParam({ default: 0.3, min: -0.49, max: 0.49, digits: 3 }),
  v: numberParam({ default: 0.15, min: -0.49, max: 0.49, digits: 3 }),
  sigma: numberParam({ default: 2, min: 0.5, max: 4, digits: 1 }),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
};
