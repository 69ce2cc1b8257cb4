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

/** The seed of chapter 8's held-out set (the shipped models' recorded errors are measured on it). */
export const HELD_OUT_SEED = 90210;

/** A fixed, seeded held-out set: the first `n` samples of the stream seeded with `seed`. */
export function heldOut(size: number, n: number, seed = HELD_OUT_SEED): Batch {
  return makeBatch(createRandom(seed), size, n);
}
