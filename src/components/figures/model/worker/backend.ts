/**
 * Chapter 8's worker on the backend ladder: the backend every job starts on (chosen once, and
 * posted), and the move down to the next rung when one fails (a lost WebGL context, a non-finite
 * loss), which takes the training session along, restarted from its last snapshot. While a job
 * waits on the GPU, a lost context is watched for: its reads can otherwise stay pending for ever.
 */
import type { BackendChoice, BackendName } from '../../../../lib/tf/backends.ts';
import type { Post } from './protocol.ts';
import type { TfRuntime } from './tf-runtime.ts';

/** Why a WebGL backend failed, as the page is told. */
export const CONTEXT_LOST = 'the WebGL context was lost';

/** How often a job waiting on the GPU checks for a lost context, ms. */
const WATCH_EVERY_MS = 200;

export interface BackendLadderOptions {
  tf: TfRuntime;
  post: Post;
  /** The rungs, best first (`TRAINING_LADDER`). */
  ladder: readonly BackendName[];
  /**
   * Ends the training session on the failing backend, if there is one, and gives the function
   * that starts it again once the next backend is chosen.
   */
  leaveSession(): (() => void) | undefined;
}

export interface BackendLadder {
  /** The backend in use, once chosen. */
  readonly chosen: BackendChoice | undefined;
  /** Every job starts here: a backend chosen (and posted), and a lost context left behind. */
  ensure(): Promise<void>;
  /** Drops the backend in use and moves to the next rung, the training session with it. */
  fallBack(reason: string): Promise<void>;
  /** Makes the WebGL backend lose its context, as a crashed GPU would, and falls back. */
  loseContext(): Promise<void>;
  /** Chooses again from the rungs left, and posts it (after the benchmark tried each backend). */
  restore(): Promise<void>;
  /** `work`, rejected as soon as the WebGL context is lost. */
  watched<T>(work: () => Promise<T>): Promise<T>;
}

/** The worker's place on the ladder (see the module's comment). */
export function createBackendLadder(options: BackendLadderOptions): BackendLadder {
  const { tf, post, leaveSession } = options;
  let ladder = [...options.ladder];
  let chosen: BackendChoice | undefined;

  /** A promise that rejects once the WebGL context is lost, until stopped. */
  const watchContext = (): { lost: Promise<never>; stop(): void } => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const lost = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (tf.webglContextLost()) reject(new Error(CONTEXT_LOST));
      }, WATCH_EVERY_MS);
    });
    lost.catch(() => undefined);
    return { lost, stop: () => clearInterval(timer) };
  };

  const fallBack = async (reason: string): Promise<void> => {
    const from = tf.currentBackend() as BackendName;
    const restart = leaveSession();
    tf.dropBackend(from);
    ladder = ladder.filter((name) => name !== from);
    chosen = await tf.chooseBackend(ladder);
    restart?.();
    post({ type: 'fallback', from, to: chosen.name, reason, training: Boolean(restart) });
    post({ type: 'backend', choice: chosen });
  };

  const ensure = async (): Promise<void> => {
    if (!chosen) {
      chosen = await tf.chooseBackend(ladder);
      post({ type: 'backend', choice: chosen });
    } else if (tf.webglContextLost()) await fallBack(CONTEXT_LOST);
  };

  return {
    get chosen() {
      return chosen;
    },
    ensure,
    fallBack,
    async loseContext() {
      await ensure();
      if (!tf.loseWebglContext()) {
        post({ type: 'error', message: 'this backend has no WebGL context to lose' });
        return;
      }
      await fallBack(CONTEXT_LOST);
    },
    async restore() {
      chosen = await tf.chooseBackend(ladder);
      post({ type: 'backend', choice: chosen });
    },
    async watched(work) {
      const watch = watchContext();
      try {
        return await Promise.race([work(), watch.lost]);
      } finally {
        watch.stop();
      }
    },
  };
}
