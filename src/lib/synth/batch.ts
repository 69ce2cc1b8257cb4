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

/** A fixed, seeded held-out set. */
export function heldOut(size: number, n: number, seed = 90210): Batch {
  return makeBatch(createRandom(seed), size, n);
}
