/** The URL-mirrored state of chapter 8's figures. */
import { HEADS_LIST, type HeadName } from './names.ts';
import { choiceParam, numberParam, type Schema } from '../../ui/params.ts';

export interface ModelState {
  head: HeadName;
  target: 'unbiased' | 'biased';
  /** The gallery's selected sample. */
  sample: number;
}

export const modelSchema: Schema<ModelState> = {
  head: choiceParam(HEADS_LIST, 'heatmap'),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
  sample: numberParam({ default: 0, min: 0, max: 7, integer: true }),
};

/** Gallery samples. */
export const GALLERY = 8;
