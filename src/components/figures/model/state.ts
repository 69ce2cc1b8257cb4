/** The URL-mirrored state of chapter 8's figures. */
import { HEADS_LIST, type HeadName } from './names.ts';
import { choiceParam, numberParam, type Schema } from '../../ui/params.ts';

export interface ModelState {
  head: HeadName;
  /** Input size of the reader's training: 64 (shipped models exist) or 128 (train to see). */
  size: '64' | '128';
  target: 'unbiased' | 'biased';
  /** The gallery's selected sample. */
  sample: number;
}

export const modelSchema: Schema<ModelState> = {
  head: choiceParam(HEADS_LIST, 'heatmap'),
  size: choiceParam(['64', '128'] as const, '64'),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
  sample: numberParam({ default: 0, min: 0, max: 7, integer: true }),
};

/** Gallery samples. */
export const GALLERY = 8;
