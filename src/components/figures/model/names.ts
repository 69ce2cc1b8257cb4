/**
 * Names of chapter 8's heads and decoding methods, kept apart from src/lib/tf so that the
 * page's own code (outside the worker) never pulls TensorFlow.js in.
 */
export const HEADS_LIST = ['heatmap', 'dsnt', 'simdr'] as const;
export type HeadName = (typeof HEADS_LIST)[number];

export const HEAD_LABELS: Record<HeadName, string> = {
  heatmap: 'Heatmap (MSE)',
  dsnt: 'DSNT (soft-argmax)',
  simdr: 'SimDR (1-D vectors)',
};

/** Each head's decoding methods, as src/lib/tf/predict.ts names them. */
export const HEAD_METHODS: Record<HeadName, readonly string[]> = {
  heatmap: ['argmax', 'quarter', 'dark'],
  dsnt: ['dsnt'],
  simdr: ['simdr'],
};

export const METHOD_LABELS: Record<string, string> = {
  argmax: 'argmax',
  quarter: 'quarter shift',
  dark: 'DARK',
  dsnt: 'soft-argmax',
  simdr: 'SimDR argmax',
};
