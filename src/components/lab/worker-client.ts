/**
 * The page's side of the Lab's worker: starts it on first use, numbers the jobs, and turns its
 * answers into promises. A newer job supersedes a decode still running (the worker stops it
 * between chunks): that decode's promise resolves to undefined.
 */
import type { LabResult, LabRun, LabStack } from '../../lib/index.ts';
import type { LabRequest, LabResponse, MapValues } from './worker/protocol.ts';

type Answer = Extract<LabResponse, { job: number }>;
/** A request as the page makes it: the client numbers it. */
type JobRequest = LabRequest extends infer R ? (R extends { job: number } ? Omit<R, 'job'> : never) : never;

export interface LabClient {
  /** Sends a file request (load, reread, set, truth, clear) and resolves with its answer. */
  send(request: Exclude<JobRequest, { type: 'decode' }>): Promise<Answer>;
  /** Decodes under `run`: the result, an error message, or undefined when superseded. */
  decode(
    run: LabRun,
    progress: (done: number, total: number) => void,
  ): Promise<{ result?: LabResult; error?: string } | undefined>;
  /** One map's values as last decoded (or undefined when there is none). */
  map(index: number): Promise<MapValues | undefined>;
  /** Called when the worker stops unexpectedly. */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
}

export function createLabClient(): LabClient {
  let worker: Worker | undefined;
  let job = 0;
  let mapRequest = 0;
  const pending = new Map<number, (answer: Answer | undefined) => void>();
  const progressOf = new Map<number, (done: number, total: number) => void>();
  const maps = new Map<number, (map: MapValues | undefined) => void>();
  const crashListeners = new Set<(message: string) => void>();

  const receive = (message: LabResponse): void => {
    if (message.type === 'map') {
      maps.get(message.request)?.(message.map);
      maps.delete(message.request);
      return;
    }
    if (message.type === 'progress') {
      progressOf.get(message.job)?.(message.done, message.total);
      return;
    }
    const resolve = pending.get(message.job);
    pending.delete(message.job);
    progressOf.delete(message.job);
    resolve?.(message);
  };

  /** The worker is gone: every request still waiting (jobs and maps) is answered with nothing. */
  const settleAll = (): void => {
    for (const resolve of pending.values()) resolve(undefined);
    for (const resolve of maps.values()) resolve(undefined);
    pending.clear();
    progressOf.clear();
    maps.clear();
  };

  const post = (request: LabRequest, transfer: Transferable[] = []): void => {
    if (!worker) {
      worker = new Worker(new URL('./worker/decode-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LabResponse>) => receive(event.data);
      worker.onerror = (event) => {
        settleAll();
        worker = undefined;
        for (const l of crashListeners) l(event.message || 'the decoding worker stopped');
      };
    }
    worker.postMessage(request, transfer);
  };

  /** Resolves every decode still waiting: the worker stops it when it sees a newer job. */
  const supersede = (): void => {
    for (const [id, resolve] of pending) {
      if (progressOf.has(id)) {
        resolve(undefined);
        pending.delete(id);
        progressOf.delete(id);
      }
    }
  };

  const transferOf = (request: JobRequest): Transferable[] =>
    'files' in request
      ? request.files.map((f) => f.bytes)
      : 'stack' in request
        ? [(request.stack as LabStack).data.buffer]
        : [];

  return {
    send(request) {
      supersede();
      job += 1;
      const id = job;
      return new Promise((resolve) => {
        pending.set(id, (answer) =>
          resolve(
            answer ?? {
              type: 'error',
              job: id,
              role: 'decode',
              message: 'the decoding worker stopped; reload the page to try again',
            },
          ),
        );
        post({ ...request, job: id } as LabRequest, transferOf(request));
      });
    },
    decode(run, progress) {
      supersede();
      job += 1;
      const id = job;
      return new Promise((resolve) => {
        progressOf.set(id, progress);
        pending.set(id, (answer) => {
          if (!answer || answer.type === 'idle') resolve(undefined);
          else if (answer.type === 'result') resolve({ result: answer.result });
          else if (answer.type === 'error') resolve({ error: answer.message });
          else resolve(undefined);
        });
        post({ type: 'decode', job: id, run });
      });
    },
    map(index) {
      mapRequest += 1;
      const id = mapRequest;
      return new Promise((resolve) => {
        maps.set(id, resolve);
        post({ type: 'map', request: id, index });
      });
    },
    onCrash(listener) {
      crashListeners.add(listener);
    },
    terminate() {
      worker?.terminate();
      worker = undefined;
      settleAll();
    },
  };
}
