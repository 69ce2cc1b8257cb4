/**
 * The Decoder Lab's worker: parses large files and decodes every map off the main thread, a
 * chunk at a time, reporting progress. A newer job supersedes an older one between chunks.
 */
import {
  decodeLabRange,
  LabInputError,
  scanNonFinite,
  stackFromJson,
  stackFromNpy,
  type LabRow,
  type LabSettings,
  type LabStack,
  type NonFiniteReport,
  type Point,
} from '../../lib/index.ts';

/** What the page asks of the worker. */
export type LabRequest =
  | { type: 'load'; job: number; kind: 'npy' | 'json'; name: string; buffer: ArrayBuffer }
  | { type: 'set'; job: number; stack: LabStack }
  | { type: 'decode'; job: number; settings: LabSettings; truth?: Point[] };

/** What the worker answers. */
export type LabResponse =
  | { type: 'loaded'; job: number; stack: LabStack; report: NonFiniteReport }
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'rows'; job: number; rows: LabRow[] }
  | { type: 'error'; job: number; message: string };

/** Maps decoded between progress reports (and chances to be superseded). */
const CHUNK = 64;

const scope = self as unknown as {
  postMessage(message: LabResponse): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
};

let stack: LabStack | undefined;
let report: NonFiniteReport | undefined;
let latest = 0;

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

async function decode(job: number, settings: LabSettings, truth?: Point[]): Promise<void> {
  if (!stack || !report) return;
  const total = stack.n * stack.k;
  const rows: LabRow[] = [];
  for (let from = 0; from < total; from += CHUNK) {
    if (job !== latest) return;
    rows.push(...decodeLabRange(stack, settings, from, from + CHUNK, truth, report.badMaps));
    scope.postMessage({ type: 'progress', job, done: Math.min(total, from + CHUNK), total });
    await pause();
  }
  if (job === latest) scope.postMessage({ type: 'rows', job, rows });
}

scope.onmessage = (event) => {
  const request = event.data;
  latest = request.job;
  try {
    if (request.type === 'load' || request.type === 'set') {
      stack =
        request.type === 'set'
          ? request.stack
          : request.kind === 'npy'
            ? stackFromNpy(request.buffer, request.name)
            : stackFromJson(new TextDecoder().decode(request.buffer), request.name);
      report = scanNonFinite(stack);
      scope.postMessage({ type: 'loaded', job: request.job, stack, report });
    } else {
      void decode(request.job, request.settings, request.truth);
    }
  } catch (error) {
    const message =
      error instanceof LabInputError ? error.message : `could not read the file (${(error as Error).message})`;
    scope.postMessage({ type: 'error', job: request.job, message });
  }
};
