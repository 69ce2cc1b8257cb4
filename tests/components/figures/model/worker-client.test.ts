/**
 * Chapter 8's shared worker client with a fake Worker: one worker for the page, started on the
 * first request and told the page's query first; its answers, and its stopping, reach every
 * listener until it stops listening.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelRequest, ModelResponse } from '../../../../src/components/figures/model/worker/protocol.ts';

type Client = typeof import('../../../../src/components/figures/model/worker-client.ts');

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: ModelRequest[] = [];
  onmessage: ((event: { data: ModelResponse }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ModelRequest) {
    this.posted.push(message);
  }
}

let client: Client;
beforeEach(async () => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('location', new URL('https://example.org/chapters/08/?tfjsflags=WEBGL_PACK:false'));
  vi.resetModules();
  client = await import('../../../../src/components/figures/model/worker-client.ts');
});
afterEach(() => vi.unstubAllGlobals());

describe('send(request)', () => {
  it("starts the module worker on the first request, telling it the page's query first", () => {
    expect(FakeWorker.made).toHaveLength(0);
    client.send({ type: 'init' });
    client.send({ type: 'pause' });
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker!.url.pathname).toMatch(/worker\/train-worker\.ts$/);
    expect(worker!.options).toEqual({ type: 'module' });
    expect(worker!.posted).toEqual([
      { type: 'flags', search: '?tfjsflags=WEBGL_PACK:false' },
      { type: 'init' },
      { type: 'pause' },
    ]);
  });
});

describe('listen(fn)', () => {
  it("hands every listener the worker's answers until it stops listening", () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = client.listen(a);
    client.listen(b);
    client.send({ type: 'init' });
    const answer: ModelResponse = { type: 'state', running: true, step: 3 };
    FakeWorker.made[0]!.onmessage!({ data: answer });
    stopA();
    FakeWorker.made[0]!.onmessage!({ data: { type: 'state', running: false, step: 4 } });
    expect(a.mock.calls).toEqual([[answer]]);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('tells the listeners when the worker stops, with its message or a default', () => {
    const heard = vi.fn();
    client.listen(heard);
    client.send({ type: 'init' });
    FakeWorker.made[0]!.onerror!({ message: 'out of memory' });
    FakeWorker.made[0]!.onerror!({ message: '' });
    expect(heard.mock.calls).toEqual([
      [{ type: 'error', message: 'out of memory' }],
      [{ type: 'error', message: 'the worker stopped' }],
    ]);
  });
});
