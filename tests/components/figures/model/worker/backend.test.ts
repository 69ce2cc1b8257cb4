/** Chapter 8's worker on the backend ladder: choosing once, falling back with the session, watching the context. */
import { describe, expect, it, vi } from 'vitest';
import { CONTEXT_LOST, createBackendLadder } from '../../../../../src/components/figures/model/worker/backend.ts';
import { fakeTf, postbox, type FakeTfOptions } from './fake-tf.ts';

function ladder(options: FakeTfOptions = {}, leaveSession: () => (() => void) | undefined = () => undefined) {
  const fake = fakeTf(options);
  const box = postbox();
  const backend = createBackendLadder({
    tf: fake.tf,
    post: box.post,
    ladder: ['webgpu', 'webgl', 'cpu'],
    leaveSession,
  });
  return { ...fake, ...box, ladder: backend };
}

describe('createBackendLadder', () => {
  it('chooses the first rung that works on the first job only, and posts it', async () => {
    const l = ladder();
    expect(l.ladder.chosen).toBeUndefined();
    await l.ladder.ensure();
    await l.ladder.ensure();
    expect(l.ladder.chosen?.name).toBe('webgl');
    expect(l.messages).toEqual([{ type: 'backend', choice: l.ladder.chosen }]);
    expect(l.log).toEqual(['choose webgpu,webgl,cpu']);
  });

  it('falls back from a lost context found when a job starts', async () => {
    const l = ladder();
    await l.ladder.ensure();
    l.tf.loseWebglContext();
    await l.ladder.ensure();
    expect(l.ladder.chosen?.name).toBe('cpu');
    expect(l.of('fallback')).toEqual([
      { type: 'fallback', from: 'webgl', to: 'cpu', reason: CONTEXT_LOST, training: false },
    ]);
  });

  it('drops the failed rung for good and restarts the session once the next backend is chosen', async () => {
    const order: string[] = [];
    const leave = vi.fn(() => {
      order.push('leave');
      return () => order.push(`restart on ${l.backend()}`);
    });
    const l = ladder({}, leave);
    await l.ladder.ensure();
    await l.ladder.fallBack('the loss is not finite');
    expect(order).toEqual(['leave', 'restart on cpu']);
    expect(l.log).toEqual(['choose webgpu,webgl,cpu', 'drop webgl', 'choose webgpu,cpu']);
    expect(l.messages.slice(1)).toEqual([
      { type: 'fallback', from: 'webgl', to: 'cpu', reason: 'the loss is not finite', training: true },
      {
        type: 'backend',
        choice: { name: 'cpu', skipped: [{ name: 'webgpu', reason: 'not offered' }], float16: false },
      },
    ]);
    // After a benchmark, the ladder is chosen from again without the dropped rung.
    await l.ladder.restore();
    expect(l.log.at(-1)).toBe('choose webgpu,cpu');
  });

  it('rejects when no rung is left, after ending the session', async () => {
    const leave = vi.fn(() => () => undefined);
    const l = ladder({ available: ['webgl'] }, leave);
    await l.ladder.ensure();
    await expect(l.ladder.fallBack('x')).rejects.toThrow('no TensorFlow.js backend works here (tried webgpu, cpu)');
    expect(leave).toHaveBeenCalledOnce();
    expect(l.of('fallback')).toEqual([]);
  });

  it('loses the WebGL context on request, or says there is none to lose', async () => {
    const l = ladder();
    await l.ladder.loseContext();
    expect(l.of('fallback')[0]).toMatchObject({ from: 'webgl', to: 'cpu', reason: CONTEXT_LOST });
    await l.ladder.loseContext();
    expect(l.of('error')).toEqual([{ type: 'error', message: 'this backend has no WebGL context to lose' }]);
    expect(l.of('fallback')).toHaveLength(1);
  });

  it('settles work that waits on a GPU whose context is lost, and lets other work finish', async () => {
    const l = ladder();
    await l.ladder.ensure();
    await expect(l.ladder.watched(async () => 7)).resolves.toBe(7);
    const pending = l.ladder.watched(() => new Promise<never>(() => undefined));
    l.tf.loseWebglContext();
    await expect(pending).rejects.toThrow(CONTEXT_LOST);
  });
});
