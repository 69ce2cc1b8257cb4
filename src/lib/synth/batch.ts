/** Batches of synthetic samples for chapter 8, and its fixed held-out sets. */
import { createRandom, type Random } from '../random.ts';
import type { Point } from '../stack.ts';
import { synthSample } from './stickFigures.ts';

/** A batch: images and their keypoints in input pixels. */
export interface Batch {
  size: number;
  images: Float32Array;
  keypoints: Point[][];
}

/** Draws `n` samples at `size` pixels. */
export function makeBatch(random: Random, size: number, n: number): Batch {
  const images = new Float32Array(n * size * size);
  const keypoints: Point[][] = [];
  for (let i = 0; i < n; i++) {
    const s = synthSample(size, random);
    images.set(s.image, i * size * size);
    keypoints.push(s.keypoints);
  }
  return { size, images, keypoints };
}

/**
 * The held-out set the shipped models are measured on, by the training script, the tests and
 * figure 8.1: this many samples from this seed.
 */
export const HELD_OUT = { samples: 256, seed: 90210 } as const;

/** Figure 8.2's live evaluation: this many held-out samples, every this many training steps. */
export const LIVE_EVALUATION = { samples: 32, every: 25 } as const;

/** A fixed, seeded held-out set: the first `n` samples of the stream seeded with `seed`. */
export function heldOut(size: number, n: number, seed: number = HELD_OUT.seed): Batch {
  return makeBatch(createRandom(seed), size, n);
}
