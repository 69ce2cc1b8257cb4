/**
 * Chapter 9's model in the session, on a fake runtime and photo: the model's states from the
 * reader's button on, and the runs that follow for a connected figure.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeTime, stubUrl } from './fakes.ts';

const loads = vi.hoisted(() => ({ count: 0, failures: 0, inputs: [] as Float32Array[], photos: 0 }));
vi.mock('../../../../../src/components/figures/blazepose/runtime.ts', async () => {
  const { fakeRuntime } = await import('./fakes.ts');
  return {
    loadBlazePose: async () => {
      loads.count += 1;
      if (loads.failures-- > 0) throw new Error('This browser has no WebAssembly.');
      const fake = fakeRuntime();
      loads.inputs = fake.inputs;
      return fake.runtime;
    },
  };
});
vi.mock('../../../../../src/components/figures/blazepose/photo.ts', async () => {
  const { testPhoto } = await import('./fakes.ts');
  return {
    BUNDLED_PHOTO_URL: '/photos/astronaut.jpg',
    photoFromUrl: async () => {
      loads.photos += 1;
      return testPhoto();
    },
  };
});

beforeEach(fakeTime);
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function session(failures = 0) {
  vi.resetModules();
  Object.assign(loads, { count: 0, failures, inputs: [], photos: 0 });
  stubUrl();
  const s = {
    ...(await import('../../../../../src/components/figures/blazepose/session/model.ts')),
    ...(await import('../../../../../src/components/figures/blazepose/session/follow.ts')),
    ...(await import('../../../../../src/components/figures/blazepose/session/state.ts')),
  };
  const statuses: string[] = [];
  s.ch9Session.subscribe(() => {
    const status = s.ch9Session.get().model.status;
    if (statuses.at(-1) !== status) statuses.push(status);
  });
  return { ...s, statuses };
}

describe('requestModel', () => {
  it('loads nothing until asked', async () => {
    const s = await session();
    s.connectSession();
    await vi.advanceTimersByTimeAsync(1000);
    expect([loads.count, loads.photos]).toEqual([0, 0]);
    expect(s.ch9Session.get().model).toEqual({ status: 'idle' });
  });

  it('loads the model and the bundled photo once, says how, and runs the model on the crop', async () => {
    const s = await session();
    s.connectSession();
    const request = s.requestModel();
    // A second press while it loads does nothing.
    void s.requestModel();
    await request;
    expect(s.statuses).toEqual(['loading', 'ready']);
    expect(s.ch9Session.get().model).toMatchObject({
      status: 'ready',
      accelerator: 'wasm',
      fallback: 'WebGPU: no adapter',
      fullyAccelerated: false,
      loadMs: expect.any(Number),
    });
    expect(s.ch9Session.get().photo.pixels).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.ch9Session.get().run?.photoId).toBe(0);
    expect(loads.inputs).toHaveLength(1);
    await s.requestModel();
    expect([loads.count, loads.photos]).toEqual([1, 1]);
  });

  it('says why the model failed to load, and loads it when asked again', async () => {
    const s = await session(1);
    await s.requestModel();
    expect(s.ch9Session.get().model).toEqual({ status: 'failed', message: 'This browser has no WebAssembly.' });
    await s.requestModel();
    expect(s.statuses).toEqual(['loading', 'failed', 'loading', 'ready']);
    // The photo decoded on the first try is kept.
    expect([loads.count, loads.photos]).toEqual([2, 1]);
  });
});
