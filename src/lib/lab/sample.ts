/**
 * The Decoder Lab's bundled sample: heatmaps such as a network outputs, made by the project's
 * own encoder (unbiased Gaussian targets at sub-pixel keypoints) with noise, a weaker second
 * peak on some maps and a few flattened maps, and their ground truth in input pixels.
 * `scripts/make-lab-sample.ts` writes it to `public/lab/`; a test checks the files match.
 */
import { encodeUnbiased } from '../encode.ts';
import { createRandom } from '../random.ts';
import type { Point } from '../stack.ts';
import type { LabStack } from './input.ts';

/** Settings of the sample. */
export interface LabSampleInput {
  n: number;
  k: number;
  h: number;
  w: number;
  stride: number;
  sigma: number;
  noise: number;
  seed: number;
}

/** The sample's default: 4 samples × 17 keypoints of 64 × 48, stride 4 (a 256 × 192 input). */
export const LAB_SAMPLE: LabSampleInput = { n: 4, k: 17, h: 64, w: 48, stride: 4, sigma: 2, noise: 0.03, seed: 17 };

/** The sample's heatmaps and the ground truth in input pixels, one point per map. */
export function makeLabSample(input: LabSampleInput = LAB_SAMPLE): { stack: LabStack; truth: Point[] } {
  const { n, k, h, w, stride, sigma, noise, seed } = input;
  const random = createRandom(seed);
  const size = h * w;
  const data = new Float32Array(n * k * size);
  const truth: Point[] = [];
  for (let m = 0; m < n * k; m++) {
    const hm = { x: random.uniform(4, w - 5), y: random.uniform(4, h - 5) };
    truth.push({ x: hm.x * stride, y: hm.y * stride });
    const main = encodeUnbiased(hm, w, h, sigma).data;
    // One map in four has a weaker second peak (a neighbouring person's joint, say).
    const second =
      random.next() < 0.25
        ? encodeUnbiased({ x: random.uniform(2, w - 3), y: random.uniform(2, h - 3) }, w, h, sigma).data
        : undefined;
    const amplitude = 0.7 + 0.3 * random.next();
    for (let i = 0; i < size; i++) {
      const v = amplitude * (main[i] as number) + (second ? 0.5 * (second[i] as number) : 0) + noise * random.normal();
      data[m * size + i] = v;
    }
  }
  return { stack: { n, k, h, w, data, source: 'Subpixel sample' }, truth };
}
