/** The URL-mirrored state of chapter 8's figures. */
import { HEADS, METHOD_NAMES, type Head, type Method } from '../../lib/tf/names.ts';
import { choiceParam, numberParam, type Schema } from '../ui/params.ts';

export interface Ch8State {
  head: Head;
  /** Input size of the reader's training (shipped models exist at both). */
  size: '64' | '128';
  target: 'unbiased' | 'biased';
  /** The gallery's selected sample. */
  sample: number;
  /** The galleries' marks: every decoder's, or one decoder's alone beside the truth. */
  only: 'all' | Method;
}

export const ch8: Schema<Ch8State> = {
  head: choiceParam(HEADS, 'heatmap'),
  size: choiceParam(['64', '128'] as const, '64'),
  target: choiceParam(['unbiased', 'biased'] as const, 'unbiased'),
  sample: numberParam({ default: 0, min: 0, max: 7, integer: true }),
  only: choiceParam(['all', ...METHOD_NAMES] as const, 'all'),
};

/** Gallery samples. */
export const GALLERY = 8;
/** The gallery's seed (apart from the held-out set's); the worker and the page draw the same samples. */
export const GALLERY_SEED = 4242;
/** Input sizes the shipped models come in; the gallery shows the first. */
export const SIZES: readonly number[] = [64, 128];
