/**
 * Chapter 8's worker: picks a backend from the ladder, trains one head step by step while the
 * page stays responsive, evaluates it on a fixed held-out set, measures the shipped models for
 * figure 8.1's table and gallery, and times a training step on each backend (`handler.ts` wires
 * the parts). The one module of the site that loads TensorFlow.js (src/lib/tf): it hands the
 * calls to the parts, which import only their types.
 */
import * as backends from '../../../../lib/tf/backends.ts';
import * as calls from '../../../../lib/tf/index.ts';
import { createModelWorker } from './handler.ts';
import type { ModelRequest, ModelResponse } from './protocol.ts';
import type { TfRuntime } from './tf-runtime.ts';

const scope = self as unknown as {
  postMessage(message: ModelResponse): void;
  onmessage: ((event: MessageEvent<ModelRequest>) => void) | null;
};

// Every call src/lib/tf exports; the parts see those `TfRuntime` names.
const tf: TfRuntime = { ...backends, ...calls };

const handle = createModelWorker({ tf, ladder: backends.TRAINING_LADDER, post: (m) => scope.postMessage(m) });
scope.onmessage = (event) => handle(event.data);
