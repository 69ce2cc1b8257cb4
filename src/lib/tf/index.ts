/** Chapter 8's TensorFlow.js code; the only part of the site that imports TensorFlow.js. */
export * from './model.ts';
export * from './train.ts';
export type { Batch } from '../synth/batch.ts';
export { HELD_OUT, heldOut, LIVE_EVALUATION, makeBatch } from '../synth/batch.ts';
export * from './predict.ts';
export * from './weights.ts';
export * from './session.ts';
export * from './measure.ts';
export * from './bench.ts';
