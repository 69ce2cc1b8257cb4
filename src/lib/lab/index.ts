/** The Decoder Lab's library: inputs, ground truth, decoding, exports and the bundled sample. */
export * from './input.ts';
export * from './groundTruth.ts';
export * from './decode.ts';
export * from './export.ts';
export * from './sample.ts';
