/** A Lab run for the tests: two heatmap decoders, one SimCC decoder, the flip test with one pair. */
import type { LabRun } from '../../../src/lib/index.ts';

export const RUN: LabRun = {
  convention: 'reference',
  mapping: 'stride',
  decoders: ['argmax', 'dark'],
  simccDecoders: ['simccArgmax'],
  kernel: 11,
  beta: 20,
  stride: 4,
  units: 'input',
  splitRatio: 2,
  sigma: [6, 6],
  flip: 1,
  pairs: [[1, 2]],
  sigmas: [],
  names: [],
  bboxScoreThr: 0,
};
