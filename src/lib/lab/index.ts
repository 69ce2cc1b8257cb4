/** The Decoder Lab's library: inputs and their layout, ground truth (points and COCO files), decoding, metrics, exports, copy as code, the bundled sample, and a run: its settings, its files, its plan and its result. */
export * from './input.ts';
export * from './layout.ts';
export * from './simccInput.ts';
export * from './coco.ts';
export * from './groundTruth.ts';
export * from './decode.ts';
export * from './metrics.ts';
export * from './export.ts';
export * from './copyAsCode.ts';
export * from './sample.ts';
export * from './run.ts';
export * from './files.ts';
export * from './pairing.ts';
export * from './topdown.ts';
export * from './plan.ts';
export * from './result.ts';
export * from './codeSettings.ts';
