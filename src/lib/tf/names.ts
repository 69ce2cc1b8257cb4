/**
 * Chapter 8's names: its three heads and each head's decoding methods. The one source of
 * these lists for the model code (src/lib/tf), the figures and the state module; it imports
 * nothing, so the page (outside the worker) reads it without loading TensorFlow.js.
 */

/** The three heads: heatmaps with MSE, DSNT (soft-argmax), SimDR (two 1-D vectors). */
export const HEADS = ['heatmap', 'dsnt', 'simdr'] as const;
/** One head. */
export type Head = (typeof HEADS)[number];

/** Every decoding method, in the results table's order. */
export const METHOD_NAMES = ['argmax', 'quarter', 'dark', 'dsnt', 'simdr'] as const;
/** One decoding method. */
export type Method = (typeof METHOD_NAMES)[number];

/**
 * The decoding methods of each head: the heatmap head's maps go through argmax, the quarter
 * shift and DARK (chapters 2–4); DSNT's through its soft-argmax (chapter 5); SimDR's vectors
 * through their argmax over bins (chapter 6).
 */
export const METHODS: Readonly<Record<Head, readonly Method[]>> = {
  heatmap: ['argmax', 'quarter', 'dark'],
  dsnt: ['dsnt'],
  simdr: ['simdr'],
};
