/**
 * Chapter 8's training run on a fake TF.js: snapshots and evaluations on their schedule, the step's
 * tensor count, pausing and resuming, and the session's move to another backend.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendLadder } from '../../../../../src/components/figures/model/worker/backend.ts';
import { createScheduler } from '../../../../../src/components/figures/model/worker/jobs.ts';
import {
  createTraining,
  SNAPSHOT_EVERY,
  type Training,
} from '../../../../../src/components/figures/model/worker/training.ts';
import type { SessionConfig } from '../../../../../src/lib/tf/index.ts';
import { fakeTf, postbox } from './fake-tf.ts';

const CONFIG: SessionConfig = { head: 'simdr', size: 64, target: 'unbiased', batch: 4, learningRate: 1e-3, seed: 1 };

let current: Training | undefined;
afterEach(() => current?.pause());

function training(heldElsewhere = 0) {
  const fake = fakeTf();
  const box = postbox();
  const snapshots: number[] = [];
  const snapshot = fake.tf.snapshot;
  fake.tf.snapshot = async (s) => {
    snapshots.push(s.step);
    return snapshot(s);
  };
  const jobs = createScheduler();
  const backend = createBackendLadder({
    tf: fake.tf,
    post: box.post,
    ladder: ['webgl', 'cpu'],
    leaveSession: () => t.leaveSession(),
  });
  const t = createTraining({ tf: fake.tf, post: box.post, jobs, backend, heldElsewhere: () => heldElsewhere });
  current = t;
  return { ...fake, ...box, t, jobs, backend, snapshots };
}

describe('createTraining', () => {
  it('copies the weights every ten steps and evaluates every 25', async () => {
    const r = training();
    r.t.start({ config: CONFIG });
    expect(r.t.running).toBe(true);
    await r.until(() => r.of('step').length >= 51);
    r.t.pause();
    expect(r.snapshots.slice(0, 6)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(SNAPSHOT_EVERY).toBe(10);
    expect(r.of('eval').map((e) => e.step)).toEqual([0, 25, 50]);
    expect(r.t.running).toBe(false);
  });

  it('counts the tensors of the step without those other work holds', async () => {
    const r = training(40);
    r.setTensors(52);
    r.t.start({ config: CONFIG });
    await r.until(() => r.of('step').length >= 1);
    expect(r.of('step')[0]?.tensors).toBe(12);
  });

  it('says when there is nothing to resume, and resumes a paused session without a new one', async () => {
    const r = training();
    r.t.resume();
    expect(r.messages).toEqual([{ type: 'state', running: false, step: 0 }]);
    r.t.start({ config: CONFIG });
    await r.until(() => r.of('step').length >= 2);
    r.t.pause();
    await r.jobs.idle();
    r.t.resume();
    r.t.resume();
    await r.until(() => r.of('step').length >= 5);
    expect(r.sessions).toHaveLength(1);
    // One run at a time: the steps count up with no repeat.
    const steps = r.of('step').map((s) => s.step);
    expect(steps).toEqual(steps.map((_, i) => i + 1));
  });

  it('a new start ends the old session and evaluates the new one at its first step', async () => {
    const r = training();
    r.t.start({ config: CONFIG });
    await r.until(() => r.of('step').length >= 2);
    r.t.start({ config: { ...CONFIG, head: 'dsnt' } });
    await r.until(() => r.of('eval').some((e) => e.head === 'dsnt'));
    expect(r.log.filter((l) => l.startsWith('start') || l.startsWith('end'))).toEqual([
      'start simdr-64 at 0 on webgl',
      expect.stringMatching(/^end session at \d+$/),
      'start dsnt-64 at 0 on webgl',
    ]);
  });

  it('leaves a session for another backend and starts it again there from its last copy', async () => {
    const r = training();
    expect(r.t.leaveSession()).toBeUndefined();
    r.t.start({ config: CONFIG });
    await r.until(() => r.of('step').length >= 12);
    r.t.pause();
    await r.jobs.idle();
    const reached = r.of('step').at(-1)?.step ?? 0;
    const restart = r.t.leaveSession();
    expect(r.log.at(-1)).toBe(`end session at ${reached}`);
    restart?.();
    expect(r.sessions.at(-1)).toMatchObject({ step: reached, from: Math.floor(reached / 10) * 10 });
  });

  it('resets: stops, says so, and ends the session as a job of the queue', async () => {
    const r = training();
    r.t.start({ config: CONFIG });
    await r.until(() => r.of('step').length >= 1);
    r.t.reset();
    expect(r.messages.at(-1)).toEqual({ type: 'state', running: false, step: 0 });
    await r.jobs.idle();
    expect(r.log.at(-1)).toMatch(/^end session at \d+$/);
    expect(r.t.leaveSession()).toBeUndefined();
  });
});
