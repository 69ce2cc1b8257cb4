/**
 * Decoding conventions: the same decoder named by two toolkits gives different numbers at
 * the edges (`../shared/docs/conventions.md`). Two are offered:
 *
 * - `reference` (the chapters' default): HRNet's and DarkPose's code. A map whose maximum is
 *   ≤ 0 decodes to (0, 0); the quarter shift moves both axes only when 1 < x < W-1 and
 *   1 < y < H-1; DARK refines when 2 ≤ x ≤ W-3 and 2 ≤ y ≤ H-3.
 * - `mmpose`: MMPose's codecs (open-mmlab/mmpose, `mmpose/codecs/`). A map whose maximum is
 *   ≤ 0 decodes to (-1, -1) (`get_heatmap_maximum`); the quarter shift is decided per axis
 *   (`refine_keypoints`): x when 1 < x < W-1 and 0 < y < H, y when 1 < y < H-1 and
 *   0 < x < W; DARK as DarkPose (`refine_keypoints_dark`), from the (-1, -1) point.
 *
 * DARK-UDP, Megvii's decoder and the SimCC decoders exist only in MMPose; they follow MMPose
 * whatever the convention. {@link TOOLKIT_FUNCTIONS} says which toolkit function each
 * convention and decoder follows, for the Lab to show.
 */
import type { DecodedPoint } from './stack.ts';

/** The decoding conventions. */
export const DECODE_CONVENTIONS = ['reference', 'mmpose'] as const;
/** A decoding convention: `reference` (HRNet/DarkPose, the default) or `mmpose`. */
export type DecodeConvention = (typeof DECODE_CONVENTIONS)[number];

/** Human-readable names of the conventions. */
export const DECODE_CONVENTION_LABELS: Record<DecodeConvention, string> = {
  reference: 'Reference (HRNet, DarkPose)',
  mmpose: 'MMPose',
};

/** Whether a value names a convention (for URL state and settings read from files). */
export function isDecodeConvention(value: unknown): value is DecodeConvention {
  return typeof value === 'string' && (DECODE_CONVENTIONS as readonly string[]).includes(value);
}

/**
 * A maximum found by the reference argmax (score ≤ 0 at (0, 0)) under a convention: MMPose's
 * `get_heatmap_maximum` puts maps whose maximum is ≤ 0 at (-1, -1). NaN scores (no finite
 * cell) are left as they are.
 */
export function maximumUnder(m: DecodedPoint, convention: DecodeConvention): DecodedPoint {
  if (convention === 'mmpose' && m.score <= 0) return { ...m, x: -1, y: -1 };
  return m;
}

/** One row of the table of which toolkit function a convention's decoder follows. */
export interface ToolkitFunction {
  /** The convention (`both` when the decoder is the same under both). */
  convention: DecodeConvention | 'both';
  /** The decoder's id in `decoders.ts` or `simcc.ts`, or `flip` and `mapping`. */
  decoder: string;
  /** The function or codec, as the toolkit names it. */
  follows: string;
  /** The repository and the file it is in. */
  repository: string;
  file: string;
  /** What distinguishes it: border rule, score, mapping. */
  note: string;
}

const MMPOSE = 'open-mmlab/mmpose';
const HRNET = 'leoxiaobin/deep-high-resolution-net.pytorch';
const DARKPOSE = 'ilovepose/DarkPose';

/**
 * Which toolkit function each convention and decoder follows, for the Lab to show beside its
 * settings. MMPose rows were read at commit 759b39c (2025-08-04).
 */
export const TOOLKIT_FUNCTIONS: readonly ToolkitFunction[] = [
  {
    convention: 'reference',
    decoder: 'argmax',
    follows: 'get_max_preds',
    repository: HRNET,
    file: 'lib/core/inference.py',
    note: 'first maximum in row-major order; maximum ≤ 0 gives (0, 0)',
  },
  {
    convention: 'reference',
    decoder: 'quarter',
    follows: 'get_final_preds (no DARK)',
    repository: HRNET,
    file: 'lib/core/inference.py',
    note: '0.25·sign of the neighbour difference on both axes, only when 1 < x < W-1 and 1 < y < H-1',
  },
  {
    convention: 'reference',
    decoder: 'dark',
    follows: 'taylor, gaussian_blur, get_final_preds',
    repository: DARKPOSE,
    file: 'lib/core/inference.py',
    note: 'blur, floor 1e-10, log, one Newton step when 2 ≤ x ≤ W-3, 2 ≤ y ≤ H-3 and det H ≠ 0',
  },
  {
    convention: 'mmpose',
    decoder: 'argmax',
    follows: 'get_heatmap_maximum',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/post_processing.py',
    note: 'first maximum in row-major order; maximum ≤ 0 gives (-1, -1)',
  },
  {
    convention: 'mmpose',
    decoder: 'quarter',
    follows: 'refine_keypoints (MSRAHeatmap, unbiased=False)',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/refinement.py',
    note: 'per axis: x when 1 < x < W-1 and 0 < y < H; y when 1 < y < H-1 and 0 < x < W',
  },
  {
    convention: 'mmpose',
    decoder: 'dark',
    follows: 'refine_keypoints_dark (MSRAHeatmap, unbiased=True)',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/refinement.py',
    note: "DarkPose's step and border rule, from get_heatmap_maximum's point ((-1, -1) stays)",
  },
  {
    convention: 'both',
    decoder: 'darkUdp',
    follows: 'refine_keypoints_dark_udp (UDPHeatmap, gaussian)',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/refinement.py',
    note: 'blur, clip [0.001, 50], log, edge padding, one-cell differences, 7-point dxy, (H + eps·I)⁻¹, everywhere',
  },
  {
    convention: 'both',
    decoder: 'megvii',
    follows: 'MegviiHeatmap.decode',
    repository: MMPOSE,
    file: 'mmpose/codecs/megvii_heatmap.py',
    note: 'blur, argmax of the blurred map, +0.25·sign +0.5 when 1 < x < W-1 and 1 < y < H-1; score max/255 + 0.5',
  },
  {
    convention: 'both',
    decoder: 'quarter2',
    follows: 'the DARK paper, Eq. (2): m + 0.25 (s - m)/‖s - m‖',
    repository: DARKPOSE,
    file: '(paper)',
    note: 'no toolkit function; the same under both conventions',
  },
  {
    convention: 'both',
    decoder: 'softargmax',
    follows: 'dsnt (softmax, then the expectation)',
    repository: 'anibali/dsntnn',
    file: 'dsntnn/__init__.py',
    note: 'no MMPose heatmap-decoder counterpart; the same under both conventions',
  },
  {
    convention: 'both',
    decoder: 'softargmaxDebiased',
    follows: 'debiased integral (Gu et al., ICCV 2021), as the paper writes it',
    repository: 'Gu et al., ICCV 2021',
    file: '(paper)',
    note: 'C/(C-1)·(J - 1/(2C)), cell j at (j + ½)/W, C the mean of exp(βz); the same under both conventions',
  },
  {
    convention: 'both',
    decoder: 'softargmaxMmpose',
    follows: 'IntegralRegressionHead.forward with debias=True',
    repository: MMPOSE,
    file: 'mmpose/models/heads/regression_heads/integral_regression_head.py',
    note: 'C/(C-1)·(J - 1/(2C)), cell j at j/W, C the sum of exp(z) without β; the same under both conventions',
  },
  {
    convention: 'both',
    decoder: 'simccArgmax',
    follows: 'get_simcc_maximum, SimCCLabel.decode',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/post_processing.py, mmpose/codecs/simcc_label.py',
    note: 'argmax per vector; score the smaller maximum; ≤ 0 gives (-1, -1) bins, divided by k',
  },
  {
    convention: 'both',
    decoder: 'simccDark',
    follows: 'refine_simcc_dark (SimCCLabel, use_dark=True)',
    repository: MMPOSE,
    file: 'mmpose/codecs/utils/refinement.py',
    note: 'blur, clip [0.001, 50], log, edge padding by 2, offset dx/(dxx + 1e-9); kernel from σ',
  },
  {
    convention: 'both',
    decoder: 'simccExpectation',
    follows: 'soft-argmax over the bins',
    repository: MMPOSE,
    file: '(none)',
    note: 'no MMPose decoder; softmax(β·v) and its mean bin, divided by k',
  },
  {
    convention: 'both',
    decoder: 'flip',
    follows: 'flip_heatmaps (flip_mode="heatmap")',
    repository: MMPOSE,
    file: 'mmpose/models/utils/tta.py',
    note: 'mirror, swap left/right channels, shift_heatmap moves the map one cell right',
  },
  {
    convention: 'both',
    decoder: 'mapping',
    follows: 'MSRAHeatmap.scale_factor, UDPHeatmap.scale_factor',
    repository: MMPOSE,
    file: 'mmpose/codecs/msra_heatmap.py, mmpose/codecs/udp_heatmap.py',
    note: 'stride w/W, or UDP (w-1)/(W-1)',
  },
];

/** The border rules chapter 10 compares: which refinement runs at an argmax cell. */
export const BORDER_RULES = ['hrnetQuarter', 'mmposeQuarter', 'dark', 'darkUdp', 'megvii'] as const;
/** A border rule. */
export type BorderRule = (typeof BORDER_RULES)[number];

/** What each border rule is, and whose code states it. */
export const BORDER_RULE_INFO: Record<BorderRule, { label: string; rule: string; follows: string }> = {
  hrnetQuarter: {
    label: 'Quarter shift, HRNet',
    rule: 'both axes, only when 1 < x < W-1 and 1 < y < H-1',
    follows: 'get_final_preds (HRNet, DarkPose without DARK)',
  },
  mmposeQuarter: {
    label: 'Quarter shift, MMPose',
    rule: 'x when 1 < x < W-1 and 0 < y < H; y when 1 < y < H-1 and 0 < x < W',
    follows: 'refine_keypoints',
  },
  dark: {
    label: 'DARK',
    rule: 'both axes, only when 2 ≤ x ≤ W-3 and 2 ≤ y ≤ H-3 (two cells from the edge)',
    follows: 'taylor (DarkPose), refine_keypoints_dark',
  },
  darkUdp: {
    label: 'DARK-UDP',
    rule: 'everywhere: the log map is padded by one edge cell',
    follows: 'refine_keypoints_dark_udp',
  },
  megvii: {
    label: 'Megvii',
    rule: 'both axes (shift and +0.5), only when 1 < x < W-1 and 1 < y < H-1',
    follows: 'MegviiHeatmap.decode',
  },
};

/**
 * Whether each border rule refines x and y at argmax cell (x, y) of a W × H map (integer cells;
 * the decoders' own tests, restated for a figure that drags the maximum to the edge).
 */
export function refinementAt(
  x: number,
  y: number,
  w: number,
  h: number,
): Record<BorderRule, { x: boolean; y: boolean }> {
  const inner = x > 1 && x < w - 1 && y > 1 && y < h - 1;
  const dark = x > 1 && x < w - 2 && y > 1 && y < h - 2;
  const onMap = x >= 0 && x < w && y >= 0 && y < h;
  return {
    hrnetQuarter: { x: inner, y: inner },
    mmposeQuarter: { x: x > 1 && x < w - 1 && y > 0 && y < h, y: y > 1 && y < h - 1 && x > 0 && x < w },
    dark: { x: dark, y: dark },
    darkUdp: { x: onMap, y: onMap },
    megvii: { x: inner, y: inner },
  };
}
