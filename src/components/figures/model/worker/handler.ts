/**
 * Chapter 8's worker, message by message. Everything that touches TensorFlow.js runs as a job of
 * one queue (`jobs.ts`), one job at a time: the training run yields between its steps, and the
 * shipped models are measured a slice of samples at a time between them (within a share of the
 * training time) or back to back when nothing trains. Messages only add and cancel jobs. A lost
 * WebGL context moves training to the next rung of the backend ladder, from the last snapshot of
 * the weights, and the shipped models with it.
 */
import type { BackendName } from '../../../../lib/tf/backends.ts';
import type { Head, Weights } from '../../../../lib/tf/index.ts';
import { benchBackends } from './bench.ts';
import { createBackendLadder } from './backend.ts';
import { createScheduler } from './jobs.ts';
import type { BenchRow, ModelRequest, Post } from './protocol.ts';
import { createShippedMeasurement } from './shipped.ts';
import { fetchShippedWeights } from './shipped-weights.ts';
import type { TfRuntime } from './tf-runtime.ts';
import { createTraining } from './training.ts';

/**
 * Between training steps, the shipped models' measurement may take as long as the steps
 * themselves: training runs about half as fast until the six are measured (a few minutes on a
 * software GPU; the old worker's training made 4 % of its speed meanwhile), then at full speed.
 * The recorded numbers are on the page meanwhile.
 */
const MEASURING_SHARE = 1;

export interface ModelWorkerOptions {
  tf: TfRuntime;
  post: Post;
  /** The backend ladder for training, best first (`TRAINING_LADDER`). */
  ladder: readonly BackendName[];
  /** The scheduler's clock, for the measurement's share of the training time (`performance.now`). */
  now?: () => number;
}

/** The worker's parts, wired; returns the function that handles each of the page's requests. */
export function createModelWorker({ tf, post, ladder, now }: ModelWorkerOptions): (request: ModelRequest) => void {
  const jobs = createScheduler({
    share: MEASURING_SHARE,
    ...(now ? { now } : {}),
    onError: (error) => post({ type: 'error', message: (error as Error).message }),
  });
  const backend = createBackendLadder({ tf, post, ladder, leaveSession: () => training.leaveSession() });
  const training = createTraining({ tf, post, jobs, backend, heldElsewhere: () => shipped.held() });
  const shipped = createShippedMeasurement({ tf, post, jobs, backend, training: () => training.running });
  /** A shipped model's files, fetched at once (outside the queue: only its own job waits for them). */
  const download = (head: Head, size: number): Promise<Weights> => {
    const weights = fetchShippedWeights(tf, head, size);
    weights.catch(() => undefined);
    return weights;
  };

  return (request) => {
    switch (request.type) {
      case 'flags':
        tf.applyPageFlags(request.search);
        return;
      case 'init':
        jobs.add({
          kind: 'backend',
          between: true,
          run: async () => {
            const known = backend.chosen;
            await backend.ensure();
            // A backend chosen just now has been posted already.
            if (known && backend.chosen) post({ type: 'backend', choice: backend.chosen });
          },
        });
        return;
      case 'train': {
        const { config, from } = request;
        const weights = from === 'shipped' ? download(config.head, config.size) : undefined;
        training.start({ config, ...(weights ? { weights } : {}) });
        return;
      }
      case 'pause':
        training.pause();
        return;
      case 'resume':
        training.resume();
        return;
      case 'reset':
        training.reset();
        return;
      case 'lose-context':
        // A job of its own: between two training steps, where a real loss is most often noticed,
        // or between two slices of a shipped model's measurement.
        jobs.add({ kind: 'backend', between: true, run: () => backend.loseContext() });
        return;
      case 'bench':
        // Training pauses; the timing runs once the job in progress is done, and the backend
        // ladder is restored after it even if a backend fails.
        training.interrupt();
        jobs.add({
          kind: 'timing',
          run: async () => {
            let rows: BenchRow[];
            try {
              rows = await benchBackends(tf, request.steps);
            } finally {
              await backend.restore();
            }
            post({ type: 'bench', rows });
          },
        });
        return;
      case 'shipped':
        // Each model is measured once its own files have arrived.
        for (const [i, size] of request.sizes.entries()) {
          for (const head of request.heads) {
            shipped.measure(head, size, i === 0 ? request.gallery : 0, download(head, size));
          }
        }
        return;
    }
  };
}
