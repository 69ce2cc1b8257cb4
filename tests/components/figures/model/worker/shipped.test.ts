/** Chapter 8's shipped models measured in the worker: slice sizes, order, a context lost mid-model. */
import { describe, expect, it } from 'vitest';
import { createBackendLadder } from '../../../../../src/components/figures/model/worker/backend.ts';
import { createScheduler } from '../../../../../src/components/figures/model/worker/jobs.ts';
import {
  createShippedMeasurement,
  SLICE_AT_64,
  sliceSize,
} from '../../../../../src/components/figures/model/worker/shipped.ts';
import { fakeTf, fakeWeights, postbox } from './fake-tf.ts';

describe('sliceSize', () => {
  it('keeps a slice’s pixels: a quarter as many samples at 128 px as at 64 px', () => {
    expect(sliceSize(64, false)).toBe(SLICE_AT_64.idle);
    expect(sliceSize(64, true)).toBe(SLICE_AT_64.training);
    expect(sliceSize(128, false)).toBe(SLICE_AT_64.idle / 4);
    expect(sliceSize(128, true)).toBe(SLICE_AT_64.training / 4);
  });

  it('is at least one sample', () => {
    expect(sliceSize(4096, true)).toBe(1);
  });
});

function measurement(training = false) {
  const fake = fakeTf();
  const box = postbox();
  const jobs = createScheduler();
  const backend = createBackendLadder({
    tf: fake.tf,
    post: box.post,
    ladder: ['webgl', 'cpu'],
    leaveSession: () => undefined,
  });
  const shipped = createShippedMeasurement({ tf: fake.tf, post: box.post, jobs, backend, training: () => training });
  return { ...fake, ...box, jobs, shipped };
}

describe('createShippedMeasurement', () => {
  it('measures each model a slice per job, holding its tensors meanwhile, and posts its errors', async () => {
    const m = measurement(true);
    const held: number[] = [];
    const next = m.tf.evaluateInSlices;
    m.tf.evaluateInSlices = (model, n) => {
      const sliced = next(model, n);
      return {
        ...sliced,
        get done() {
          return sliced.done;
        },
        next: async (count) => {
          held.push(m.shipped.held());
          await sliced.next(count);
        },
      };
    };
    m.shipped.measure('heatmap', 64, 8, Promise.resolve(fakeWeights('heatmap', 64, 1)));
    await m.until(() => m.of('shipped').length === 1);
    expect(m.slices).toEqual(Array(8).fill(32));
    // The fake model has three weights.
    expect(held).toEqual(Array(8).fill(3));
    expect(m.shipped.held()).toBe(0);
    expect(m.of('shipped')).toMatchObject([{ type: 'shipped', head: 'heatmap', size: 64, errors: { heatmap: 0.64 } }]);
    expect(m.of('shipped')[0]?.gallery).toHaveLength(8);
  });

  it('waits for each model’s files, and measures the models in the order asked', async () => {
    const m = measurement();
    let arrive!: () => void;
    const late = new Promise<void>((resolve) => (arrive = resolve)).then(() => fakeWeights('dsnt', 64, 2));
    m.shipped.measure('dsnt', 64, 0, late);
    m.shipped.measure('simdr', 64, 0, Promise.resolve(fakeWeights('simdr', 64, 3)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(m.of('shipped')).toEqual([]);
    arrive();
    await m.until(() => m.of('shipped').length === 2);
    expect(m.of('shipped').map((s) => s.head)).toEqual(['dsnt', 'simdr']);
  });

  /** A measurement whose second slice loses the WebGL context, and then returns or (`hang`) never does. */
  function losingContext(hang: boolean) {
    const m = measurement();
    const next = m.tf.evaluateInSlices;
    let slicesRun = 0;
    m.tf.evaluateInSlices = (model, n) => {
      const sliced = next(model, n);
      return {
        ...sliced,
        get done() {
          return sliced.done;
        },
        next: async (count) => {
          if (++slicesRun === 2) {
            m.tf.loseWebglContext();
            if (hang) return new Promise<never>(() => undefined);
          }
          await sliced.next(count);
        },
      };
    };
    m.shipped.measure('heatmap', 128, 0, Promise.resolve(fakeWeights('heatmap', 128, 5)));
    return m;
  }
  const events = (log: string[]) => log.filter((l) => /^(load|dispose|drop)/.test(l));

  it('starts a model again on the next backend when the context was lost between its slices', async () => {
    const m = losingContext(false);
    await m.until(() => m.of('shipped').length === 1);
    // The next slice's job finds the context lost, moves to the CPU, and the model starts again there.
    expect(events(m.log)).toEqual([
      'load heatmap-128 (5) on webgl',
      'drop webgl',
      'dispose heatmap-128',
      'load heatmap-128 (5) on cpu',
      'dispose heatmap-128',
    ]);
    expect(m.of('fallback')).toMatchObject([{ from: 'webgl', to: 'cpu', training: false }]);
    expect(m.of('shipped')).toHaveLength(1);
  });

  it('gives up a slice that waits on a lost context, and starts the model again on the next backend', async () => {
    const m = losingContext(true);
    await m.until(() => m.of('shipped').length === 1);
    expect(events(m.log)).toEqual([
      'load heatmap-128 (5) on webgl',
      'dispose heatmap-128',
      'drop webgl',
      'load heatmap-128 (5) on cpu',
      'dispose heatmap-128',
    ]);
    expect(m.of('fallback')).toMatchObject([{ from: 'webgl', to: 'cpu', reason: 'the WebGL context was lost' }]);
    // All 256 samples measured on the CPU: 8 slices of 32 at 128 px, after the webgl model's first.
    expect(m.slices).toEqual(Array(9).fill(32));
  });
});
