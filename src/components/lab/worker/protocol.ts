/**
 * What the Decoder Lab's page and its worker say to each other. The page numbers each job; a
 * newer job supersedes a decode still running (the worker stops it between chunks). A request
 * for one map's values is answered at once.
 */
import type {
  ArchiveChoice,
  InputSummary,
  LabFile,
  LabResult,
  LabRun,
  LabStack,
  ReadOptions,
} from '../../../lib/index.ts';

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

/** One map's values (heatmaps) or vectors (SimCC), for the map view. */
export type MapValues =
  { kind: 'heatmap'; values: Float32Array; w: number; h: number } | { kind: 'simcc'; x: Float32Array; y: Float32Array };

/** The outcome of loading: what was read, or the archive's arrays to choose from. */
export type LoadOutcome = { loaded: InputSummary } | { choose: ArchiveChoice };

/** What the worker answers. */
export type LabResponse =
  | { type: 'loaded'; job: number; role: 'input' | 'flipped'; summary: InputSummary | undefined }
  | { type: 'choose'; job: number; role: 'input' | 'flipped'; choice: ArchiveChoice }
  | { type: 'progress'; job: number; done: number; total: number }
  | { type: 'result'; job: number; result: LabResult }
  | { type: 'idle'; job: number }
  | { type: 'map'; request: number; index: number; map: MapValues | undefined }
  | { type: 'error'; job: number; role: FileRole | 'decode'; message: string };
