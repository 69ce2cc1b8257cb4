/**
 * Chapter 9's model in the session: nothing is downloaded until the reader presses a figure's
 * button; then the runtime and the model load beside the bundled photo's pixels, and the session
 * says how it went (the accelerator, why not the GPU, how long it took, or why it failed).
 */
import { loadBlazePose } from '../runtime.ts';
import { decodeBundled } from './photos.ts';
import { startRuns } from './pump.ts';
import { ch9Session, update } from './state.ts';

/** Downloads and starts the model (the reader's button); does nothing while it loads or once it runs. */
export async function requestModel(): Promise<void> {
  const model = ch9Session.get().model;
  if (model.status === 'loading' || model.status === 'ready') return;
  update({ model: { status: 'loading' } });
  const t0 = performance.now();
  try {
    const [loaded] = await Promise.all([loadBlazePose(), decodeBundled()]);
    update({
      model: {
        status: 'ready',
        accelerator: loaded.accelerator,
        fallback: loaded.fallback,
        fullyAccelerated: loaded.fullyAccelerated,
        loadMs: performance.now() - t0,
      },
    });
    startRuns(loaded);
  } catch (error) {
    // The runtime's errors (BlazePoseError) are sentences for the reader already.
    const message = error instanceof Error ? error.message : 'The model could not be loaded in this browser.';
    update({ model: { status: 'failed', message } });
  }
}
