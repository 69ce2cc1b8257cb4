/**
 * "Copy as code": the NumPy script and the MMPose codec config that reproduce the Lab's current
 * decoding (the library's `numpyCode` and `mmposeConfig` of `codeSettings`), shown in the page
 * and copied to the clipboard on request.
 */
import { mmposeConfig, numpyCode } from '../../lib/index.ts';
import { part } from '../ui/part.ts';
import type { Store } from '../ui/store.ts';
import { codeSettings, type CodeContext, type LabState } from './state.ts';

/** Copies `text`; false when the browser refuses (no permission, no secure context). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface CopyCode {
  /** The loaded files changed: the code's file names and sizes follow. */
  update(context: CodeContext): void;
  destroy(): void;
}

export function mountCopyCode(root: HTMLElement, store: Store<LabState>): CopyCode {
  const name = 'decoder-lab';
  const numpyPre = part(root, '[data-role="numpy-code"]', name);
  const mmposePre = part(root, '[data-role="mmpose-code"]', name);
  const status = part(root, '[data-role="copy-status"]', name);
  const hint = part(root, '[data-role="code-hint"]', name);
  let context: CodeContext = {};
  let code = { numpy: '', mmpose: '' };
  let frame = 0;

  const draw = (): void => {
    frame = 0;
    const settings = codeSettings(store.get(), context);
    code = { numpy: numpyCode(settings), mmpose: mmposeConfig(settings) };
    if (numpyPre.textContent !== code.numpy) numpyPre.textContent = code.numpy;
    if (mmposePre.textContent !== code.mmpose) mmposePre.textContent = code.mmpose;
    const input = context.input;
    hint.textContent =
      settings.input === 'simcc'
        ? settings.file
          ? `The script reads ${settings.file} (simcc_x and simcc_y).`
          : "The script reads simcc.npz: save your vectors with np.savez('simcc.npz', simcc_x=…, simcc_y=…)."
        : settings.file
          ? `The script reads ${settings.file}${settings.flip ? ` and ${settings.flip.file}` : ''}.`
          : input
            ? `The script reads heatmaps.npy: save your maps [N, K, H, W] with np.save('heatmaps.npy', maps).`
            : 'The script reads heatmaps.npy, an array [N, K, H, W] or [K, H, W] saved with np.save.';
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const unsubscribe = store.subscribe(schedule);

  const onClick = (event: Event): void => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (action !== 'copy-numpy' && action !== 'copy-mmpose') return;
    // The code of the state as it is now, not as last drawn.
    if (frame) {
      cancelAnimationFrame(frame);
      draw();
    }
    const what = action === 'copy-numpy' ? 'NumPy code' : 'MMPose config';
    void copyText(action === 'copy-numpy' ? code.numpy : code.mmpose).then((ok) => {
      status.textContent = ok
        ? `Copied the ${what}.`
        : `This browser did not allow copying; select the ${what} below and copy it.`;
      if (!ok) part<HTMLDetailsElement>(root, '[data-role="code-details"]', name).open = true;
    });
  };
  root.addEventListener('click', onClick);

  return {
    update(next) {
      context = next;
      schedule();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribe();
      root.removeEventListener('click', onClick);
    },
  };
}
