/**
 * A check of chapter 9's foundations on the built site, before the chapter exists: loads the runtime
 * and the model, runs them on the bundled photo's default crop, decodes one joint with every decoder,
 * optionally runs the shift test, and times inference. Used by /dev/blazepose/ (its button), by
 * tests/browser/blazepose.test.ts and by `npm run bench`; the chapter's figures replace it.
 */
import {
  ASTRONAUT_DEFAULT_CROP,
  BLAZEPOSE_NOSE,
  cropFromAuxiliary,
  decodeJoint,
  regressionGaps,
  resampleCrop,
  runShiftTest,
  summarizeShiftTest,
  type BlazePoseDecodeOptions,
  type BlazePoseJointDecode,
  type CropSquare,
  type RegressionGap,
  type ShiftTestSummary,
} from '../../../lib/index.ts';
import { BUNDLED_PHOTO_URL, photoFromUrl } from './photo.ts';
import { loadBlazePose, type BlazePoseAccelerator } from './runtime.ts';

/** What to check. */
export interface BlazePoseCheckOptions extends BlazePoseDecodeOptions {
  accelerators?: BlazePoseAccelerator[];
  crop?: CropSquare;
  joint?: number;
  /** Run the 0–8 px shift test too. */
  shiftTest?: boolean;
  /** Timed runs after 3 warm-up runs (0: no timing). */
  timingRuns?: number;
}

/** What the check found; plain data (it crosses to Playwright as JSON). */
export interface BlazePoseCheckReport {
  accelerator: BlazePoseAccelerator;
  fallback: string | null;
  fullyAccelerated: boolean;
  crop: CropSquare;
  /** ms from the call to a compiled model (runtime, WebAssembly and model downloads included). */
  loadMs: number;
  /** ms of the first inference. */
  firstRunMs: number;
  /** Median ms of the timed runs, and their count. */
  medianRunMs: number | null;
  timedRuns: number;
  poseScore: number;
  joint: BlazePoseJointDecode;
  /** Every joint's distance from each decoder's point to the regressed landmark (input px). */
  gaps: RegressionGap[];
  /** MediaPipe's next crop from this crop's auxiliary points, photo pixels. */
  nextCrop: CropSquare;
  shiftTest: ShiftTestSummary | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs the check; throws the runtime's `BlazePoseError` when the model cannot run. */
export async function runBlazePoseCheck(options: BlazePoseCheckOptions = {}): Promise<BlazePoseCheckReport> {
  const crop = options.crop ?? ASTRONAUT_DEFAULT_CROP;
  const joint = options.joint ?? BLAZEPOSE_NOSE;
  const t0 = performance.now();
  const [runtime, photo] = await Promise.all([
    loadBlazePose(options.accelerators ? { accelerators: options.accelerators } : {}),
    photoFromUrl(BUNDLED_PHOTO_URL),
  ]);
  const loadMs = performance.now() - t0;
  try {
    const input = resampleCrop(photo, crop);
    const t1 = performance.now();
    const result = await runtime.runResult(input);
    const firstRunMs = performance.now() - t1;
    const timedRuns = options.timingRuns ?? 0;
    let medianRunMs: number | null = null;
    if (timedRuns > 0) {
      for (let i = 0; i < 3; i++) await runtime.run(input);
      const times: number[] = [];
      for (let i = 0; i < timedRuns; i++) {
        const t = performance.now();
        await runtime.run(input);
        times.push(performance.now() - t);
      }
      medianRunMs = median(times);
    }
    const shiftTest = options.shiftTest
      ? summarizeShiftTest(await runShiftTest((x) => runtime.runResult(x), photo, crop, { ...options, joint }))
      : null;
    return {
      accelerator: runtime.accelerator,
      fallback: runtime.fallback,
      fullyAccelerated: runtime.fullyAccelerated,
      crop,
      loadMs,
      firstRunMs,
      medianRunMs,
      timedRuns,
      poseScore: result.poseScore,
      joint: decodeJoint(result, joint, options),
      gaps: regressionGaps(result, options),
      nextCrop: cropFromAuxiliary(result.landmarks, crop),
      shiftTest,
    };
  } finally {
    runtime.dispose();
  }
}
