/**
 * Chapter 8's job queue: one job at a time, the most urgent kind first and in order within a
 * kind, a training run that yields to evaluations between its steps within their share,
 * cancellation, and a failure that leaves the queue idle and working.
 */
import { describe, expect, it } from 'vitest';
import {
  createScheduler,
  type JobKind,
  type SchedulerOptions,
} from '../../../../../src/components/figures/model/worker/jobs.ts';

/** A fake clock and a log of what ran, with a check that two jobs never run at once. */
function harness(options: SchedulerOptions = {}) {
  let t = 0;
  let active = 0;
  let most = 0;
  const log: string[] = [];
  const states: string[] = [];
  const errors: string[] = [];
  const scheduler = createScheduler({
    now: () => t,
    onState: (s) => states.push(s),
    onError: (e, kind) => errors.push(`${kind}: ${(e as Error).message}`),
    ...options,
  });
  const enter = (name: string) => {
    active += 1;
    most = Math.max(most, active);
    log.push(name);
  };
  const leave = () => (active -= 1);
  /** A job that takes `ms` of the fake clock (and one turn of the event loop). */
  const work =
    (name: string, ms = 1) =>
    async () => {
      enter(name);
      await new Promise((r) => setTimeout(r, 0));
      t += ms;
      leave();
    };
  /** A yielding job of `steps` steps of `ms` each; logs its steps and whether its clean-up ran. */
  const steps = (name: string, count: number, ms = 10) =>
    async function* () {
      try {
        for (let i = 1; i <= count; i++) {
          enter(`${name}${i}`);
          await new Promise((r) => setTimeout(r, 0));
          t += ms;
          leave();
          yield;
        }
      } finally {
        log.push(`${name} end`);
      }
    };
  return { scheduler, log, states, errors, work, steps, most: () => most };
}

describe('createScheduler', () => {
  it('runs one job at a time: the most urgent kind first, and in order within a kind', async () => {
    const { scheduler, log, work, most } = harness();
    // All added in one turn: they start from a microtask, so the order is the scheduler's.
    scheduler.add({ kind: 'evaluating', run: work('e1') });
    scheduler.add({ kind: 'evaluating', run: work('e2') });
    scheduler.add({ kind: 'training', run: work('t') });
    scheduler.add({ kind: 'timing', run: work('bench') });
    scheduler.add({ kind: 'backend', run: work('init') });
    await scheduler.idle();
    expect(log).toEqual(['init', 'bench', 't', 'e1', 'e2']);
    expect(most()).toBe(1);
    expect(scheduler.state).toBe('idle');
  });

  it('reports its state: the kind of the running job, then idle', async () => {
    const { scheduler, states, work } = harness();
    scheduler.add({ kind: 'training', run: work('t') });
    scheduler.add({ kind: 'evaluating', run: work('e') });
    await scheduler.idle();
    expect(states).toEqual(['training', 'idle', 'evaluating', 'idle']);
  });

  it('lets a job that is not ready hold up its own kind, not the others', async () => {
    const { scheduler, log, work } = harness();
    let release = () => {};
    const files = new Promise<void>((r) => (release = r));
    scheduler.add({ kind: 'evaluating', run: work('e1'), ready: files });
    scheduler.add({ kind: 'evaluating', run: work('e2') });
    scheduler.add({ kind: 'training', run: work('t') });
    await scheduler.idle();
    expect(log).toEqual(['t']);
    expect(scheduler.pending('evaluating')).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    await scheduler.idle();
    expect(log).toEqual(['t', 'e1', 'e2']);
  });

  it('runs queued evaluations between the steps of a training run, never beside one', async () => {
    const { scheduler, log, steps, work, most } = harness({ share: 0.5 });
    scheduler.add({ kind: 'training', run: steps('step', 4) });
    scheduler.add({ kind: 'evaluating', run: work('e1', 10), between: true });
    scheduler.add({ kind: 'evaluating', run: work('e2', 10), between: true });
    await scheduler.idle();
    // Steps and evaluations of 10 ms at share ½: one evaluation after step 1 (none spent yet),
    // the next once 10 ms ≤ ½ × 20 ms, after step 2.
    expect(log).toEqual(['step1', 'e1', 'step2', 'e2', 'step3', 'step4', 'step end']);
    expect(most()).toBe(1);
  });

  it('gives evaluations between steps no more than their share of the training time', async () => {
    const { scheduler, log, steps, work } = harness({ share: 0.25 });
    scheduler.add({ kind: 'training', run: steps('s', 12, 10) });
    for (const name of ['a', 'b', 'c']) scheduler.add({ kind: 'evaluating', run: work(name, 10), between: true });
    await scheduler.idle();
    // After step 1 (10 ms of training) nothing has been spent: one runs. The next waits until
    // 10 ms ≤ 0.25 × training time, that is after 40 ms (step 4); the third after step 8.
    expect(log.filter((l) => !l.startsWith('s'))).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('a')).toBe(log.indexOf('s1') + 1);
    expect(log.indexOf('b')).toBe(log.indexOf('s4') + 1);
    expect(log.indexOf('c')).toBe(log.indexOf('s8') + 1);
  });

  it('gives no credit for the steps taken while no evaluation was waiting', async () => {
    const { scheduler, log, steps, work } = harness({ share: 0.25 });
    let release = () => {};
    const files = new Promise<void>((r) => (release = r));
    scheduler.add({ kind: 'training', run: steps('s', 14, 10) });
    // Its files arrive after step 4: 40 ms of training, which must not pay for the evaluations.
    for (const name of ['a', 'b'])
      scheduler.add({ kind: 'evaluating', run: work(name, 10), between: true, ready: files });
    while (!log.includes('s4')) await new Promise((r) => setTimeout(r, 0));
    release();
    await scheduler.idle();
    const after = (name: string) => log[log.indexOf(name) - 1];
    expect(log.indexOf('b') - log.indexOf('a')).toBeGreaterThan(3);
    expect(after('a')).toMatch(/^s[45]$/);
  });

  it('runs a backend job at the next yield whatever the share, and evaluations only if marked between', async () => {
    const { scheduler, log, steps, work } = harness({ share: 0 });
    scheduler.add({ kind: 'training', run: steps('s', 3) });
    scheduler.add({ kind: 'evaluating', run: work('not-between') });
    await new Promise((r) => setTimeout(r, 0));
    scheduler.add({ kind: 'backend', run: work('lose'), between: true });
    await scheduler.idle();
    expect(log.indexOf('lose')).toBeLessThan(log.indexOf('s end'));
    expect(log.indexOf('not-between')).toBeGreaterThan(log.indexOf('s end'));
  });

  it('stops a cancelled training run at its next yield, its clean-up run, and drops a queued job', async () => {
    const { scheduler, log, steps, work } = harness();
    const run = scheduler.add({ kind: 'training', run: steps('s', 100) });
    const queued = scheduler.add({ kind: 'timing', run: work('bench') });
    queued.cancel();
    await new Promise((r) => setTimeout(r, 0));
    run.cancel();
    expect(await run.done).toBe('cancelled');
    expect(await queued.done).toBe('cancelled');
    expect(log.at(-1)).toBe('s end');
    expect(log.filter((l) => /^s\d/.test(l)).length).toBeLessThanOrEqual(2);
    expect(log).not.toContain('bench');
    await scheduler.idle();
    expect(scheduler.state).toBe('idle');
  });

  it('cancels every job of a kind, and the next kind runs once the running one stops', async () => {
    const { scheduler, log, steps, work } = harness();
    scheduler.add({ kind: 'training', run: steps('s', 100) });
    await new Promise((r) => setTimeout(r, 0));
    scheduler.add({ kind: 'training', run: steps('u', 100) });
    scheduler.cancel('training');
    scheduler.add({ kind: 'timing', run: work('bench') });
    await scheduler.idle();
    expect(log.at(-1)).toBe('bench');
    expect(log.some((l) => l.startsWith('u'))).toBe(false);
  });

  it('reports a failing job, returns to idle and runs the next', async () => {
    const { scheduler, log, errors, work } = harness();
    const failing = scheduler.add({
      kind: 'timing',
      run: async () => {
        throw new Error('no WebGPU adapter');
      },
    });
    scheduler.add({ kind: 'evaluating', run: work('e') });
    expect(await failing.done).toBe('failed');
    await scheduler.idle();
    expect(errors).toEqual(['timing: no WebGPU adapter']);
    expect(log).toEqual(['e']);
    expect(scheduler.state).toBe('idle');
  });

  it('ends a training run whose step throws, with its clean-up run', async () => {
    const { scheduler, log, errors } = harness();
    const job = scheduler.add({
      kind: 'training',
      run: async function* () {
        try {
          yield;
          throw new Error('the loss is not finite');
        } finally {
          log.push('cleaned up');
        }
      },
    });
    expect(await job.done).toBe('failed');
    expect(errors).toEqual(['training: the loss is not finite']);
    expect(log).toEqual(['cleaned up']);
  });

  it('puts a job marked front before the others of its kind', async () => {
    const { scheduler, log, work } = harness();
    const kinds: JobKind[] = ['evaluating', 'evaluating'];
    kinds.forEach((kind, i) => scheduler.add({ kind, run: work(`e${i + 1}`) }));
    scheduler.add({ kind: 'evaluating', run: work('again'), front: true });
    await scheduler.idle();
    expect(log).toEqual(['again', 'e1', 'e2']);
  });
});
