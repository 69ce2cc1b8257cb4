/**
 * The TensorFlow.js calls of chapter 8's worker (`src/lib/tf`), as one object. The entry
 * (`train-worker.ts`) hands the real ones to the worker's parts, which import only their types:
 * TF.js is loaded in one place, and a test runs the parts on fakes.
 */
import type * as backends from '../../../../lib/tf/backends.ts';
import type * as tf from '../../../../lib/tf/index.ts';

/** The calls, by the names `src/lib/tf` gives them. */
export type TfRuntime = Pick<
  typeof backends,
  'applyPageFlags' | 'chooseBackend' | 'dropBackend' | 'loseWebglContext' | 'webglContextLost'
> &
  Pick<
    typeof tf,
    | 'currentBackend'
    | 'decodeWeights'
    | 'deserializeModel'
    | 'disposeModel'
    | 'endSession'
    | 'evaluateInSlices'
    | 'evaluateModel'
    | 'predictGallery'
    | 'sessionStep'
    | 'snapshot'
    | 'startSession'
    | 'tensorsInMemory'
    | 'timeTrainingSteps'
  >;

/** Frees tensors that a lost backend may refuse to free (they go with it). */
export function release(free: () => void): void {
  try {
    free();
  } catch {
    // The backend is gone, and its tensors with it.
  }
}
