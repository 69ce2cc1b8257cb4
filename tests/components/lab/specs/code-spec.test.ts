/**
 * The Lab's "copy as code" (`code-spec.ts`): the NumPy script and MMPose config are the library's
 * for the run and what is loaded (`labCodeSettings`), and the hint says which file the script reads.
 */
import { describe, expect, it } from 'vitest';
import spec from '../../../../src/components/lab/specs/code-spec.ts';
import type { LabLoaded } from '../../../../src/components/lab/sources.ts';
import { runOf, type LabState } from '../../../../src/components/lab/state.ts';
import { renderFigure } from '../../../../src/components/ui/render-figure.ts';
import { labCodeSettings, mmposeConfig, numpyCode, type InputSummary } from '../../../../src/lib/index.ts';

const heatmaps = (source: string): InputSummary => ({ kind: 'heatmaps', source, n: 2, k: 17, h: 64, w: 48 });
const simccInput = (source: string): InputSummary => ({ kind: 'simcc', source, n: 1, k: 17, h: 512, w: 384 });

const render = (loaded: LabLoaded, state: Partial<LabState> = {}) => renderFigure(spec, { fed: loaded, state });

/** The library's code for a render's run and the files loaded. */
const libraryCode = (drawn: ReturnType<typeof render>, loaded: LabLoaded) => {
  const settings = labCodeSettings(runOf(drawn.state), {
    ...(loaded.input ? { input: loaded.input } : {}),
    ...(loaded.flipped ? { flipped: loaded.flipped.source } : {}),
  });
  return { settings, numpy: numpyCode(settings), mmpose: mmposeConfig(settings) };
};

describe('the Lab’s code', () => {
  const cases: [string, LabLoaded, Partial<LabState>][] = [
    ['nothing loaded', {}, {}],
    ['heatmaps from a .npy', { input: heatmaps('maps.npy') }, { convention: 'mmpose', kernel: '7' }],
    ['heatmaps with the flip test', { input: heatmaps('maps.npy'), flipped: heatmaps('flipped.npy') }, { flip: '0' }],
    ['SimCC from a .npz', { input: simccInput('rtm.npz') }, { split: 2, simccDark: false }],
  ];

  it.each(cases)('for %s, is the library’s NumPy code and MMPose config, shown as they are', (_, loaded, state) => {
    const drawn = render(loaded, state);
    const code = libraryCode(drawn, loaded);
    expect(drawn.data.numpy).toBe(code.numpy);
    expect(drawn.data.mmpose).toBe(code.mmpose);
    expect(drawn.view.text).toEqual({
      'numpy-code': code.numpy,
      'mmpose-code': code.mmpose,
      'code-hint': drawn.data.hint,
    });
  });

  it('changes with the run', () => {
    const loaded = { input: heatmaps('maps.npy') };
    expect(render(loaded, { convention: 'mmpose' }).data.numpy).not.toBe(
      render(loaded, { convention: 'reference' }).data.numpy,
    );
  });
});

describe('the Lab’s code hint', () => {
  it('before anything is loaded, says the script reads heatmaps.npy of either shape', () => {
    expect(render({}).data.hint).toBe(
      'The script reads heatmaps.npy, an array [N, K, H, W] or [K, H, W] saved with np.save.',
    );
  });

  it('names the heatmap file the script reads, with the flipped maps’ when the flip test is on', () => {
    const loaded = { input: heatmaps('maps.npy'), flipped: heatmaps('flipped.npy') };
    expect(libraryCode(render(loaded, { flip: '1' }), loaded).settings.flip?.file).toBe('flipped.npy');
    expect(render(loaded, { flip: '1' }).data.hint).toBe('The script reads maps.npy and flipped.npy.');
    expect(render(loaded, { flip: 'off' }).data.hint).toBe('The script reads maps.npy.');
  });

  it('says how to save loaded maps the script cannot read as they are', () => {
    const loaded = { input: heatmaps('maps.json') };
    expect(libraryCode(render(loaded), loaded).settings.file).toBeUndefined();
    expect(render(loaded).data.hint).toMatch(
      /^The script reads heatmaps\.npy: save your maps .*np\.save\('heatmaps\.npy', maps\)/,
    );
  });

  it('for SimCC, names the .npz it reads, or says how to save two .npy files as one', () => {
    expect(render({ input: simccInput('rtm.npz') }).data.hint).toBe('The script reads rtm.npz (simcc_x and simcc_y).');
    expect(render({ input: simccInput('out_x.npy + out_y.npy') }).data.hint).toMatch(
      /^The script reads simcc\.npz: save your vectors with np\.savez\('simcc\.npz', simcc_x=…, simcc_y=…\)/,
    );
  });
});
