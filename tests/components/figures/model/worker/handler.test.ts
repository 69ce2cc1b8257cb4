/**
 * Chapter 8's worker, message by message, on a fake TF.js: what each request posts back, in what
 * order, and how training, the shipped models' measurement, the benchmark and a lost context share
 * the one queue.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createModelWorker } from '../../../../../src/components/figures/model/worker/handler.ts';
import type { ModelRequest } from '../../../../../src/components/figures/model/worker/protocol.ts';
import type { BackendName } from '../../../../../src/lib/tf/backends.ts';
import type { SessionConfig } from '../../../../../src/lib/tf/index.ts';
import { fakeTf, postbox, type FakeTfOptions } from './fake-tf.ts';

const LADDER: BackendName[] = ['webgpu', 'webgl', 'cpu'];
const CONFIG: SessionConfig = { head: 'heatmap', size: 64, target: 'unbiased', batch: 4, learningRate: 1e-3, seed: 1 };

/** A worker on a fake TF.js; stops any training run when the test ends. */
function worker(options: FakeTfOptions = {}) {
  const fake = fakeTf(options);
  const box = postbox();
  // A clock that moves one unit per reading: the measurement's share of the training time is then
  // the same on a busy machine as on an idle one (under load, real time gave one step, not two).
  let ticks = 0;
  const handle = createModelWorker({ tf: fake.tf, post: box.post, ladder: LADDER, now: () => (ticks += 1) });
  stops.push(() => handle({ type: 'pause' }));
  return { ...fake, ...box, send: (...requests: ModelRequest[]) => requests.forEach(handle) };
}
const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.unstubAllGlobals();
});

/** Serves the shipped models' files: each manifest and a .bin of one float, `id`; `missing` answers 404. */
function serveModels(missing: string[] = []) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const [, head, size, ext] = /\/models\/(\w+)-(\d+)\.(json|bin)$/.exec(url) ?? [];
    if (missing.includes(`${head}-${size}`)) return new Response('', { status: 404 });
    return ext === 'json'
      ? Response.json({
          format: 'subpixel-pose-model/1',
          config: { head, size: Number(size), k: 11, split: 2 },
          weights: [],
        })
      : new Response(Float32Array.of(Number(size)).buffer);
  });
  return requested;
}

describe('createModelWorker', () => {
  it('forwards the page’s query to TF.js’s flags', () => {
    const w = worker();
    w.send({ type: 'flags', search: '?tfjsflags=WEBGL_FORCE_F16_TEXTURES:true' });
    expect(w.log).toEqual(['flags ?tfjsflags=WEBGL_FORCE_F16_TEXTURES:true']);
  });

  it('init chooses the first backend offered, once, and says which each time it is asked', async () => {
    const w = worker();
    w.send({ type: 'init' });
    await w.until((m) => m.length === 1);
    w.send({ type: 'init' });
    await w.until((m) => m.length === 2);
    expect(w.messages).toEqual([
      {
        type: 'backend',
        choice: { name: 'webgl', skipped: [{ name: 'webgpu', reason: 'not offered' }], float16: false },
      },
      {
        type: 'backend',
        choice: { name: 'webgl', skipped: [{ name: 'webgpu', reason: 'not offered' }], float16: false },
      },
    ]);
    expect(w.log.filter((l) => l.startsWith('choose'))).toEqual(['choose webgpu,webgl,cpu']);
  });

  it('trains from scratch: says it runs, evaluates at step 0, posts each step, and stops at a pause', async () => {
    const w = worker();
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until(() => w.of('step').length >= 3);
    w.send({ type: 'pause' });
    const [backend, running, evaluation] = w.messages;
    expect(backend?.type).toBe('backend');
    expect(running).toEqual({ type: 'state', running: true, step: 0 });
    // 32 held-out samples and the 8 of the gallery, at the training size.
    expect(evaluation).toMatchObject({ type: 'eval', step: 0, head: 'heatmap', size: 64, errors: { argmax: 32 } });
    expect(evaluation?.type === 'eval' && evaluation.gallery.length).toBe(8);
    expect(w.of('step').slice(0, 3)).toMatchObject([
      { step: 1, loss: 1, backend: 'webgl', tensors: 0 },
      { step: 2, loss: 0.5 },
      { step: 3, loss: 1 / 3 },
    ]);
    const paused = w.messages.findIndex((m) => m.type === 'state' && !m.running);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The step under way when the pause came may still report; none after it.
    expect(w.messages.slice(paused + 1).filter((m) => m.type === 'step').length).toBeLessThanOrEqual(1);
    expect(w.messages[paused]).toMatchObject({ type: 'state', running: false });
  });

  it('resumes the paused session where it stopped, and after a reset has nothing to resume', async () => {
    const w = worker();
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until(() => w.of('step').length >= 2);
    w.send({ type: 'pause' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const last = w.of('step').at(-1)?.step ?? 0;
    w.send({ type: 'resume' });
    await w.until(() => (w.of('step').at(-1)?.step ?? 0) > last + 1);
    expect(w.of('state').at(-1)).toEqual({ type: 'state', running: true, step: last });
    expect(w.sessions).toHaveLength(1);
    w.send({ type: 'reset' });
    expect(w.messages.at(-1)).toEqual({ type: 'state', running: false, step: 0 });
    await w.until(() => w.log.some((l) => l.startsWith('end session')));
    w.send({ type: 'resume' });
    expect(w.messages.at(-1)).toEqual({ type: 'state', running: false, step: 0 });
  });

  it('trains from a shipped model once its files have arrived', async () => {
    const requested = serveModels();
    const w = worker();
    w.send({ type: 'train', config: { ...CONFIG, head: 'dsnt', size: 128 }, from: 'shipped' });
    await w.until(() => w.of('step').length >= 1);
    expect(requested).toEqual(['/models/dsnt-128.json', '/models/dsnt-128.bin']);
    // The fake .bin holds the size: the session started from the file's weights.
    expect(w.sessions[0]?.from).toBe(128);
  });

  it('moves training down the ladder when the WebGL context is lost, from the last snapshot', async () => {
    const w = worker();
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until(() => w.of('step').length >= 13);
    w.send({ type: 'lose-context' });
    await w.until(() => w.of('step').some((s) => s.backend === 'cpu'));
    expect(w.of('fallback')).toEqual([
      { type: 'fallback', from: 'webgl', to: 'cpu', reason: 'the WebGL context was lost', training: true },
    ]);
    expect(w.of('backend').at(-1)?.choice.name).toBe('cpu');
    expect(w.log).toContain('drop webgl');
    // The new session goes on from the step it had reached, with the weights of the last snapshot.
    const [, restarted] = w.sessions;
    const at = w.log.find((l) => l.startsWith('start heatmap-64 at') && l.endsWith('cpu'));
    const step = Number(/at (\d+)/.exec(at ?? '')?.[1]);
    expect(step).toBeGreaterThanOrEqual(13);
    expect(restarted?.from).toBe(Math.floor(step / 10) * 10);
    const first = w.of('step').find((s) => s.backend === 'cpu');
    expect(first?.step).toBe(step + 1);
  });

  it('moves down the ladder when the loss is not finite', async () => {
    const w = worker({ loss: (step, backend) => (backend === 'webgl' && step === 3 ? Number.NaN : 1) });
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until(() => w.of('step').some((s) => s.backend === 'cpu'));
    expect(w.of('fallback')).toEqual([
      { type: 'fallback', from: 'webgl', to: 'cpu', reason: 'the loss is not finite', training: true },
    ]);
    expect(w.of('step').map((s) => s.loss)).not.toContain(Number.NaN);
  });

  it('says so when asked to lose a context the backend does not have', async () => {
    const w = worker({ available: ['cpu'] });
    w.send({ type: 'lose-context' });
    await w.until((m) => m.some((x) => x.type === 'error'));
    expect(w.of('error')).toEqual([{ type: 'error', message: 'this backend has no WebGL context to lose' }]);
    expect(w.of('fallback')).toEqual([]);
  });

  it('when training stops on the last rung, says it no longer runs and reports why', async () => {
    const w = worker({ available: ['webgl'], loss: (step) => (step === 2 ? Number.POSITIVE_INFINITY : 1) });
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until((m) => m.some((x) => x.type === 'error'));
    expect(w.of('state').at(-1)).toEqual({ type: 'state', running: false, step: 2 });
    expect(w.of('error')).toEqual([
      { type: 'error', message: 'no TensorFlow.js backend works here (tried webgpu, cpu)' },
    ]);
  });

  it('times each backend after pausing training, then chooses the ladder’s backend again', async () => {
    const w = worker({ timing: { webgl: 12, cpu: new Error('out of memory') } });
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    await w.until(() => w.of('step').length >= 1);
    w.send({ type: 'bench', steps: 10 });
    await w.until((m) => m.some((x) => x.type === 'bench'));
    const paused = w.messages.findIndex((m) => m.type === 'state' && !m.running);
    const bench = w.messages.findIndex((m) => m.type === 'bench');
    expect(paused).toBeGreaterThan(0);
    expect(w.messages[bench - 1]).toMatchObject({ type: 'backend', choice: { name: 'webgl' } });
    expect(w.of('bench')[0]?.rows).toEqual([
      { backend: 'webgpu', note: 'not available here' },
      { backend: 'webgl', medianMs: 12, note: '10 steps of batch 8 after 3 warm-up steps' },
      { backend: 'wasm', note: 'cannot train a convolutional network in TF.js (no Conv2DBackpropFilter)' },
      { backend: 'cpu', note: 'failed: out of memory' },
    ]);
    expect(w.log.filter((l) => l.startsWith('time'))).toEqual(['time 10 after 3 on webgl', 'time 10 after 3 on cpu']);
  });

  it('measures the shipped models in order, the gallery at the first size only', async () => {
    serveModels();
    const w = worker();
    w.send({ type: 'shipped', heads: ['heatmap', 'simdr'], sizes: [64, 128], gallery: 8 });
    await w.until(() => w.of('shipped').length === 4);
    expect(w.of('shipped').map((m) => [m.head, m.size, m.gallery.length, m.errors])).toEqual([
      ['heatmap', 64, 8, { heatmap: 0.64 }],
      ['simdr', 64, 8, { simdr: 0.64 }],
      ['heatmap', 128, 0, { heatmap: 1.28 }],
      ['simdr', 128, 0, { simdr: 1.28 }],
    ]);
    // 256 samples: 128 a slice at 64 px, 32 at 128 px, when nothing trains.
    expect(w.slices).toEqual([...Array(4).fill(128), ...Array(16).fill(32)]);
    expect(w.log.filter((l) => l.startsWith('dispose'))).toHaveLength(4);
  });

  it('reports a shipped model whose files do not load, and measures the others', async () => {
    serveModels(['simdr-64']);
    const w = worker();
    w.send({ type: 'shipped', heads: ['heatmap', 'simdr'], sizes: [64], gallery: 0 });
    await w.until(() => w.of('shipped').length === 1 && w.of('error').length === 1);
    expect(w.of('error')[0]?.message).toBe('the shipped simdr model could not be loaded (HTTP 404)');
    expect(w.of('shipped')[0]).toMatchObject({ head: 'heatmap', size: 64 });
  });

  it('measures the shipped models in smaller slices between training steps', async () => {
    serveModels();
    const w = worker();
    w.send({ type: 'train', config: CONFIG, from: 'scratch' });
    w.send({ type: 'shipped', heads: ['dsnt'], sizes: [64], gallery: 0 });
    await w.until(() => w.of('shipped').length === 1);
    expect(w.slices).toEqual(Array(8).fill(32));
    // Training went on between the slices.
    const shipped = w.messages.findIndex((m) => m.type === 'shipped');
    expect(w.messages.slice(0, shipped).filter((m) => m.type === 'step').length).toBeGreaterThanOrEqual(2);
  });
});
