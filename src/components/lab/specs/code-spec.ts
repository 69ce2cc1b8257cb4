/**
 * "Copy as code": the NumPy script and the MMPose codec config that reproduce the Lab's decoding
 * of what is loaded (the library's `numpyCode` and `mmposeConfig` of `labCodeSettings`), shown in
 * the page and copied on request (`setup`: the clipboard is not state).
 */
import { labCodeSettings, mmposeConfig, numpyCode, type CopyAsCodeSettings } from '../../../lib/index.ts';
import { copyText } from '../../ui/clipboard.ts';
import { defineSpec } from '../../ui/figure.ts';
import { labLoaded, type LabLoaded } from '../sources.ts';
import { runOf, runParams } from '../state.ts';

/** What the script reads, in a sentence. */
function hintOf(settings: CopyAsCodeSettings, loaded: boolean): string {
  if (settings.input === 'simcc')
    return settings.file
      ? `The script reads ${settings.file} (simcc_x and simcc_y).`
      : "The script reads simcc.npz: save your vectors with np.savez('simcc.npz', simcc_x=…, simcc_y=…).";
  if (settings.file) return `The script reads ${settings.file}${settings.flip ? ` and ${settings.flip.file}` : ''}.`;
  return loaded
    ? `The script reads heatmaps.npy: save your maps [N, K, H, W] with np.save('heatmaps.npy', maps).`
    : 'The script reads heatmaps.npy, an array [N, K, H, W] or [K, H, W] saved with np.save.';
}

export default defineSpec({
  name: 'lab-code',
  params: runParams,
  source: labLoaded,
  build: (s, _pre, { input, flipped }: LabLoaded) => {
    const settings = labCodeSettings(runOf(s), {
      ...(input ? { input } : {}),
      ...(flipped ? { flipped: flipped.source } : {}),
    });
    return { numpy: numpyCode(settings), mmpose: mmposeConfig(settings), hint: hintOf(settings, Boolean(input)) };
  },
  view: (d) => ({ attrs: {}, text: { 'numpy-code': d.numpy, 'mmpose-code': d.mmpose, 'code-hint': d.hint } }),
  setup({ root, part, data, listen }) {
    listen(root, 'click', (event) => {
      const action = (event.target as HTMLElement).closest<HTMLElement>('button[data-action]')?.dataset.action;
      if (action !== 'copy-numpy' && action !== 'copy-mmpose') return;
      // The code of the state as it is now, not as last drawn.
      const code = data();
      const what = action === 'copy-numpy' ? 'NumPy code' : 'MMPose config';
      void copyText(action === 'copy-numpy' ? code.numpy : code.mmpose).then((ok) => {
        part('[data-role="copy-status"]').textContent = ok
          ? `Copied the ${what}.`
          : `This browser did not allow copying; select the ${what} below and copy it.`;
        if (!ok) part<HTMLDetailsElement>('[data-role="code-details"]').open = true;
      });
    });
  },
});
