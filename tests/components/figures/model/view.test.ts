/** Figure 8.2's view from its fed data and state: the status line, buttons, legend, timing table and gallery. */
import { describe, expect, it } from 'vitest';
import { galleryView, gallerySet } from '../../../../src/components/figures/model/gallery-view.ts';
import { INITIAL_TRAIN, type TrainFed } from '../../../../src/components/figures/model/progress.ts';
import { statusLine, trainView, YOURS, type TrainState } from '../../../../src/components/figures/model/view.ts';

const state: TrainState = { head: 'heatmap', size: '64', target: 'unbiased', sample: 0 };

describe('statusLine(backend, stepMs, tensors)', () => {
  it('says the backend, the median step time once warm, and the tensors in memory', () => {
    expect(statusLine('webgl', undefined, undefined)).toBe('Backend: webgl · step time: warming up');
    expect(statusLine('wasm', 41.6, 212)).toBe('Backend: wasm · step: 42 ms (median) · tensors in memory: 212');
  });
});

describe('trainView(fed, state)', () => {
  it('before a run: pause and reset disabled, nothing measured', () => {
    const { attrs, text } = trainView(INITIAL_TRAIN, state);
    expect(attrs.pause).toEqual({ disabled: '', 'aria-pressed': 'false' });
    expect(attrs.reset).toEqual({ disabled: '' });
    expect(attrs.warning).toEqual({ hidden: '' });
    expect(attrs.bench).toEqual({ hidden: '' });
    expect(attrs[`${YOURS}gallery-box`]).toEqual({ hidden: '' });
    expect(text).toMatchObject({
      status: 'Backend: not started · step time: warming up',
      step: '0',
      loss: '—',
      errors: '—',
      pause: 'Pause',
      'legend-head': 'Decoders of the heatmap head:',
      'bench-webgl-ms': '—',
      [`${YOURS}gallery-step`]: '',
    });
  });

  it('while paused: pause pressed and offered as Resume; the loss, errors and warnings shown', () => {
    const fed: TrainFed = {
      ...INITIAL_TRAIN,
      backend: 'webgl',
      skipped: ' (skipped webgpu: no adapter)',
      started: true,
      running: false,
      step: 50,
      loss: 0.012345,
      errors: [
        { step: 50, method: 'argmax', error: 2.5 },
        { step: 50, method: 'dark', error: 1.25 },
      ],
      times: [{ step: 10, ms: 30 }],
      tensors: 80,
      notes: ['float16', 'rounding'],
    };
    const { attrs, text } = trainView(fed, state);
    expect(attrs.pause).toEqual({ disabled: null, 'aria-pressed': 'true' });
    expect(attrs.reset).toEqual({ disabled: null });
    expect(attrs.warning).toEqual({ hidden: null });
    expect(text).toMatchObject({
      status: 'Backend: webgl (skipped webgpu: no adapter) · step: 30 ms (median) · tensors in memory: 80',
      step: '50',
      loss: '0.0123',
      errors: 'argmax 2.50 px, DARK 1.25 px',
      warning: 'float16 rounding',
      pause: 'Resume',
    });
  });

  it("shows the legend of the run's head, not the chosen one, and the target only for heatmaps", () => {
    const fed: TrainFed = { ...INITIAL_TRAIN, started: true, running: true, run: { head: 'simdr', size: 64 } };
    const { attrs, text } = trainView(fed, { ...state, head: 'dsnt' });
    expect(attrs['legend-simdr']).toEqual({ hidden: null });
    expect(attrs['legend-argmax']).toEqual({ hidden: '' });
    expect(attrs['legend-dsnt']).toEqual({ hidden: '' });
    expect(attrs['target-box']).toEqual({ hidden: '' });
    expect(text['legend-head']).toBe('Decoders of the SimDR head being trained:');
    expect(text.pause).toBe('Pause');
    expect(trainView(INITIAL_TRAIN, state).attrs['target-box']).toEqual({ hidden: null });
  });

  it('offers fine-tuning at the sizes the shipped models come in', () => {
    expect(trainView(INITIAL_TRAIN, { ...state, size: '128' }).attrs.finetune).toEqual({ disabled: null });
    expect(trainView(INITIAL_TRAIN, { ...state, size: '96' as '64' }).attrs.finetune).toEqual({ disabled: '' });
  });

  it("fills the timing table's rows by backend", () => {
    const fed: TrainFed = {
      ...INITIAL_TRAIN,
      bench: [
        { backend: 'webgl', medianMs: 12.345, note: 'float32' },
        { backend: 'webgpu', note: 'no adapter' },
      ],
    };
    const { attrs, text } = trainView(fed, state);
    expect(attrs.bench).toEqual({ hidden: null });
    expect(text).toMatchObject({
      'bench-webgl-ms': '12.3 ms',
      'bench-webgl-note': 'float32',
      'bench-webgpu-ms': '—',
      'bench-webgpu-note': 'no adapter',
      'bench-cpu-ms': '—',
      'bench-cpu-note': '',
    });
  });

  it("draws the run's gallery at its size, prefixed, and says its step", () => {
    const samples = gallerySet(128).keypoints.map((k) => ({
      map: new Float32Array(1024),
      w: 32,
      h: 32,
      points: { argmax: k },
      errors: { argmax: 1, quarter: 1, dark: 1 },
    }));
    const fed: TrainFed = {
      ...INITIAL_TRAIN,
      run: { head: 'heatmap', size: 128 },
      gallery: { step: 75, size: 128, samples },
    };
    const { attrs, text } = trainView(fed, { ...state, sample: 2 });
    const expected = galleryView(
      {
        samples,
        truth: gallerySet(128).keypoints,
        head: 'heatmap',
        selected: 2,
        size: 128,
        source: 'Your model at step 75.',
      },
      YOURS,
    );
    expect(attrs).toMatchObject(expected.attrs);
    expect(text).toMatchObject(expected.text);
    expect(attrs[`${YOURS}gallery-box`]).toEqual({ hidden: null });
    expect(text[`${YOURS}gallery-step`]).toBe(
      "Your heatmap model at step 75, on the gallery's samples at 128 × 128: select one to see its output maps.",
    );
  });
});
