/**
 * Chapter 8's backend timing table: a training step's median time on each backend the browser
 * offers, one backend after another (`timeTrainingSteps` in src/lib/tf times the steps).
 */
import type { BackendName } from '../../../../lib/tf/backends.ts';
import type { SessionConfig } from '../../../../lib/tf/index.ts';
import type { BenchRow } from './protocol.ts';
import { release, type TfRuntime } from './tf-runtime.ts';

/** The backends timed, in the table's order. */
const TIMED: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What each backend trains: the heatmap head at 64 px, batch 8. */
export const BENCH_SESSION: SessionConfig = {
  head: 'heatmap',
  size: 64,
  target: 'unbiased',
  batch: 8,
  learningRate: 1e-3,
  seed: 5,
};

/** Untimed steps first (shader compilation, first allocations). */
export const BENCH_WARM_UP = 3;

/** One row per backend (WASM cannot train); the backend in use is left to the caller to choose again. */
export async function benchBackends(tf: TfRuntime, steps: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const name of TIMED) {
    if (name === 'wasm') {
      rows.push({ backend: name, note: 'cannot train a convolutional network in TF.js (no Conv2DBackpropFilter)' });
      continue;
    }
    try {
      await tf.chooseBackend([name]);
    } catch {
      rows.push({ backend: name, note: 'not available here' });
      continue;
    }
    const session = tf.startSession(BENCH_SESSION);
    try {
      const { medianMs } = await tf.timeTrainingSteps(session, { steps, warmUp: BENCH_WARM_UP });
      rows.push({
        backend: name,
        medianMs,
        note: `${steps} steps of batch ${BENCH_SESSION.batch} after ${BENCH_WARM_UP} warm-up steps`,
      });
    } catch (error) {
      rows.push({ backend: name, note: `failed: ${(error as Error).message}` });
    } finally {
      release(() => tf.endSession(session));
    }
  }
  return rows;
}
