/**
 * Chapter 8's worker: picks a backend from the ladder, trains one head step by step while the
 * page stays responsive, evaluates it on a fixed held-out set, measures the shipped models for
 * figure 8.1's table and gallery, and times a training step on each backend (`handler.ts` wires
 * the parts). The one module of the site that loads TensorFlow.js (src/lib/tf): it hands the
 * calls to the parts, which import only their types.
 */
import {
  applyPageFlags,
  chooseBackend,
  dropBackend,
  loseWebglContext,
  TRAINING_LADDER,
  webglContextLost,
} from '../../../../lib/tf/backends.ts';
import {
  currentBackend,
  decodeWeights,
  deserializeModel,
  disposeModel,
  endSession,
  evaluateInSlices,
  evaluateModel,
  predictGallery,
  sessionStep,
  snapshot,
  startSession,
  tensorsInMemory,
  timeTrainingSteps,
} from '../../../../lib/tf/index.ts';
import { createModelWorker } from './handler.ts';
import type { ModelRequest, ModelResponse } from './protocol.ts';
import type { TfRuntime } from './tf-runtime.ts';

const scope = self as unknown as {
  postMessage(message: ModelResponse): void;
  onmessage: ((event: MessageEvent<ModelRequest>) => void) | null;
};

const tf: TfRuntime = {
  applyPageFlags,
  chooseBackend,
  dropBackend,
  loseWebglContext,
  webglContextLost,
  currentBackend,
  decodeWeights,
  deserializeModel,
  disposeModel,
  endSession,
  evaluateInSlices,
  evaluateModel,
  predictGallery,
  sessionStep,
  snapshot,
  startSession,
  tensorsInMemory,
  timeTrainingSteps,
};

const handle = createModelWorker({ tf, ladder: TRAINING_LADDER, post: (m) => scope.postMessage(m) });
scope.onmessage = (event) => handle(event.data);
