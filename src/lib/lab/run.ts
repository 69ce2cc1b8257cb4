/**
 * The Decoder Lab's decoding settings as one value, `LabRun`: which decoders, under which
 * convention and mapping, with which kernel, β, stride, SimCC split ratio and σ, flip shift and
 * left/right pairs. The page derives it from its URL state; the worker decodes under it; the
 * exports and the metrics read it back. The library's decoders take their own slices of it.
 */
import type { DecodeConvention } from '../conventions.ts';
import type { HeatmapDecoderId } from '../decoders.ts';
import type { InputMapping } from '../mapping.ts';
import type { SimccDecoderId } from '../simcc.ts';
import type { LabSettings, LabSimccSettings } from './decode.ts';
import type { GroundTruthUnits } from './groundTruth.ts';

/** Any decoder the Lab offers: a heatmap decoder or a SimCC decoder. */
export type LabDecoderId = HeatmapDecoderId | SimccDecoderId;

/**
 * The flip shift MMPose's configs test with under a mapping: `shift_heatmap=True` (1 cell) in its
 * MSRA and DARK configs (stride mapping), `False` in its UDP configs (e.g.
 * `td-hm_hrnet-w32_udp-8xb64-210e_coco-256x192.py`), whose mapping needs none.
 */
export function mmposeFlipShift(mapping: InputMapping): 0 | 1 {
  return mapping === 'udp' ? 0 : 1;
}

/**
 * The soft-argmax β the Lab starts with: 20 suits heatmaps trained against Gaussians (peaks near
 * one), the usual input; a model trained with soft-argmax wants the β it was trained with.
 */
export const LAB_DEFAULT_BETA = 20;

/** The flip test: off, or the flipped-back maps shifted 0 or 1 cell before averaging. */
export type FlipChoice = 'off' | 0 | 1;

/** The Lab's decoding settings. */
export interface LabRun {
  convention: DecodeConvention;
  mapping: InputMapping;
  decoders: HeatmapDecoderId[];
  simccDecoders: SimccDecoderId[];
  /** DARK's, DARK-UDP's and Megvii's blur kernel size. */
  kernel: number;
  /** Soft-argmax's and SimCC expectation's β. */
  beta: number;
  /** Input pixels per heatmap pixel. */
  stride: number;
  /** What a points file's points are in. */
  units: GroundTruthUnits;
  /** SimCC's split ratio k (bins per input pixel). */
  splitRatio: number;
  /** SimCC's label σ in bins, x and y. */
  sigma: [number, number];
  flip: FlipChoice;
  /** Left/right keypoint pairs that the flip swaps (0-based). */
  pairs: [number, number][];
  /** OKS σ per keypoint, as the reader typed them; empty: COCO-17's for 17 keypoints (`labSigmas`). */
  sigmas: number[];
  /** Keypoint names as the reader typed them; empty: the ground truth's, the input's or the defaults. */
  names: string[];
  /** Detected boxes below this score are not samples (MMPose's `filter_cfg=dict(bbox_score_thr=…)`). */
  bboxScoreThr: number;
}

/** The heatmap decoders' settings of a run. */
export function heatmapSettingsOf(run: LabRun): LabSettings<HeatmapDecoderId> {
  const { decoders, kernel, beta, stride, convention, mapping } = run;
  return { decoders, kernel, beta, stride, convention, mapping };
}

/** The SimCC decoders' settings of a run. */
export function simccSettingsOf(run: LabRun): LabSimccSettings {
  return { decoders: run.simccDecoders, splitRatio: run.splitRatio, sigma: run.sigma, beta: run.beta };
}

/**
 * What a decode of `kind` depends on, as a key: two runs with the same key decode alike, so a
 * change of anything else (a SimCC setting for heatmaps, say) needs no new decode.
 */
export function runKey(run: LabRun, kind: 'heatmaps' | 'simcc'): string {
  if (kind === 'simcc') {
    const { simccDecoders, splitRatio, sigma, beta, units, sigmas, names, bboxScoreThr } = run;
    return JSON.stringify({ simccDecoders, splitRatio, sigma, beta, units, sigmas, names, bboxScoreThr });
  }
  const { convention, mapping, decoders, kernel, beta, stride, units, flip, pairs, sigmas, names, bboxScoreThr } = run;
  return JSON.stringify({
    convention,
    mapping,
    decoders,
    kernel,
    beta,
    stride,
    units,
    flip,
    pairs,
    sigmas,
    names,
    bboxScoreThr,
  });
}
