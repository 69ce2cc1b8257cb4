/**
 * The Decoder Lab's worker: reads the reader's files and decodes every map off the main thread
 * (`session.ts`), a chunk at a time, reporting progress. A newer job supersedes an older one
 * between chunks; a request for one map's values answers at once.
 */
import { LabInputError, type LabStack } from '../../lib/index.ts';
import {
  LabSession,
  type ArchiveChoice,
  type InputSummary,
  type LabFile,
  type LabResult,
  type LabRun,
  type ReadOptions,
} from './session.ts';

/** Which file slot a request is about. */
export type FileRole = 'input' | 'flipped' | 'truth';

/** What the page asks of the worker. */
export type LabRequest =
  | { type: 'load'; job: number; role: 'input' | 'flipped'; files: LabFile[]; options: ReadOptions }
  | { type: 'reread'; job: number; role: 'input' | 'flipped'; options: Partial<ReadOptions> }
  | { type: 'set'; job: number; stack: LabStack; names?: string[] }
  | { type: 'truth'; job: number; files: LabFile[] }
  | { type: 'clear'; job: number; role: 'flipped' | 'truth' }
  | { type: 'decode'; job: number; run: LabRun }
  | { type: 'map'; request: number; index: number };

/** One map's values (heatmaps) or vectors (SimCC), for the views. */
export type MapValues =
  { kind: 'heatmap'; values: Float32Array; w: number; h: number } | { kind: 'simcc'; x: Float32Array; y: Float32Array };

/** What the worker answers. */
export type LabResponse =
  | { type: 'loaded'; job: number; role: 'input' | 'flipped'; summary: InputSummary | undefined }
  | { type: 'choose'; job: number; role: 'input' | 'flipped'; choice: ArchiveChoice }
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'result'; job: number; result: LabResult }
  | { type: 'idle'; job: number }
  | { type: 'map'; request: number; index: number; map: MapValues | undefined }
  | { type: 'error'; job: number; role: FileRole | 'decode'; message: string };

const scope = self as unknown as {
  postMessage(message: LabResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
};

const session = new LabSession();
let latest = 0;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function decode(job: number, run: LabRun): Promise<void> {
  try {
    const result = await session.decode(run, {
      progress: (done, total) => scope.postMessage({ type: 'progress', job, done, total }),
      cancelled: () => job !== latest,
      pause,
    });
    if (job !== latest) return;
    scope.postMessage(result ? { type: 'result', job, result } : { type: 'idle', job });
  } catch (error) {
    scope.postMessage({ type: 'error', job, role: 'decode', message: messageOf(error) });
  }
}

function messageOf(error: unknown): string {
  return error instanceof LabInputError ? error.message : `could not read the file (${(error as Error).message})`;
}

function answerLoad(job: number, role: 'input' | 'flipped', outcome: ReturnType<LabSession['loadInput']> | undefined) {
  if (outcome && 'choose' in outcome) scope.postMessage({ type: 'choose', job, role, choice: outcome.choose });
  else scope.postMessage({ type: 'loaded', job, role, summary: outcome?.loaded });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'map') {
    const map = session.mapAt(request.index);
    // Copies: the session keeps its own.
    scope.postMessage({ type: 'map', request: request.request, index: request.index, map });
    return;
  }
  latest = request.job;
  const role: FileRole | 'decode' =
    request.type === 'truth'
      ? 'truth'
      : request.type === 'decode'
        ? 'decode'
        : request.type === 'set'
          ? 'input'
          : request.role;
  try {
    switch (request.type) {
      case 'load':
        answerLoad(
          request.job,
          request.role,
          request.role === 'input'
            ? session.loadInput(request.files, request.options)
            : session.loadFlipped(request.files, request.options),
        );
        break;
      case 'reread':
        answerLoad(
          request.job,
          request.role,
          request.role === 'input' ? session.rereadInput(request.options) : session.rereadFlipped(request.options),
        );
        break;
      case 'set':
        scope.postMessage({
          type: 'loaded',
          job: request.job,
          role: 'input',
          summary: session.setStack(request.stack, request.names),
        });
        break;
      case 'truth':
        session.setTruth(request.files);
        scope.postMessage({ type: 'idle', job: request.job });
        break;
      case 'clear':
        if (request.role === 'flipped') session.clearFlipped();
        else session.clearTruth();
        scope.postMessage({ type: 'idle', job: request.job });
        break;
      case 'decode':
        void decode(request.job, request.run);
        break;
    }
  } catch (error) {
    if (role === 'flipped') session.clearFlipped();
    if (role === 'truth') session.clearTruth();
    scope.postMessage({ type: 'error', job: request.job, role, message: messageOf(error) });
  }
};
