/**
 * Figure 8.1's data fed from outside its store: the shipped models' held-out errors and
 * gallery, first as recorded when the models were trained (read from their manifests at build
 * time, so the page shows them at once), each replaced by the browser's own measurement as the
 * worker's message arrives; and the reader's latest errors from figure 8.2. Pure.
 */
import type { GallerySample } from '../../../lib/index.ts';
import { HEADS, METHODS, type Head, type Method } from '../../../lib/tf/names.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt } from '../../ui/format.ts';
import { SIZES } from '../../state/ch8.ts';
import type { ModelResponse } from './worker/protocol.ts';
import type { GalleryErrors } from './view.ts';

/** Where a number comes from: the training script's record, or this browser. */
export type Source = 'recorded' | 'measured';

/** Each decoder's held-out mean error, input pixels. */
export type Errors = Partial<Record<Method, number>>;

/** What figure 8.1 shows besides its state. */
export interface ShippedFed {
  /** Each shipped model's errors by `${size}-${head}`: as recorded, and as measured here once they are. */
  models: Record<string, { recorded?: Errors; measured?: Errors }>;
  /** How each head's shipped models were trained, in words. */
  trained: Partial<Record<Head, string>>;
  /** The gallery (at the first size), by head. */
  gallery: Partial<Record<Head, { samples: GallerySample[]; source: Source }>>;
  /** The reader's latest held-out error by `${head}-${method}` (figure 8.2), in words. */
  yours: Record<string, string>;
  /** What went wrong while measuring, if anything. */
  problem: string;
}

/** What a manifest records (src/lib/tf/weights.ts and scripts/train-models.ts). */
export interface RecordedManifest {
  config: { head: Head; size: number };
  training?: {
    steps?: number;
    batch?: number;
    seconds?: number;
    initialisedFrom?: string;
    heldOut?: { meanError: Errors };
    gallery?: { samples: GallerySample[] };
  };
}

/** The figure's data as the manifests record it: what the page shows before measuring anything. */
export function recordedFed(manifests: readonly RecordedManifest[]): ShippedFed {
  const fed: ShippedFed = { models: {}, trained: {}, gallery: {}, yours: {}, problem: '' };
  const sorted = [...manifests].sort((a, b) => a.config.size - b.config.size);
  for (const { config, training: t } of sorted) {
    const { head, size } = config;
    fed.models[`${size}-${head}`] = t?.heldOut ? { recorded: t.heldOut.meanError } : {};
    if (t?.steps !== undefined) {
      const from = t.initialisedFrom ? ` (from ${t.initialisedFrom})` : '';
      const line = `${size} px: ${t.steps} steps × ${t.batch}, ${t.seconds} s on CPU (Node)${from}`;
      fed.trained[head] = fed.trained[head] ? `${fed.trained[head]}; ${line}` : line;
    }
    if (size === SIZES[0] && t?.gallery) fed.gallery[head] = { samples: t.gallery.samples, source: 'recorded' };
  }
  return fed;
}

/** The data after one message of the worker (messages about training alone leave it as it is). */
export function onShippedMessage(fed: ShippedFed, m: ModelResponse): ShippedFed {
  if (m.type === 'shipped') {
    const key = `${m.size}-${m.head}`;
    return {
      ...fed,
      models: { ...fed.models, [key]: { ...fed.models[key], measured: m.errors } },
      gallery: m.gallery.length
        ? { ...fed.gallery, [m.head]: { samples: m.gallery, source: 'measured' } }
        : fed.gallery,
    };
  }
  if (m.type === 'eval' && m.step > 0) {
    // The reader's own training (figure 8.2), at 64 or 128 pixels, fills the table's next column.
    const yours = { ...fed.yours };
    for (const [method, error] of Object.entries(m.errors))
      yours[`${m.head}-${method}`] = `${fmt(error, 2)} at ${m.size} × ${m.size}, step ${m.step}`;
    return { ...fed, yours };
  }
  if (m.type === 'error' && measuredCount(fed) < HEADS.length * SIZES.length) return { ...fed, problem: m.message };
  return fed;
}

/** How many shipped models this browser has measured. */
export function measuredCount(fed: ShippedFed): number {
  return Object.values(fed.models).filter((m) => m.measured).length;
}

/** The results table: each cell's measured and recorded numbers, the columns of words, the status. */
export function resultsView(fed: ShippedFed): ViewModel {
  const attrs: ViewModel['attrs'] = {};
  const text: ViewModel['text'] = {};
  for (const head of HEADS) {
    for (const method of METHODS[head]) {
      for (const size of SIZES) {
        const { recorded, measured } = fed.models[`${size}-${head}`] ?? {};
        const id = `${size}-${head}-${method}`;
        const value = measured?.[method];
        text[`err-${id}`] = value === undefined ? '' : fmt(value, 2);
        text[`rec-${id}-value`] = recorded?.[method] === undefined ? '…' : fmt(recorded[method], 2);
        attrs[`rec-${id}`] = { hidden: value === undefined ? null : '' };
        attrs[`cell-${id}`] = { 'data-source': value === undefined ? 'recorded' : 'measured' };
      }
      text[`live-${head}-${method}`] = fed.yours[`${head}-${method}`] ?? '—';
      text[`trained-${head}-${method}`] = fed.trained[head] ?? '…';
    }
  }
  const total = HEADS.length * SIZES.length;
  const done = measuredCount(fed);
  text['shipped-status'] =
    fed.problem ||
    (done === total
      ? ''
      : `In italics: as recorded when the models were trained; your browser measures them again, one by one (${done} of ${total} so far).`);
  return { attrs, text };
}

/** Each head's per-sample errors in the gallery, for chapter 8's exercises. */
export function galleryErrors(fed: ShippedFed): GalleryErrors {
  const out: GalleryErrors = {};
  for (const head of HEADS) {
    const g = fed.gallery[head];
    if (g) out[head] = g.samples.map((s) => ({ ...s.errors }) as Record<string, number>);
  }
  return out;
}
