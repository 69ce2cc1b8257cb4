/**
 * Chapter 8's worker entry, with TF.js's calls and the handler mocked: it hands the handler every
 * call src/lib/tf exports and the training ladder, passes each request on, and posts the
 * handler's answers to the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelRequest, ModelResponse } from '../../../../../src/components/figures/model/worker/protocol.ts';

const made = vi.hoisted(() => ({
  options: undefined as undefined | { tf: Record<string, unknown>; ladder: unknown; post: (m: ModelResponse) => void },
  handled: [] as unknown[],
}));
vi.mock('../../../../../src/lib/tf/backends.ts', () => ({
  TRAINING_LADDER: ['webgpu', 'webgl', 'cpu'],
  chooseBackend: () => 'chooseBackend',
}));
vi.mock('../../../../../src/lib/tf/index.ts', () => ({ startSession: () => 'startSession' }));
vi.mock('../../../../../src/components/figures/model/worker/handler.ts', () => ({
  createModelWorker: (options: NonNullable<typeof made.options>) => {
    made.options = options;
    return (request: unknown) => made.handled.push(request);
  },
}));

afterEach(() => vi.unstubAllGlobals());

describe('the chapter 8 worker entry', () => {
  it('wires the handler to TF.js, the ladder and the page', async () => {
    const posted: ModelResponse[] = [];
    const scope = {
      postMessage: (m: ModelResponse) => posted.push(m),
      onmessage: null as ((event: { data: ModelRequest }) => void) | null,
    };
    vi.stubGlobal('self', scope);
    await import('../../../../../src/components/figures/model/worker/train-worker.ts');
    const { tf, ladder, post } = made.options!;
    expect(Object.keys(tf).sort()).toEqual(['TRAINING_LADDER', 'chooseBackend', 'startSession']);
    expect((tf.startSession as () => string)()).toBe('startSession');
    expect(ladder).toEqual(['webgpu', 'webgl', 'cpu']);
    scope.onmessage!({ data: { type: 'init' } });
    expect(made.handled).toEqual([{ type: 'init' }]);
    post({ type: 'error', message: 'x' });
    expect(posted).toEqual([{ type: 'error', message: 'x' }]);
  });
});
