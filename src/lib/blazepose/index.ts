export * from './model.ts';
export * from './outputs.ts';
export * from './crop.ts';
export * from './refine.ts';
export * from './decode.ts';
export * from './shiftTest.ts';
export * from './photo.ts';
