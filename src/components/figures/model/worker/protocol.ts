/**
 * What chapter 8's page and its worker (`train-worker.ts`) say to each other: the figures' requests
 * and the worker's answers. Types only, so the page reads them without loading TensorFlow.js.
 */
import type { GallerySample } from '../../../../lib/index.ts';
import type { BackendChoice } from '../../../../lib/tf/backends.ts';
import type { Head, SessionConfig } from '../../../../lib/tf/index.ts';

export type ModelRequest =
  /** The page's query, for TF.js's debugging flags (sent first, before any backend starts). */
  | { type: 'flags'; search: string }
  | { type: 'init' }
  | { type: 'train'; config: SessionConfig; from: 'scratch' | 'shipped' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'reset' }
  | { type: 'lose-context' }
  /** Measure the shipped models at each size; the gallery (of `gallery` samples) comes from the first. */
  | { type: 'shipped'; heads: Head[]; sizes: number[]; gallery: number }
  | { type: 'bench'; steps: number };

/** A row of the backend timing table. */
export interface BenchRow {
  backend: string;
  medianMs?: number;
  note: string;
}

export type ModelResponse =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'step'; step: number; loss: number; ms: number; tensors: number; backend: string }
  /** The reader's model on the held-out set, and on the gallery's samples (at the training size). */
  | {
      type: 'eval';
      step: number;
      head: Head;
      size: number;
      errors: Record<string, number>;
      gallery: GallerySample[];
    }
  | { type: 'state'; running: boolean; step: number }
  | { type: 'fallback'; from: string; to: string; reason: string; training: boolean }
  /** A shipped model as this browser measures it; the gallery is empty beyond the first size. */
  | { type: 'shipped'; head: Head; size: number; errors: Record<string, number>; gallery: GallerySample[] }
  | { type: 'bench'; rows: BenchRow[] }
  | { type: 'error'; message: string };

/** Sends an answer to the page. */
export type Post = (message: ModelResponse) => void;
