/**
 * BlazePose's heatmaps as the Decoder Lab reads heatmaps (`lab/input.ts`): one sample per model run,
 * its 39 sigmoid maps of 64 × 64 (the maps MediaPipe and the chapter's decoders read), stride 4, with
 * the keypoint names and the regressed landmarks, which the Lab can take as reference points in
 * input pixels (they are the model's own answer, not a ground truth).
 */
import type { LabStack } from '../lab/input.ts';
import type { Point } from '../stack.ts';
import { BLAZEPOSE_KEYPOINT_NAMES, BLAZEPOSE_STRIDE } from './model.ts';
import type { BlazePoseResult } from './outputs.ts';

/** What {@link blazePoseLabStack} gives. */
export interface BlazePoseLabStack {
  /** N runs × 39 maps of 64 × 64, sigmoid values in (0, 1). */
  stack: LabStack;
  /** The 39 keypoint names, in the maps' order. */
  names: readonly string[];
  /** Input pixels per heatmap cell, 4 (MediaPipe's convention: cell c is input pixel 4c). */
  stride: number;
  /** The regressed landmarks, input pixels, one per map ((n·39 + k) order). */
  regressed: Point[];
}

/** Stacks the sigmoid maps of one or more results as a Lab stack [N, 39, 64, 64]. */
export function blazePoseLabStack(results: readonly BlazePoseResult[], source: string): BlazePoseLabStack {
  const first = results[0];
  if (!first) throw new RangeError('no model results to stack');
  const { k, h, w } = first.heatmaps;
  const size = k * h * w;
  const data = new Float32Array(results.length * size);
  results.forEach((r, n) => {
    if (r.heatmaps.k !== k || r.heatmaps.h !== h || r.heatmaps.w !== w) {
      throw new RangeError(
        `result ${n} has maps of ${r.heatmaps.k}×${r.heatmaps.h}×${r.heatmaps.w}, not ${k}×${h}×${w}`,
      );
    }
    data.set(r.heatmaps.data, n * size);
  });
  return {
    stack: { n: results.length, k, h, w, data, source },
    names: BLAZEPOSE_KEYPOINT_NAMES,
    stride: BLAZEPOSE_STRIDE,
    regressed: results.flatMap((r) => r.landmarks.map((l) => ({ x: l.x, y: l.y }))),
  };
}
