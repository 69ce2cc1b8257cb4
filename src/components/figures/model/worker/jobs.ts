/**
 * Chapter 8's worker runs one job at a time, from one queue with explicit states: `idle`, or
 * the kind of the job that runs — `backend` (choosing or losing one), `timing` (the backend
 * benchmark), `training`, `evaluating` (a slice of a shipped model's measurement).
 *
 * One job at a time by construction: jobs run only from the scheduler's single loop, which
 * awaits each before it picks the next. A training run is a job that yields between its
 * steps (an async generator); while it is suspended at a yield, the loop may run queued jobs
 * marked `between` (evaluations, a backend change), then resumes it, so a step never runs
 * beside anything. Jobs that may run between steps get at most `share` of the yielding job's
 * own running time, so measuring the shipped models slows a training run by a bounded amount.
 *
 * Order: the next job is the first ready one of the most urgent kind (backend, timing,
 * training, evaluating). Within a kind, jobs run in the order they were added: a job whose
 * `ready` promise has not settled (its files are still downloading) holds up the later jobs
 * of its kind, never other kinds. Cancelling stops a yielding job at its next yield (its
 * `finally` blocks run) and drops a queued one. A job that throws is reported and the
 * scheduler moves on. Pure: no TensorFlow.js, no DOM; the clock can be given.
 */

/** What a job does, most urgent first. */
export const JOB_KINDS = ['backend', 'timing', 'training', 'evaluating'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
/** What the scheduler is doing: nothing, or running a job of that kind. */
export type SchedulerState = 'idle' | JobKind;

/** How a job ended. */
export type JobOutcome = 'finished' | 'cancelled' | 'failed';

/** What a running job is told. */
export interface JobContext {
  /** Aborted when the job is cancelled (a yielding job is also stopped at its next yield). */
  readonly signal: AbortSignal;
}

/** A job's work: a promise, or an async iterator that yields between its steps. */
export type JobRun = (context: JobContext) => Promise<unknown> | AsyncIterator<unknown, unknown, undefined>;

export interface JobOptions {
  kind: JobKind;
  run: JobRun;
  /** Settles (either way) when the job may run; until then, later jobs of its kind wait behind it. */
  ready?: Promise<unknown>;
  /** Whether it may run while a yielding job is suspended between two of its steps. */
  between?: boolean;
  /** Goes before the other queued jobs of its kind (a job put back after its backend failed). */
  front?: boolean;
}

/** A job once added. */
export interface Job {
  readonly kind: JobKind;
  /** Drops it if queued; stops it at its next yield (or tells it through its signal) if running. */
  cancel(): void;
  /** Settles when it has run, failed, or been cancelled. */
  readonly done: Promise<JobOutcome>;
}

export interface SchedulerOptions {
  /** Called on every change of state. */
  onState?(state: SchedulerState): void;
  /** Called when a job throws; the scheduler goes on with the next. */
  onError?(error: unknown, kind: JobKind): void;
  /**
   * The share of a yielding job's own running time that `evaluating` jobs run between its
   * steps may take (default 1/4: a training run slows by at most a fifth), counted from the
   * first yield at which one was waiting. Backend jobs run at the next yield whatever the share.
   */
  share?: number;
  /** Milliseconds, for the share (default `performance.now`). */
  now?(): number;
}

export interface Scheduler {
  readonly state: SchedulerState;
  add(options: JobOptions): Job;
  /** Cancels every job of `kind`, queued or running. */
  cancel(kind: JobKind): void;
  /** Jobs of `kind` (or all) queued and not yet started. */
  pending(kind?: JobKind): number;
  /** Resolves once nothing runs and no queued job is ready. */
  idle(): Promise<void>;
}

interface Entry extends Job {
  options: JobOptions;
  ready: boolean;
  cancelled: boolean;
  controller: AbortController;
  settle(outcome: JobOutcome): void;
}

const isIterator = (value: unknown): value is AsyncIterator<unknown, unknown, undefined> =>
  typeof value === 'object' && value !== null && typeof (value as { next?: unknown }).next === 'function';

/** A scheduler that runs one job at a time (see the module's comment). */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const { onState, onError, share = 0.25, now = () => performance.now() } = options;
  const queue: Entry[] = [];
  /** The running jobs: a yielding job, and on top of it the job running between its steps. */
  const running: Entry[] = [];
  let pumping = false;
  let idleWaiters: (() => void)[] = [];
  let state: SchedulerState = 'idle';

  const setState = (next: SchedulerState): void => {
    if (next === state) return;
    state = next;
    onState?.(next);
  };
  const showTop = (): void => setState(running.at(-1)?.kind ?? 'idle');

  /** The next job to run: the first of the most urgent kind, if it is ready. */
  const pick = (allowed: (entry: Entry) => boolean): Entry | undefined => {
    for (const kind of JOB_KINDS) {
      const first = queue.find((e) => e.kind === kind);
      if (first && first.ready && allowed(first)) return first;
    }
    return undefined;
  };
  const take = (entry: Entry): Entry => {
    queue.splice(queue.indexOf(entry), 1);
    return entry;
  };

  /** Runs one job to its end; a yielding job runs the jobs allowed between its steps at each yield. */
  async function execute(entry: Entry): Promise<void> {
    running.push(entry);
    showTop();
    let outcome: JobOutcome = 'finished';
    try {
      const work = entry.options.run({ signal: entry.controller.signal });
      if (isIterator(work)) {
        let own = 0;
        let between = 0;
        for (;;) {
          if (entry.cancelled) {
            await work.return?.(undefined);
            break;
          }
          const started = now();
          const step = await work.next();
          own += now() - started;
          if (step.done) break;
          // Between two steps: backend jobs, then evaluations while they stay within their share.
          for (;;) {
            if (entry.cancelled) break;
            const next = pick((e) => Boolean(e.options.between) && (e.kind === 'backend' || between <= share * own));
            if (!next) break;
            const t = now();
            await execute(take(next));
            if (next.kind === 'evaluating') between += now() - t;
          }
          // Steps taken while no evaluation was waiting earn none a longer turn later.
          if (!pick((e) => Boolean(e.options.between))) own = between = 0;
        }
      } else {
        await work;
      }
      if (entry.cancelled) outcome = 'cancelled';
    } catch (error) {
      outcome = 'failed';
      onError?.(error, entry.kind);
    } finally {
      running.pop();
      showTop();
      entry.settle(outcome);
    }
  }

  const runnable = (): Entry | undefined => pick(() => true);
  // Jobs start from a microtask, never inside `add`: the caller holds its job before it runs.
  const schedule = (): void => void Promise.resolve().then(pump);

  async function pump(): Promise<void> {
    if (pumping || running.length) return;
    pumping = true;
    try {
      for (let next = runnable(); next; next = runnable()) await execute(take(next));
    } finally {
      pumping = false;
    }
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  return {
    get state() {
      return state;
    },
    add(jobOptions) {
      let settle!: (outcome: JobOutcome) => void;
      const done = new Promise<JobOutcome>((resolve) => (settle = resolve));
      const entry: Entry = {
        kind: jobOptions.kind,
        options: jobOptions,
        ready: !jobOptions.ready,
        cancelled: false,
        controller: new AbortController(),
        done,
        settle,
        cancel() {
          if (entry.cancelled) return;
          entry.cancelled = true;
          entry.controller.abort();
          const queued = queue.indexOf(entry);
          if (queued >= 0) {
            queue.splice(queued, 1);
            settle('cancelled');
            // A job that held up its kind is gone: the next may be ready.
            schedule();
          }
        },
      };
      if (jobOptions.front) {
        const first = queue.findIndex((e) => e.kind === jobOptions.kind);
        queue.splice(first < 0 ? queue.length : first, 0, entry);
      } else queue.push(entry);
      const becomeReady = (): void => {
        entry.ready = true;
        schedule();
      };
      jobOptions.ready?.then(becomeReady, becomeReady);
      schedule();
      return entry;
    },
    cancel(kind) {
      for (const entry of [...running, ...queue]) if (entry.kind === kind) entry.cancel();
    },
    pending(kind) {
      return queue.filter((e) => !kind || e.kind === kind).length;
    },
    idle() {
      if (!running.length && !pumping && !runnable()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
