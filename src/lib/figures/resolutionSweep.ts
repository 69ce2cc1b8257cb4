/**
 * Figure data for "DARK helps most at low resolution" (chapter 4): the same keypoints on
 * inputs of 256×192, 128×96 and 64×48 at stride 4 (heatmaps 64×48, 32×24, 16×12), each
 * decoder's error measured in the pixels of the 256×192 frame, as the DarkPose paper's
 * resolution study compares them.
 */
import type { DecoderId } from '../decoders.ts';
import type { TargetKind } from '../encode.ts';
import { runErrorSweep } from '../experiments.ts';
import { summarize, type Summary } from '../stats.ts';

/** The input resolutions compared, as in the DarkPose resolution study (stride 4). */
export const RESOLUTIONS = [
  { input: '256×192', inputH: 256, inputW: 192 },
  { input: '128×96', inputH: 128, inputW: 96 },
  { input: '64×48', inputH: 64, inputW: 48 },
] as const;

/** Error of one decoder at one resolution, in pixels of the 256×192 frame. */
export interface ResolutionRow {
  input: string;
  heatmap: string;
  decoder: DecoderId;
  /** Error in pixels of the 256×192 frame. */
  error: Summary;
}

/** All rows for one target kind, with the sweep's settings. */
export interface ResolutionSweep {
  target: TargetKind;
  samples: number;
  seed: number;
  sigma: number;
  noise: number;
  rows: ResolutionRow[];
}

/** Runs the seeded sweep at each resolution and scales the errors to the 256×192 frame. */
export function buildResolutionSweep({
  target,
  samples = 3000,
  seed = 7,
  sigma = 2,
  noise = 0.02,
  decoders = ['argmax', 'quarter', 'dark'],
}: {
  target: TargetKind;
  samples?: number;
  seed?: number;
  sigma?: number;
  noise?: number;
  decoders?: DecoderId[];
}): ResolutionSweep {
  const rows: ResolutionRow[] = [];
  for (const r of RESOLUTIONS) {
    const W = r.inputW / 4;
    const H = r.inputH / 4;
    // Errors come back in this input's pixels (× 4); the frame is 256 px tall.
    const toFrame = 256 / r.inputH;
    const sweep = runErrorSweep({
      heatmapW: W,
      heatmapH: H,
      stride: 4,
      sigma,
      target,
      noise,
      samples,
      seed,
      decoders,
      margin: 1,
    });
    for (const decoder of decoders) {
      const errors = (sweep.errors[decoder] as Float64Array).map((e) => e * toFrame);
      rows.push({ input: r.input, heatmap: `${H}×${W}`, decoder, error: summarize(errors) });
    }
  }
  return { target, samples, seed, sigma, noise, rows };
}
