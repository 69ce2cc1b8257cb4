/** The URL-mirrored state of chapter 10's figures (toolkit conventions), one schema for the chapter's store. */
import {
  BORDER_SETTING,
  FIGURE_BORDER_RULES,
  FLIP_SETTING,
  INPUT_MAPPINGS,
  SCORE_CONVENTIONS,
  UDP_FIGURE,
  type FigureBorderRule,
  type FlipShift,
  type InputMapping,
  type ScoreConvention,
} from '../../lib/index.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

/** The strides figure 10.1 offers, as URL values. */
export const UDP_STRIDES = ['2', '4', '8'] as const;
/** The flip test's shifts, as URL values. */
export const FLIP_SHIFT_VALUES = ['0', '1', '2'] as const;

export interface Ch10State {
  // Figure 10.1: the keypoint on the 32 × 24 crop (input px) and the stride.
  x: number;
  y: number;
  stride: (typeof UDP_STRIDES)[number];
  // Figure 10.2: the keypoint on the 192 × 256 crop (input px), the input mapping and the shift.
  fx: number;
  fy: number;
  mapping: InputMapping;
  shift: (typeof FLIP_SHIFT_VALUES)[number];
  // Figure 10.3: the score threshold and the convention whose scores the scatter shows.
  threshold: number;
  score: ScoreConvention;
  // Figure 10.4: the keypoint on the 16 × 12 map (cells) and the rule whose zone is shaded.
  bx: number;
  by: number;
  rule: FigureBorderRule;
}

const { inputW, inputH } = UDP_FIGURE;
const { keypoint: flipBox } = FLIP_SETTING;

export const ch10: Schema<Ch10State> = {
  x: numberParam({ default: 9.3, min: 0, max: inputW - 1 }),
  y: numberParam({ default: 13.6, min: 0, max: inputH - 1 }),
  stride: choiceParam(UDP_STRIDES, '4'),
  fx: numberParam({ default: 97.3, min: flipBox.minX, max: flipBox.maxX }),
  fy: numberParam({ default: 129.4, min: flipBox.minY, max: flipBox.maxY }),
  mapping: choiceParam(INPUT_MAPPINGS, 'stride'),
  shift: choiceParam(FLIP_SHIFT_VALUES, '1'),
  threshold: numberParam({ default: 0.3, min: 0, max: 2, digits: 2 }),
  score: choiceParam(SCORE_CONVENTIONS, 'heatmapMax'),
  bx: numberParam({ default: 14.3, min: -0.45, max: BORDER_SETTING.w - 0.55 }),
  by: numberParam({ default: 5.6, min: -0.45, max: BORDER_SETTING.h - 0.55 }),
  rule: choiceParam(FIGURE_BORDER_RULES, 'mmposeQuarter'),
};

/** The shift of a state as the library's number. */
export const flipShiftOf = (s: Readonly<Pick<Ch10State, 'shift'>>): FlipShift => Number(s.shift) as FlipShift;
