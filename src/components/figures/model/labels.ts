/**
 * What chapter 8's figures call its heads and decoding methods. The lists themselves are
 * src/lib/tf/names.ts's (TensorFlow.js-free): typed as complete records over them, these
 * labels cannot fall out of step with the model code.
 */
import type { Head, Method } from '../../../lib/tf/names.ts';

export const HEAD_LABELS: Readonly<Record<Head, string>> = {
  heatmap: 'Heatmap (MSE)',
  dsnt: 'DSNT (soft-argmax)',
  simdr: 'SimDR (1-D vectors)',
};

/** A head's name in a sentence ("the DSNT head"). */
export const HEAD_NAMES: Readonly<Record<Head, string>> = { heatmap: 'heatmap', dsnt: 'DSNT', simdr: 'SimDR' };

export const METHOD_LABELS: Readonly<Record<Method, string>> = {
  argmax: 'argmax',
  quarter: 'quarter shift',
  dark: 'DARK',
  dsnt: 'soft-argmax',
  simdr: 'SimDR argmax',
};
