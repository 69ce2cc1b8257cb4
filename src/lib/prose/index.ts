/** Computed numbers for the chapters' prose: the registry, its lookup and how values print. */
export * from './format.ts';
export * from './values.ts';
export * from './lookup.ts';
