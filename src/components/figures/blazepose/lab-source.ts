/**
 * BlazePose's real heatmaps for the Decoder Lab (its "heatmaps from the real model" sample): loads
 * the runtime and the lite model from the site (nothing is fetched before the call, as with chapter
 * 9's button), runs it on the bundled photo's default crop, moved right by each of `shifts` input
 * pixels (one sample per shift; default one sample, unshifted), and returns the Lab's stack
 * [N, 39, 64, 64] of sigmoid maps with the keypoint names, stride 4 and the regressed landmarks.
 *
 * ```ts
 * const { stack, names, stride, regressed, accelerator } = await bundledPhotoHeatmaps({ shifts: [0, 0.25, 0.5] });
 * ```
 */
import {
  ASTRONAUT_DEFAULT_CROP,
  blazePoseLabStack,
  resampleCrop,
  shiftCrop,
  type BlazePoseLabStack,
  type BlazePoseResult,
} from '../../../lib/index.ts';
import { BUNDLED_PHOTO_URL, photoFromUrl } from './photo.ts';
import { loadBlazePose, type BlazePoseAccelerator } from './runtime.ts';

/** The Lab's stack, and which accelerator ran the model. */
export interface BundledPhotoHeatmaps extends BlazePoseLabStack {
  accelerator: BlazePoseAccelerator;
}

/** Runs the model on the bundled photo; throws the runtime's `BlazePoseError` (a sentence) when it cannot. */
export async function bundledPhotoHeatmaps(
  options: { shifts?: readonly number[] } = {},
): Promise<BundledPhotoHeatmaps> {
  const shifts = options.shifts ?? [0];
  const [runtime, photo] = await Promise.all([loadBlazePose(), photoFromUrl(BUNDLED_PHOTO_URL)]);
  try {
    const results: BlazePoseResult[] = [];
    for (const shift of shifts)
      results.push(await runtime.runResult(resampleCrop(photo, shiftCrop(ASTRONAUT_DEFAULT_CROP, shift))));
    const source = `BlazePose lite on the bundled photo (${shifts.length === 1 ? 'its default crop' : `its default crop shifted by ${shifts.join(', ')} px`})`;
    return { ...blazePoseLabStack(results, source), accelerator: runtime.accelerator };
  } finally {
    runtime.dispose();
  }
}
