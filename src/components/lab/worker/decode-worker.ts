/**
 * The Decoder Lab's worker, a thin host: it keeps the reader's files (`files.ts`), runs the
 * library's plan of each decode a chunk at a time (`runLabPlan`), posting progress, and posts the
 * assembled result (`labResult`). A newer job supersedes an older one between chunks; a request
 * for one map's values answers at once.
 */
import { LabInputError, labResult, runLabPlan, type LabRun } from '../../../lib/index.ts';
import { LabFiles } from './files.ts';
import type { FileRole, LabRequest, LabResponse, LoadOutcome } from './protocol.ts';

const scope = self as unknown as {
  postMessage(message: LabResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
};

const files = new LabFiles();
let latest = 0;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function decode(job: number, run: LabRun): Promise<void> {
  try {
    const plan = files.plan(run);
    const rows =
      plan &&
      (await runLabPlan(plan, {
        progress: (done, total) => scope.postMessage({ type: 'progress', job, done, total }),
        cancelled: () => job !== latest,
        pause,
      }));
    if (job !== latest) return;
    if (!plan) {
      const alone = files.resultsAlone(run.sigmas);
      return scope.postMessage(alone ? { type: 'result', job, result: alone } : { type: 'idle', job });
    }
    if (!rows) return scope.postMessage({ type: 'idle', job });
    files.decoded(plan);
    scope.postMessage({ type: 'result', job, result: labResult(plan, rows) });
  } catch (error) {
    scope.postMessage({ type: 'error', job, role: 'decode', message: messageOf(error) });
  }
}

function messageOf(error: unknown): string {
  return error instanceof LabInputError ? error.message : `could not read the file (${(error as Error).message})`;
}

function answerLoad(job: number, role: 'input' | 'flipped', outcome: LoadOutcome | undefined): void {
  if (outcome && 'choose' in outcome) scope.postMessage({ type: 'choose', job, role, choice: outcome.choose });
  else scope.postMessage({ type: 'loaded', job, role, summary: outcome?.loaded });
}

/** Which slot a failing request leaves empty. */
function roleOf(request: Exclude<LabRequest, { type: 'map' }>): FileRole | 'decode' {
  if (request.type === 'truth') return 'truth';
  if (request.type === 'decode') return 'decode';
  if (request.type === 'set') return 'input';
  return request.role;
}

function handle(request: Exclude<LabRequest, { type: 'map' }>): void {
  const { job } = request;
  switch (request.type) {
    case 'load':
      return answerLoad(
        job,
        request.role,
        request.role === 'input'
          ? files.loadInput(request.files, request.options)
          : files.loadFlipped(request.files, request.options),
      );
    case 'reread':
      return answerLoad(
        job,
        request.role,
        request.role === 'input' ? files.rereadInput(request.options) : files.rereadFlipped(request.options),
      );
    case 'set':
      return scope.postMessage({
        type: 'loaded',
        job,
        role: 'input',
        summary: files.setStack(request.stack, request.names),
      });
    case 'truth':
      files.setTruth(request.files);
      return scope.postMessage({ type: 'idle', job });
    case 'clear':
      if (request.role === 'flipped') files.clearFlipped();
      else files.clearTruth();
      return scope.postMessage({ type: 'idle', job });
    case 'decode':
      void decode(job, request.run);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'map') {
    // Copies: the worker keeps its own.
    scope.postMessage({ type: 'map', request: request.request, index: request.index, map: files.mapAt(request.index) });
    return;
  }
  latest = request.job;
  try {
    handle(request);
  } catch (error) {
    const role = roleOf(request);
    if (role === 'flipped') files.clearFlipped();
    if (role === 'truth') files.clearTruth();
    scope.postMessage({ type: 'error', job: request.job, role, message: messageOf(error) });
  }
};
