/**
 * Chapter 8's shipped models as this browser measures them (figure 8.1's table and gallery): each
 * model on the held-out set, a slice of samples per job of the worker's queue, so that slices run
 * between training steps (within their share of the training time) or back to back when nothing
 * trains. A model stays loaded from one slice to the next; when the backend changes under it (a
 * lost context), its measurement starts again on the new one.
 */
import { HELD_OUT } from '../../../../lib/index.ts';
import type { Head, PoseModel, SlicedEvaluation, Weights } from '../../../../lib/tf/index.ts';
import { GALLERY_SEED } from '../../../state/ch8.ts';
import { CONTEXT_LOST, type BackendLadder } from './backend.ts';
import { heldOutSet } from './held-out.ts';
import type { Scheduler } from './jobs.ts';
import type { Post } from './protocol.ts';
import { release, type TfRuntime } from './tf-runtime.ts';

/** Held-out samples each shipped model is measured on (as by the training script). */
const SHIPPED_SAMPLES = HELD_OUT.samples;

/**
 * Samples per slice at 64 px: fewer between training steps, more when nothing trains (a slice of
 * fewer samples costs more per sample), but never so many that a reader's Train waits long for one.
 */
export const SLICE_AT_64 = { training: 32, idle: 128 } as const;

/** Samples per slice at `size` px: as many pixels as `SLICE_AT_64`'s, and at least one. */
export function sliceSize(size: number, training: boolean): number {
  return Math.max(1, Math.round(SLICE_AT_64[training ? 'training' : 'idle'] * (64 / size) ** 2));
}

export interface ShippedOptions {
  tf: TfRuntime;
  post: Post;
  jobs: Scheduler;
  backend: BackendLadder;
  /** Whether a training run is queued or running (the slices are smaller then). */
  training(): boolean;
}

export interface ShippedMeasurement {
  /** Queues one model's measurement; `gallery` samples of the gallery are predicted too (0: none). */
  measure(head: Head, size: number, gallery: number, weights: Promise<Weights>): void;
  /** Tensors of the model being measured, which a training step's count leaves out. */
  held(): number;
}

/** The measurement of the shipped models (see the module's comment). */
export function createShippedMeasurement(options: ShippedOptions): ShippedMeasurement {
  const { tf, post, jobs, backend, training } = options;
  let held = 0;

  /** One model, a slice per job: each job queues the next at the front of the evaluations. */
  const measure = (head: Head, size: number, gallery: number, weights: Promise<Weights>, again = false): void => {
    let loaded: { model: PoseModel; on: string; sliced: SlicedEvaluation } | undefined;
    const unload = (): void => {
      if (loaded) release(() => tf.disposeModel((loaded as { model: PoseModel }).model));
      loaded = undefined;
      held = 0;
    };
    const restart = (): void => {
      unload();
      measure(head, size, gallery, weights, true);
    };
    const step = async (): Promise<void> => {
      if (loaded && loaded.on !== tf.currentBackend()) return restart();
      if (!loaded) {
        const w = await weights;
        const model = tf.deserializeModel(w.manifest, w.data);
        loaded = { model, on: tf.currentBackend(), sliced: tf.evaluateInSlices(model, SHIPPED_SAMPLES) };
        held = Object.keys(model.weights).length;
      }
      const { model, sliced } = loaded;
      await sliced.next(sliceSize(size, training()));
      if (sliced.done < sliced.n) return queue(false);
      const errors = sliced.errors();
      const shown = gallery ? await tf.predictGallery(model, heldOutSet(size, gallery, GALLERY_SEED)) : [];
      unload();
      post({ type: 'shipped', head, size, errors, gallery: shown });
    };
    const queue = (first: boolean): void => {
      jobs.add({
        kind: 'evaluating',
        between: true,
        // The model's later slices, and a model started again, go before the models still waiting.
        front: !first || again,
        ...(first ? { ready: weights } : {}),
        run: async () => {
          await backend.ensure();
          try {
            await backend.watched(step);
          } catch (error) {
            if (!tf.webglContextLost()) {
              unload();
              throw error;
            }
            restart();
            await backend.fallBack(CONTEXT_LOST);
          }
        },
      });
    };
    queue(true);
  };

  return { measure: (head, size, gallery, weights) => measure(head, size, gallery, weights), held: () => held };
}
