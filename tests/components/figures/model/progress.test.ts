/** Figure 8.2's fed data and view: the worker's messages, one after another, as the reader sees them. */
import { describe, expect, it } from 'vitest';
import {
  INITIAL_TRAIN,
  medianStepMs,
  onTrainMessage,
  resetRun,
  startRun,
  tickWarmUp,
  warmUpSeconds,
  type TrainFed,
} from '../../../../src/components/figures/model/progress.ts';
import type { ModelResponse } from '../../../../src/components/figures/model/worker/protocol.ts';
import { trainView } from '../../../../src/components/figures/model/view.ts';

const state = { head: 'heatmap', size: '64', target: 'unbiased', sample: 0 } as const;
const run = (f: TrainFed, messages: ModelResponse[]) => messages.reduce(onTrainMessage, f);

describe('figure 8.2 fed by the worker', () => {
  it('draws nothing to pause or reset before a run, and the status of the backend once chosen', () => {
    const f = onTrainMessage(INITIAL_TRAIN, {
      type: 'backend',
      choice: { name: 'webgl', skipped: [{ name: 'webgpu', reason: 'no WebGPU adapter' }], float16: false },
    });
    const view = trainView(f, state);
    expect(view.attrs.pause).toEqual({ disabled: '', 'aria-pressed': 'false' });
    expect(view.attrs.reset).toEqual({ disabled: '' });
    expect(view.text.status).toBe('Backend: webgl (skipped webgpu: no WebGPU adapter) · step time: warming up');
    expect(view.attrs.warning).toEqual({ hidden: '' });
    expect(view.attrs['yours-gallery-box']).toEqual({ hidden: '' });
  });

  it('follows a run: steps, the median step time after warm-up, the latest errors, pause', () => {
    let f = startRun(INITIAL_TRAIN, 'dsnt', 128, 0);
    f = run(f, [
      { type: 'state', running: true, step: 0 },
      ...[1, 2, 3, 4, 5, 6].map((step): ModelResponse => ({
        type: 'step',
        step,
        loss: 1 / step,
        ms: 100 * step,
        tensors: 44,
        backend: 'webgl',
      })),
      { type: 'eval', step: 25, head: 'dsnt', size: 128, errors: { dsnt: 2.5 }, gallery: [] },
    ]);
    // Steps 4, 5 and 6 are past warm-up: their median is step 5's.
    expect(medianStepMs(f.times)).toBe(500);
    const view = trainView(f, state);
    expect(view.text.step).toBe('6');
    expect(view.text.errors).toBe('soft-argmax 2.50 px');
    expect(f.said).toBe('Step 25: held-out error soft-argmax 2.50 px.');
    expect(view.text.pause).toBe('Pause');
    // The legend follows the head being trained, not the head the controls show now.
    expect(view.attrs['legend-dsnt']).toEqual({ hidden: null });
    expect(view.attrs['legend-dark']).toEqual({ hidden: '' });
    expect(view.text['legend-head']).toBe('Decoders of the DSNT head being trained:');
    const paused = onTrainMessage(f, { type: 'state', running: false, step: 6 });
    expect(trainView(paused, state).text.pause).toBe('Resume');
    expect(trainView(paused, state).attrs.pause).toEqual({ disabled: null, 'aria-pressed': 'true' });
    // A new run starts its curves afresh; a reset leaves nothing to pause.
    expect(startRun(f, 'simdr', 64, 0)).toMatchObject({ losses: [], errors: [], step: 0, run: { head: 'simdr' } });
    expect(trainView(resetRun(f), state).attrs.reset).toEqual({ disabled: '' });
  });

  it('times the warm-up in whole seconds while it runs, leaves out paused time, and says no more of it from the first step on', () => {
    const started = startRun(INITIAL_TRAIN, 'heatmap', 64, 1000);
    // Not running yet (the worker has not said so): the clock moves on, the count does not.
    expect(warmUpSeconds(tickWarmUp(started, 5000))).toBe(0);
    let f = onTrainMessage(tickWarmUp(started, 1500), { type: 'state', running: true, step: 0 });
    f = onTrainMessage(f, { type: 'backend', choice: { name: 'webgl', skipped: [], float16: false } });
    expect(trainView(f, state).text.status).toBe(
      'Backend: webgl · step time: warming up, 0 s so far (the backend builds its programs for the first step)',
    );
    f = tickWarmUp(f, 14_499);
    expect(trainView(f, state).text.status).toMatch(/warming up, 12 s so far/);
    // Paused for 30 s, then resumed: the count goes on from where it stopped.
    f = tickWarmUp(onTrainMessage(f, { type: 'state', running: false, step: 0 }), 44_499);
    expect(warmUpSeconds(f)).toBe(12);
    f = tickWarmUp(onTrainMessage(f, { type: 'state', running: true, step: 0 }), 46_499);
    expect(warmUpSeconds(f)).toBe(14);
    f = onTrainMessage(f, { type: 'step', step: 1, loss: 0.5, ms: 12_000, tensors: 40, backend: 'webgl' });
    expect(f.warmUp).toBeUndefined();
    expect(tickWarmUp(f, 50_000)).toBe(f);
    expect(trainView(f, state).text.status).toBe('Backend: webgl · step time: warming up · tensors in memory: 40');
    // A reset forgets the warm-up.
    expect(resetRun(started).warmUp).toBeUndefined();
  });

  it('notes a float16 GPU and a failed backend once, and says where training goes on', () => {
    const float16: ModelResponse = { type: 'backend', choice: { name: 'webgl', skipped: [], float16: true } };
    let f = run(INITIAL_TRAIN, [float16, float16]);
    expect(f.notes).toHaveLength(1);
    f = onTrainMessage(f, {
      type: 'fallback',
      from: 'webgl',
      to: 'cpu',
      reason: 'the WebGL context was lost',
      training: true,
    });
    expect(trainView(f, state).text.warning).toMatch(
      /16-bit floats.* The webgl backend failed \(the WebGL context was lost\); training continues on cpu from the last snapshot\.$/,
    );
    const models = onTrainMessage(INITIAL_TRAIN, {
      type: 'fallback',
      from: 'webgl',
      to: 'cpu',
      reason: 'lost',
      training: false,
    });
    expect(models.said).toBe('The webgl backend failed; the models now run on cpu.');
  });

  it('fills the timing table, and says how WebGL compares with the CPU', () => {
    const f = onTrainMessage(INITIAL_TRAIN, {
      type: 'bench',
      rows: [
        { backend: 'webgpu', note: 'not available here' },
        { backend: 'webgl', medianMs: 185, note: '10 steps' },
        { backend: 'wasm', note: 'cannot train' },
        { backend: 'cpu', medianMs: 370, note: '10 steps' },
      ],
    });
    const view = trainView(f, state);
    expect(view.attrs.bench).toEqual({ hidden: null });
    expect([view.text['bench-webgl-ms'], view.text['bench-webgpu-ms'], view.text['bench-cpu-note']]).toEqual([
      '185.0 ms',
      '—',
      '10 steps',
    ]);
    expect(f.said).toBe("WebGL takes 0.50 times the CPU's step time.");
  });

  it('leaves the messages about the shipped models alone', () => {
    const m: ModelResponse = { type: 'shipped', head: 'dsnt', size: 64, errors: {}, gallery: [] };
    expect(onTrainMessage(INITIAL_TRAIN, m)).toBe(INITIAL_TRAIN);
  });
});
