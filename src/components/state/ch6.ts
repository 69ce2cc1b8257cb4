/** The URL-mirrored state of chapter 6's figures (SimDR). */
import type { Point, SimdrLabelKind } from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';
import { cropPointParams } from './keypoint.ts';

export const SPLIT_RATIOS = ['1', '2', '3', '4'] as const;

/** The keypoint on the 192×256 crop (`x`, `y`, input px), then chapter 6's settings. */
export interface Ch6State extends Point {
  k: (typeof SPLIT_RATIOS)[number];
  label: SimdrLabelKind;
  /** Gaussian label σ (bins) and smoothing ε. */
  sigma: number;
  eps: number;
  /** The prediction of figure 6.3: its shift from the truth (input px) and width (bins). */
  shift: number;
  width: number;
}

export const ch6: Schema<Ch6State> = {
  ...cropPointParams({ x: 101.37, y: 143.82 }),
  k: choiceParam(SPLIT_RATIOS, '2'),
  label: choiceParam(['onehot', 'smooth', 'gauss'] as const, 'gauss'),
  sigma: numberParam({ default: 6, min: 0.5, max: 8, digits: 1, step: 0.5 }),
  eps: numberParam({ default: 0.1, min: 0, max: 0.3, digits: 2 }),
  shift: numberParam({ default: 1.5, min: -8, max: 8, digits: 2, step: 0.25 }),
  width: numberParam({ default: 2, min: 0.5, max: 8, digits: 1, step: 0.5 }),
};

export const LABEL_NAMES: Record<SimdrLabelKind, string> = {
  onehot: 'One-hot (SimDR)',
  smooth: 'Label-smoothed',
  gauss: 'Gaussian (SA-SimDR)',
};
