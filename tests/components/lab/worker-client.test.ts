/**
 * createLabClient with a fake Worker on globalThis: the worker starts on first use; jobs are
 * numbered; each answer resolves its own job; a decode's progress goes to its callback; a newer
 * job resolves a running decode with undefined; the bytes of files and stacks are transferred; a
 * crash resolves what is pending and tells the crash listeners; terminate stops the worker.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLabClient } from '../../../src/components/lab/worker-client.ts';
import type { LabRequest, LabResponse } from '../../../src/components/lab/worker/protocol.ts';
import type { InputSummary, LabResult } from '../../../src/lib/index.ts';
import { runWith } from './decoded.ts';

/** A worker that records what it is sent; the test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { message: LabRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((event: { data: LabResponse }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: LabRequest, transfer: Transferable[] = []) {
    this.posted.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker answers. */
  answer(data: LabResponse) {
    this.onmessage?.({ data });
  }
  /** The worker stops with an error. */
  crash(message = '') {
    this.onerror?.({ message });
  }
}

const worker = () => FakeWorker.made.at(-1)!;
const jobs = () => worker().posted.map((p) => ('job' in p.message ? p.message.job : undefined));
const summary: InputSummary = { kind: 'heatmaps', source: 'a.npy', n: 1, k: 2, h: 3, w: 4 };
const result = { kind: 'heatmaps' } as LabResult;
const file = (name: string) => ({ name, bytes: new ArrayBuffer(8) });

/** Whether a promise has settled, after the microtasks run. */
async function settled<T>(p: Promise<T>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('createLabClient()', () => {
  it('starts one module worker on first use, and none before', () => {
    const client = createLabClient();
    expect(FakeWorker.made).toHaveLength(0);
    void client.send({ type: 'clear', role: 'truth' });
    void client.map(0);
    expect(FakeWorker.made).toHaveLength(1);
    expect(worker().options).toEqual({ type: 'module' });
    expect(worker().url.pathname).toMatch(/worker\/decode-worker\.ts$/);
  });

  it('numbers the jobs in order, and the map requests apart from them', () => {
    const client = createLabClient();
    void client.send({ type: 'clear', role: 'truth' });
    void client.map(5);
    void client.decode(runWith(), () => {});
    void client.map(6);
    expect(jobs()).toEqual([1, undefined, 2, undefined]);
    expect(worker().posted.map((p) => p.message)).toContainEqual({ type: 'map', request: 2, index: 6 });
  });

  it('resolves each request with the answer to its own job, in whatever order they come', async () => {
    const client = createLabClient();
    const first = client.send({ type: 'load', role: 'input', files: [file('a.npy')], options: { layout: 'auto' } });
    const second = client.send({ type: 'truth', files: [file('t.json')] });
    worker().answer({ type: 'idle', job: 2 });
    worker().answer({ type: 'loaded', job: 1, role: 'input', summary });
    expect(await second).toEqual({ type: 'idle', job: 2 });
    expect(await first).toEqual({ type: 'loaded', job: 1, role: 'input', summary });
  });

  it("transfers a request's file bytes and a stack's data, and nothing of a decode", () => {
    const client = createLabClient();
    const files = [file('a.npy'), file('b.npy')];
    void client.send({ type: 'load', role: 'input', files, options: { layout: 'auto' } });
    const data = new Float32Array(4);
    void client.send({ type: 'set', stack: { n: 1, k: 1, h: 2, w: 2, data, source: 'page' } });
    void client.decode(runWith(), () => {});
    expect(worker().posted.map((p) => p.transfer)).toEqual([[files[0]!.bytes, files[1]!.bytes], [data.buffer], []]);
  });
});

describe('LabClient.decode(run, progress)', () => {
  it('sends the run, hands its progress to the callback and resolves with the result', async () => {
    const client = createLabClient();
    const run = runWith({ beta: 30 });
    const progress = vi.fn();
    const decoded = client.decode(run, progress);
    expect(worker().posted[0]!.message).toEqual({ type: 'decode', job: 1, run });
    worker().answer({ type: 'progress', job: 1, done: 64, total: 136 });
    worker().answer({ type: 'progress', job: 1, done: 136, total: 136 });
    worker().answer({ type: 'result', job: 1, result });
    expect(await decoded).toEqual({ result });
    expect(progress.mock.calls).toEqual([
      [64, 136],
      [136, 136],
    ]);
  });

  it("resolves with the worker's error, or with undefined when there was nothing to decode", async () => {
    const client = createLabClient();
    const failed = client.decode(runWith(), () => {});
    worker().answer({ type: 'error', job: 1, role: 'decode', message: 'could not read the file (x)' });
    expect(await failed).toEqual({ error: 'could not read the file (x)' });
    const idle = client.decode(runWith(), () => {});
    worker().answer({ type: 'idle', job: 2 });
    expect(await idle).toBeUndefined();
  });

  it('is resolved with undefined by a newer job, and hears no more progress', async () => {
    const client = createLabClient();
    const progress = vi.fn();
    const old = client.decode(runWith(), progress);
    const newer = client.decode(runWith({ beta: 40 }), () => {});
    expect(await old).toBeUndefined();
    worker().answer({ type: 'progress', job: 1, done: 64, total: 136 });
    expect(progress).not.toHaveBeenCalled();
    worker().answer({ type: 'result', job: 2, result });
    expect(await newer).toEqual({ result });
  });

  it('is superseded by a file request too, which does not supersede another file request', async () => {
    const client = createLabClient();
    const load = client.send({ type: 'load', role: 'input', files: [file('a.npy')], options: { layout: 'auto' } });
    const decode = client.decode(runWith(), () => {});
    void client.send({ type: 'clear', role: 'flipped' });
    expect(await decode).toBeUndefined();
    expect(await settled(load)).toBe(false);
    worker().answer({ type: 'loaded', job: 1, role: 'input', summary });
    expect(await load).toMatchObject({ type: 'loaded', job: 1 });
  });
});

describe('LabClient.map(index)', () => {
  it("resolves with the worker's values of that map, or undefined", async () => {
    const client = createLabClient();
    const one = client.map(3);
    const two = client.map(99);
    const values = Float32Array.from([1, 2, 3, 4]);
    worker().answer({ type: 'map', request: 2, index: 99, map: undefined });
    worker().answer({ type: 'map', request: 1, index: 3, map: { kind: 'heatmap', values, w: 2, h: 2 } });
    expect(await one).toEqual({ kind: 'heatmap', values, w: 2, h: 2 });
    expect(await two).toBeUndefined();
  });
});

describe('a worker that stops', () => {
  it('resolves the pending requests, tells the crash listeners and starts a new worker for the next job', async () => {
    const client = createLabClient();
    const heard: string[] = [];
    client.onCrash((m) => heard.push(m));
    const load = client.send({ type: 'truth', files: [file('t.json')] });
    const map = client.map(3);
    const first = worker();
    first.crash('out of memory');
    // A map asked of the stopped worker is answered with nothing too, not left waiting.
    expect(await map).toBeUndefined();
    expect(await load).toEqual({
      type: 'error',
      job: 1,
      role: 'decode',
      message: 'the decoding worker stopped; reload the page to try again',
    });
    expect(heard).toEqual(['out of memory']);
    const decode = client.decode(runWith(), () => {});
    expect(FakeWorker.made).toHaveLength(2);
    worker().crash();
    expect(await decode).toBeUndefined();
    expect(heard).toEqual(['out of memory', 'the decoding worker stopped']);
  });

  it('is stopped by terminate, which resolves what is pending', async () => {
    const client = createLabClient();
    const decode = client.decode(runWith(), () => {});
    const map = client.map(0);
    const first = worker();
    client.terminate();
    expect(first.terminated).toBe(true);
    expect(await decode).toBeUndefined();
    expect(await map).toBeUndefined();
    void client.map(0);
    expect(FakeWorker.made).toHaveLength(2);
  });
});
