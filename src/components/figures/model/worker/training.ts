/**
 * The reader's training run in chapter 8's worker: one session on the backend in use, stepped by
 * a job of the worker's queue that yields after each step, so that queued jobs run between steps.
 * Every few steps the weights are copied to the CPU (a move to another backend restarts the
 * session from that copy), and every few more the model is evaluated on held-out samples and on
 * the gallery. A failed step moves the session down the backend ladder. Pausing stops the run at
 * its next step; the session stays, to resume.
 */
import { LIVE_EVALUATION } from '../../../../lib/index.ts';
import type { Session, SessionConfig, Weights } from '../../../../lib/tf/index.ts';
import { GALLERY, GALLERY_SEED } from '../../../state/ch8.ts';
import { CONTEXT_LOST, type BackendLadder } from './backend.ts';
import { heldOutSet } from './held-out.ts';
import type { Job, Scheduler } from './jobs.ts';
import type { Post } from './protocol.ts';
import { release, type TfRuntime } from './tf-runtime.ts';

/** Held-out samples for the live evaluation, and how often it runs (chapter 8 states both). */
const EVAL_SAMPLES = LIVE_EVALUATION.samples;
const EVAL_EVERY = LIVE_EVALUATION.every;
/** Steps between two copies of the weights. */
export const SNAPSHOT_EVERY = 10;

/** A new session: what it trains, and the weights it starts from (a download) if not from scratch. */
export interface TrainingStart {
  config: SessionConfig;
  weights?: Promise<Weights>;
}

export interface TrainingOptions {
  tf: TfRuntime;
  post: Post;
  jobs: Scheduler;
  backend: BackendLadder;
  /** Tensors other work holds (a shipped model being measured), left out of a step's count. */
  heldElsewhere(): number;
}

export interface Training {
  /** Whether a run is queued or running. */
  readonly running: boolean;
  /** Stops the run in progress and starts one: on a new session (`start`), or on the current one. */
  start(start?: TrainingStart): void;
  /** Stops the run at its next step, and says so. */
  pause(): void;
  /** Runs the current session again, or says that there is none. */
  resume(): void;
  /** Stops the run and, as a job of the queue, ends the session. */
  reset(): void;
  /** Pauses the run in progress, if any, for other work (the benchmark). */
  interrupt(): void;
  /** Ends the session on a failing backend; returns how to start it again on the next, if there was one. */
  leaveSession(): (() => void) | undefined;
}

/** The training run of chapter 8's worker (see the module's comment). */
export function createTraining(options: TrainingOptions): Training {
  const { tf, post, jobs, backend, heldElsewhere } = options;
  let session: Session | undefined;
  let saved: Weights | undefined;
  /** The run, queued or running, if any. */
  let training: Job | undefined;

  /** The reader's model on the held-out set and the gallery. */
  const evaluate = async (s: Session): Promise<void> => {
    const { head, size } = s.config;
    const errors = await tf.evaluateModel(s.model, heldOutSet(size, EVAL_SAMPLES));
    const gallery = await tf.predictGallery(s.model, heldOutSet(size, GALLERY, GALLERY_SEED));
    post({ type: 'eval', step: s.step, head, size, errors, gallery });
  };

  /** One step, its snapshot and its evaluation; throws on a lost context or a non-finite loss. */
  const step = async (s: Session): Promise<void> => {
    if (tf.webglContextLost()) throw new Error(CONTEXT_LOST);
    const started = performance.now();
    const loss = await backend.watched(() => tf.sessionStep(s));
    const ms = performance.now() - started;
    if (tf.webglContextLost()) throw new Error(CONTEXT_LOST);
    if (!Number.isFinite(loss)) throw new Error('the loss is not finite');
    if (s.step % SNAPSHOT_EVERY === 0) saved = await tf.snapshot(s);
    const tensors = tf.tensorsInMemory() - heldElsewhere();
    post({ type: 'step', step: s.step, loss, ms, tensors, backend: tf.currentBackend() });
    if (s.step % EVAL_EVERY === 0) await evaluate(s);
  };

  /** Starts a session (given `start`) or goes on with the current one, stepping until cancelled. */
  async function* run(signal: AbortSignal, start?: TrainingStart): AsyncGenerator<void> {
    await backend.ensure();
    if (start) {
      if (session) tf.endSession(session);
      session = tf.startSession(start.config, start.weights ? await start.weights : undefined);
      saved = await tf.snapshot(session);
    }
    // Paused before its first step: the pause has said so already.
    if (!session || signal.aborted) return;
    post({ type: 'state', running: true, step: session.step });
    if (start) await evaluate(session);
    while (session) {
      try {
        await step(session);
      } catch (error) {
        try {
          await backend.fallBack((error as Error).message);
        } catch (e) {
          post({ type: 'state', running: false, step: session?.step ?? 0 });
          throw e;
        }
      }
      yield;
    }
  }

  /** Stops the run at its next step (the session stays, to resume). */
  const stop = (): void => {
    training?.cancel();
    training = undefined;
  };
  const pause = (): void => {
    stop();
    post({ type: 'state', running: false, step: session?.step ?? 0 });
  };
  const start = (from?: TrainingStart): void => {
    stop();
    const job = jobs.add({
      kind: 'training',
      run: ({ signal }) => run(signal, from),
      ...(from?.weights ? { ready: from.weights } : {}),
    });
    training = job;
    void job.done.then(() => {
      if (training === job) training = undefined;
    });
  };

  return {
    get running() {
      return Boolean(training);
    },
    start,
    pause,
    resume() {
      if (!session) post({ type: 'state', running: false, step: 0 });
      else if (!training) start();
    },
    reset() {
      stop();
      jobs.add({
        kind: 'training',
        run: async () => {
          if (session) release(() => tf.endSession(session as Session));
          session = undefined;
          saved = undefined;
        },
      });
      post({ type: 'state', running: false, step: 0 });
    },
    interrupt() {
      if (training) pause();
    },
    leaveSession() {
      const s = session;
      if (!s) return undefined;
      const { config, step: at } = s;
      release(() => tf.endSession(s));
      return () => {
        session = tf.startSession(config, saved, at);
      };
    },
  };
}
