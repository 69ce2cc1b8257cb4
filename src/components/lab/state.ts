/**
 * The URL-mirrored state of the Decoder Lab: the convention and mapping, which decoders, their
 * settings, SimCC's split ratio and σ, the flip test, how files are read, and the selected map.
 * Files themselves are not in the URL (they never leave the browser); everything that says how
 * they are decoded is, so a link reproduces the reader's settings on their files. Everything
 * downstream reads the settings as one `LabRun` (`runOf`).
 */
import {
  HEATMAP_DECODER_IDS,
  LAB_DEFAULT_BETA,
  MMPOSE_SIMCC_DEFAULTS,
  mmposeFlipShift,
  SIMCC_DECODER_IDS,
  type DecodeConvention,
  type HeatmapDecoderId,
  type InputMapping,
  type LabDecoderId,
  type LabRun,
  type LayoutChoice,
  type SimccDecoderId,
} from '../../lib/index.ts';
import { booleanParam, choiceParam, numberParam, pick, setParam, type Schema } from '../ui/params.ts';
import { COCO17_PAIRS_TEXT, namesParam, pairsOf, pairsParam, sigmasParam } from './list-params.ts';

export const KERNELS = ['3', '5', '7', '9', '11'] as const;
export const SORTS = ['index', 'spread', 'error'] as const;
/**
 * The flip test: off; as MMPose's configs for the mapping (`mmposeFlipShift`: 1 cell under the
 * stride mapping, 0 under UDP); or the flipped-back map shifted by 0 or 1 cell before averaging.
 */
export const FLIPS = ['off', 'auto', '0', '1'] as const;
export const LAYOUTS = ['auto', 'channelsFirst', 'channelsLast'] as const satisfies readonly LayoutChoice[];

export interface LabState extends Record<LabDecoderId, boolean> {
  /** Whose numbers: the reference code (HRNet, DarkPose) or MMPose's codecs. */
  convention: DecodeConvention;
  /** Heatmap pixels to input pixels: the stride, or UDP's (w−1)/(W−1). */
  mapping: InputMapping;
  kernel: (typeof KERNELS)[number];
  beta: number;
  /** Input pixels per heatmap pixel. */
  stride: number;
  units: 'heatmap' | 'input';
  /** SimCC's split ratio k (bins per input pixel) and label σ in bins (SimCC-DARK's kernels). */
  split: number;
  sigmaX: number;
  sigmaY: number;
  flip: (typeof FLIPS)[number];
  /** Left/right keypoint pairs swapped by the flip, `a-b,c-d,…` (0-based). */
  pairs: string;
  /** OKS σ per keypoint, `0.026,0.025,…`; empty: COCO-17's for 17 keypoints. */
  sigmas: string;
  /** Keypoint names, `nose,left_eye,…`; empty: the COCO file's, else COCO-17's or `keypoint k`. */
  names: string;
  /** Detected boxes scoring below this are dropped, as MMPose's `filter_cfg=dict(bbox_score_thr=…)`. */
  boxThr: number;
  /** How a heatmap file's axes are read: by the Lab's rule, or as the reader says. */
  layout: (typeof LAYOUTS)[number];
  /** The selected map, n·K + k. */
  map: number;
  sort: (typeof SORTS)[number];
  /** The decoders the reader switched off in the score chart (by its legend). */
  off: readonly LabDecoderId[];
}

const decoderDefaults: Record<LabDecoderId, boolean> = {
  argmax: true,
  quarter: true,
  quarter2: true,
  dark: true,
  softargmax: true,
  softargmaxDebiased: false,
  softargmaxMmpose: false,
  darkUdp: false,
  megvii: false,
  simccArgmax: true,
  simccExpectation: true,
  simccDark: true,
};

export const labSchema: Schema<LabState> = {
  ...(Object.fromEntries(Object.entries(decoderDefaults).map(([id, on]) => [id, booleanParam(on)])) as Schema<
    Record<LabDecoderId, boolean>
  >),
  convention: choiceParam(['reference', 'mmpose'] as const, 'reference'),
  mapping: choiceParam(['stride', 'udp'] as const, 'stride'),
  kernel: choiceParam(KERNELS, '11'),
  beta: numberParam({ default: LAB_DEFAULT_BETA, min: 0.1, max: 100, digits: 2 }),
  stride: numberParam({ default: 4, min: 0.25, max: 64, digits: 3 }),
  units: choiceParam(['input', 'heatmap'] as const, 'input'),
  // MMPose's SimCCLabel defaults (RTMPose's configs keep the split ratio).
  split: numberParam({ default: MMPOSE_SIMCC_DEFAULTS.splitRatio, min: 0.25, max: 16, digits: 3 }),
  sigmaX: numberParam({ default: MMPOSE_SIMCC_DEFAULTS.sigma, min: 0.5, max: 20, digits: 2 }),
  sigmaY: numberParam({ default: MMPOSE_SIMCC_DEFAULTS.sigma, min: 0.5, max: 20, digits: 2 }),
  flip: choiceParam(FLIPS, 'auto'),
  pairs: pairsParam(COCO17_PAIRS_TEXT),
  sigmas: sigmasParam(),
  names: namesParam(),
  boxThr: numberParam({ default: 0, min: 0, max: 1, digits: 3 }),
  layout: choiceParam(LAYOUTS, 'auto'),
  map: numberParam({ default: 0, min: 0, max: 65_535, integer: true }),
  sort: choiceParam(SORTS, 'index'),
  off: setParam<LabDecoderId>([...HEATMAP_DECODER_IDS, ...SIMCC_DECODER_IDS]),
};

/** The keys that say how to decode: every part that shows or reproduces a decode reads these, as a `LabRun`. */
export const RUN_KEYS = [
  ...HEATMAP_DECODER_IDS,
  ...SIMCC_DECODER_IDS,
  'convention',
  'mapping',
  'kernel',
  'beta',
  'stride',
  'units',
  'split',
  'sigmaX',
  'sigmaY',
  'flip',
  'pairs',
  'sigmas',
  'names',
  'boxThr',
] as const satisfies readonly (keyof LabState)[];

/** The run's parameters, for a spec that reads the run. */
export const runParams = pick(labSchema, ...RUN_KEYS);
export type RunState = Pick<LabState, (typeof RUN_KEYS)[number]>;

/** The heatmap decoders the state turns on, in the library's order. */
export function chosenDecoders(
  s: Readonly<Pick<LabState, HeatmapDecoderId>>,
  all: readonly HeatmapDecoderId[] = HEATMAP_DECODER_IDS,
): HeatmapDecoderId[] {
  return all.filter((id) => s[id]);
}

/** The SimCC decoders the state turns on. */
export function chosenSimccDecoders(s: Readonly<Pick<LabState, SimccDecoderId>>): SimccDecoderId[] {
  return SIMCC_DECODER_IDS.filter((id) => s[id]);
}

/** The decoding settings of a state: what the worker decodes under, and what every view of a decode reads. */
export function runOf(s: Readonly<RunState>): LabRun {
  return {
    convention: s.convention,
    mapping: s.mapping,
    decoders: chosenDecoders(s),
    simccDecoders: chosenSimccDecoders(s),
    kernel: Number(s.kernel),
    beta: s.beta,
    stride: s.stride,
    units: s.units,
    splitRatio: s.split,
    sigma: [s.sigmaX, s.sigmaY],
    flip: s.flip === 'off' ? 'off' : s.flip === 'auto' ? mmposeFlipShift(s.mapping) : s.flip === '0' ? 0 : 1,
    pairs: pairsOf(s.pairs),
    sigmas: s.sigmas === '' ? [] : s.sigmas.split(',').map(Number),
    names: s.names === '' ? [] : s.names.split(','),
    bboxScoreThr: s.boxThr,
  };
}
