/** One worker for chapter 8's figures, shared, with a subscription to its messages. */
import type { ModelRequest, ModelResponse } from './worker/protocol.ts';

let worker: Worker | undefined;
const listeners = new Set<(m: ModelResponse) => void>();

/** Sends a request to the chapter's worker, starting it on first use. */
export function send(request: ModelRequest): void {
  if (!worker) {
    worker = new Worker(new URL('./worker/train-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ModelResponse>) => listeners.forEach((fn) => fn(event.data));
    worker.onerror = (event) =>
      listeners.forEach((fn) => fn({ type: 'error', message: event.message || 'the worker stopped' }));
    worker.postMessage({ type: 'flags', search: location.search } satisfies ModelRequest);
  }
  worker.postMessage(request);
}

/** Listens to the worker; returns a function that stops listening. */
export function listen(fn: (m: ModelResponse) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
