import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { endSession, startSession, timeTrainingSteps, type SessionConfig } from '../../../src/lib/tf/index.ts';

/** A small session: a step takes a fraction of a second on the CPU backend. */
const CONFIG: SessionConfig = { head: 'heatmap', size: 64, target: 'unbiased', batch: 1, learningRate: 1e-3, seed: 5 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('timeTrainingSteps', () => {
  it('runs the warm-up untimed, times each later step, and gives the upper of two middle times', async () => {
    const session = startSession(CONFIG);
    // A clock that moves 3 ms, then 1 ms, across the two timed steps (two readings each).
    const ticks = [0, 3, 10, 11];
    let reading = 0;
    const now = () => ticks[reading++] as number;
    try {
      const timed = await timeTrainingSteps(session, { steps: 2, warmUp: 1, now });
      expect(session.step).toBe(3);
      expect(reading).toBe(4);
      expect(timed).toEqual({ times: [3, 1], medianMs: 3 });
    } finally {
      endSession(session);
    }
  });

  it('gives the one time of one step, none of no steps, and leaks no tensors', async () => {
    const session = startSession(CONFIG);
    try {
      // Adam's moment variables appear with the first step; no step adds tensors after that.
      await timeTrainingSteps(session, { steps: 0, warmUp: 1 });
      const settled = tf.memory().numTensors;
      const one = await timeTrainingSteps(session, { steps: 1, warmUp: 0 });
      expect(one.times).toHaveLength(1);
      expect(one.medianMs).toBe(one.times[0]);
      expect(one.medianMs).toBeGreaterThan(0);
      expect(await timeTrainingSteps(session, { steps: 0, warmUp: 0 })).toEqual({ times: [], medianMs: undefined });
      expect(tf.memory().numTensors).toBe(settled);
      expect(session.step).toBe(2);
    } finally {
      endSession(session);
    }
  });
});
