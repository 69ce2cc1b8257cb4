/**
 * What "copy as code" reproduces, from the Lab's run and what is loaded: the decoders of the
 * loaded kind (heatmaps when nothing is loaded), the file names when the script can read them as
 * they are (a `.npy` of heatmaps, channels last when the Lab read it so; a `.npz` holding simcc_x
 * and simcc_y, or the two `.npy` files of a SimCC pair), the MMPose config's input
 * size, and the flip test when a flipped stack is loaded and the pairs fit its keypoints.
 */
import type { CopyAsCodeSettings } from './copyAsCode.ts';
import { flipIndicesFromPairs } from '../flip.ts';
import type { LabRun } from './run.ts';

/** What the code needs to know of the loaded files. */
export interface CodeContext {
  input?: {
    kind: 'heatmaps' | 'simcc';
    source: string;
    k: number;
    w: number;
    h: number;
    layout?: 'channelsLast';
    files?: { x: string; y: string };
  };
  /** The flipped image's file, when one is loaded. */
  flipped?: string;
}

/** The copy-as-code settings of a run on the loaded files. */
export function labCodeSettings(run: LabRun, context: CodeContext = {}): CopyAsCodeSettings {
  const { input } = context;
  const simcc = input?.kind === 'simcc';
  let flip: CopyAsCodeSettings['flip'] = null;
  if (!simcc && context.flipped && run.flip !== 'off' && input) {
    try {
      flip = { file: context.flipped, flipIndices: flipIndicesFromPairs(run.pairs, input.k), shift: run.flip };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const file =
    input && (simcc ? /\.npz$/i.test(input.source) : /\.npy$/i.test(input.source)) ? input.source : undefined;
  return {
    input: simcc ? 'simcc' : 'heatmaps',
    convention: run.convention,
    decoders: simcc ? run.simccDecoders : run.decoders,
    kernel: run.kernel,
    beta: run.beta,
    mapping: run.mapping,
    // The MMPose config's input_size is stride × heatmap size: for SimCC, the vectors' bins / k.
    ...(input && simcc
      ? { stride: 1, heatmapW: input.w / run.splitRatio, heatmapH: input.h / run.splitRatio }
      : { stride: run.stride, ...(input ? { heatmapW: input.w, heatmapH: input.h } : {}) }),
    splitRatio: run.splitRatio,
    sigma: run.sigma,
    flip,
    ...(file ? { file } : {}),
    ...(input?.layout && !simcc ? { layout: input.layout } : {}),
    ...(input?.files && simcc ? { simccFiles: input.files } : {}),
  };
}
