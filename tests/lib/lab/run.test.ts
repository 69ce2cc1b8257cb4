/** A Lab run: its decoders' settings and the key that says when a decode must run again. */
import { describe, expect, it } from 'vitest';
import { heatmapSettingsOf, runKey, simccSettingsOf, type LabRun } from '../../../src/lib/index.ts';
import { RUN } from './lab-run.ts';

describe('heatmapSettingsOf(run) and simccSettingsOf(run)', () => {
  it('take each family of decoders its own settings, and nothing else', () => {
    expect(heatmapSettingsOf(RUN)).toEqual({
      decoders: ['argmax', 'dark'],
      kernel: 11,
      beta: 20,
      stride: 4,
      convention: 'reference',
      mapping: 'stride',
    });
    expect(simccSettingsOf(RUN)).toEqual({ decoders: ['simccArgmax'], splitRatio: 2, sigma: [6, 6], beta: 20 });
  });
});

describe('runKey(run, kind)', () => {
  it('changes with a setting the kind decodes under, and only with one', () => {
    const heat = runKey(RUN, 'heatmaps');
    for (const patch of [
      { convention: 'mmpose' },
      { mapping: 'udp' },
      { decoders: ['argmax'] },
      { kernel: 5 },
      { beta: 1 },
      { stride: 8 },
      { units: 'heatmap' },
      { flip: 0 },
      { pairs: [] },
      // What the result reports: σ, names and the box threshold are read when the rows are scored.
      { sigmas: [0.1] },
      { names: ['nose'] },
      { bboxScoreThr: 0.3 },
    ] as Partial<LabRun>[])
      expect(runKey({ ...RUN, ...patch }, 'heatmaps'), JSON.stringify(patch)).not.toBe(heat);
    expect(runKey({ ...RUN, splitRatio: 3, sigma: [4.9, 5.66], simccDecoders: [] }, 'heatmaps')).toBe(heat);
    const simcc = runKey(RUN, 'simcc');
    for (const patch of [
      { splitRatio: 3 },
      { sigma: [4.9, 5.66] },
      { beta: 1 },
      { simccDecoders: [] },
      { units: 'heatmap' },
      { sigmas: [0.1] },
      { names: ['nose'] },
      { bboxScoreThr: 0.3 },
    ] as Partial<LabRun>[])
      expect(runKey({ ...RUN, ...patch }, 'simcc'), JSON.stringify(patch)).not.toBe(simcc);
    expect(runKey({ ...RUN, kernel: 3, convention: 'mmpose', flip: 'off', stride: 8 }, 'simcc')).toBe(simcc);
  });
});
