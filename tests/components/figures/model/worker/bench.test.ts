/** Chapter 8's backend timing table, on a fake TF.js. */
import { describe, expect, it } from 'vitest';
import {
  BENCH_SESSION,
  BENCH_WARM_UP,
  benchBackends,
} from '../../../../../src/components/figures/model/worker/bench.ts';
import { fakeTf } from './fake-tf.ts';

describe('benchBackends', () => {
  it('times each backend offered, says why not for the others, and ends every session', async () => {
    const fake = fakeTf({ available: ['webgpu', 'cpu'], timing: { webgpu: 4, cpu: 90 } });
    const rows = await benchBackends(fake.tf, 6);
    expect(rows).toEqual([
      { backend: 'webgpu', medianMs: 4, note: `6 steps of batch 8 after ${BENCH_WARM_UP} warm-up steps` },
      { backend: 'webgl', note: 'not available here' },
      { backend: 'wasm', note: 'cannot train a convolutional network in TF.js (no Conv2DBackpropFilter)' },
      { backend: 'cpu', medianMs: 90, note: `6 steps of batch 8 after ${BENCH_WARM_UP} warm-up steps` },
    ]);
    expect(fake.sessions.map((s) => [s.config, s.step])).toEqual([
      [BENCH_SESSION, 6 + BENCH_WARM_UP],
      [BENCH_SESSION, 6 + BENCH_WARM_UP],
    ]);
    expect(fake.log.filter((l) => l.startsWith('end session'))).toHaveLength(2);
  });

  it('reports a backend whose steps fail, frees its session, and goes on', async () => {
    const fake = fakeTf({ available: ['webgl', 'cpu'], timing: { webgl: new Error('shader failed') } });
    const rows = await benchBackends(fake.tf, 2);
    expect(rows[1]).toEqual({ backend: 'webgl', note: 'failed: shader failed' });
    expect(rows[3]).toMatchObject({ backend: 'cpu', medianMs: 10 });
    expect(fake.log.filter((l) => l.startsWith('end session'))).toHaveLength(2);
  });

  it('survives a backend that refuses to free its session', async () => {
    const fake = fakeTf({ available: ['cpu'] });
    fake.tf.endSession = () => {
      throw new Error('context lost');
    };
    const rows = await benchBackends(fake.tf, 1);
    expect(rows[3]).toMatchObject({ backend: 'cpu', medianMs: 10 });
  });
});
