/**
 * The numbers the chapters' prose states that the site computes, by name. Each entry says
 * what the number is and which builder of src/lib (or which measurement) gives it, with the
 * seeded settings of the figure it speaks about, its unit and its precision. Chapters write
 * `<Num of="decoderTable.quarter.unbiased" />`; a name that is not here fails the build and
 * tests/content/prose-numbers.test.ts. Builders are called once per build (memoised): the
 * decoder table and the error sweeps run once however many sentences quote them.
 *
 * Chapter 8's model numbers come from src/data/shipped-models.json, which
 * scripts/measure-shipped.ts measures with TF.js (the build does not run TF.js) and
 * tests/lib/tf-shipped.test.ts checks against a fresh measurement.
 */
import { strideOf } from '../coords.ts';
import { LAB_DEFAULT_BETA } from '../lab/run.ts';
import { REFERENCE_TOLERANCE } from '../decoders.ts';
import { ADAPT_BLOCK_TOLERANCE, CENTRE_NMS, REGULAR_GRID } from '../dekr.ts';
import { encodeBiased, encodeUnbiased } from '../encode.ts';
import { DARK_SETTING } from '../figures/darkSteps.ts';
import { buildDecoderTable } from '../figures/decoderTable.ts';
import { debiasFormsGap } from '../figures/debiasForms.ts';
import { DSNT_SETTING } from '../figures/dsntFigure.ts';
import { buildErrorDistributions, DIST_MARGIN, SIGMAS, STRIDES } from '../figures/errorDistributions.ts';
import { CROP_GEOMETRY } from '../figures/pixelGrid.ts';
import { buildQuarterShift, buildQuarterStrips, QUARTER_SETTING } from '../figures/quarterShift.ts';
import { buildResolutionSweep, RESOLUTIONS } from '../figures/resolutionSweep.ts';
import { buildRowError } from '../figures/rowError.ts';
import {
  buildKlCurves,
  buildQuantisationComparison,
  memoryTable,
  QUANTISATION_SPLITS,
} from '../figures/simdrFigure.ts';
import { buildBorderRules } from '../figures/borderRules.ts';
import { buildFlipSweep, FLIP_SWEEP } from '../figures/flipTestFigure.ts';
import { buildScoreFigure, buildScoreSamples, SCORE_SETTING, scoreThresholdRows } from '../figures/scoreFigure.ts';
import { BORDER_SETTING, UDP_FIGURE, type FlipShift } from '../figures/toolkitFigures.ts';
import { gridOffset, mismatchDecoded } from '../figures/udpGrid.ts';
import { flippedBackBias, inputToHeatmap, mappingScale, mmposeDecodeScale, type InputMapping } from '../mapping.ts';
import { megviiScore } from '../megvii.ts';
import type { ScoreConvention } from '../scores.ts';
import { QUARTER_STEP } from '../quarter.ts';
import { simdrProjectionParameters } from '../simdr.ts';
import { HELD_OUT, LIVE_EVALUATION } from '../synth/batch.ts';
import { SYNTH_K, SYNTH_RANGES } from '../synth/stickFigures.ts';
import shippedJson from '../../data/shipped-models.json' with { type: 'json' };
import type { ModelMeasurement, ShippedMeasurements } from '../tf/measure.ts';
import type { ProseUnit, ProseValue } from './format.ts';
import {
  BLAZEPOSE_HEATMAP_SIZE,
  BLAZEPOSE_INPUT_SIZE,
  BLAZEPOSE_BODY_CENTRE,
  BLAZEPOSE_BODY_SCALE,
  BLAZEPOSE_KEYPOINT_COUNT,
  BLAZEPOSE_POSE_LANDMARK_COUNT,
  BLAZEPOSE_STRIDE,
} from '../blazepose/model.ts';
import { MEDIAPIPE_MIN_CONFIDENCE, MEDIAPIPE_REFINE_KERNEL } from '../blazepose/refine.ts';
import { SHIFT_TEST_IDEAL_SLOPE, SHIFT_TEST_MAX, SHIFT_TEST_STEP, shiftSchedule } from '../blazepose/shiftTest.ts';
import { SOFT_WINDOW_RADIUS } from '../blazepose/softWindow.ts';
import { JOINT_ZOOM_SIZE } from '../figures/realHeatmaps.ts';

/** One named prose value: what it is and where it comes from, how to print it, and how to compute it. */
export interface ProseEntry {
  /** What the number is, and the builder and settings it comes from (shown to readers on hover). */
  what: string;
  unit: ProseUnit;
  /** Decimals, unless the sentence asks for others. */
  digits: number;
  /** Print + before positive values. */
  signed?: boolean;
  value: () => ProseValue;
}

/** Calls `f` once, on first use, and keeps its result for the rest of the build. */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

const entry = (
  what: string,
  unit: ProseUnit,
  digits: number,
  value: () => ProseValue,
  signed?: boolean,
): ProseEntry => ({ what, unit, digits, value, ...(signed ? { signed } : {}) });

// ---- The figures' builders, each run once with the settings its figure uses by default.

/** Chapter 1's row error (figure 1.2): its bounds do not depend on the row. */
const rowError = once(() => buildRowError({ y: 128, sigma: 2, target: 'unbiased' }));
/** Figure 2.3, unbiased targets, its default 2,000 keypoints per setting, seed 2020. */
const distributions = once(() => buildErrorDistributions({ target: 'unbiased' }));
/** Chapter 3's table: 5,000 keypoints, seed 3, σ 2, no noise, as `<DecoderTable />` draws it. */
const decoderTable = once(() => buildDecoderTable());
/** Figure 3.1's default state, mirrored here; tests/lib/prose.test.ts checks it against the figure's. */
export const QUARTER_EXAMPLE = { offset: { x: 0.3, y: 0.15 }, sigma: 2, target: 'unbiased' } as const;
const quarterExample = once(() => buildQuarterShift(QUARTER_EXAMPLE));
const quarterStrips = once(() => buildQuarterStrips({ sigma: QUARTER_EXAMPLE.sigma, target: 'unbiased' }));
/** Figure 4.2, unbiased targets, its default 3,000 keypoints per resolution. */
const resolution = once(() => buildResolutionSweep({ target: 'unbiased' }));
/** Figure 6.2's sweep. */
const quantisation = once(() => buildQuantisationComparison());
/** Figure 6.3's default state (k, σ, ε, the prediction's width), mirrored; checked by tests/lib/prose.test.ts. */
export const KL_EXAMPLE = { x: 101.37, k: 2, sigma: 6, epsilon: 0.1, width: 2 } as const;
const klCurves = once(() => buildKlCurves(KL_EXAMPLE));

/** Chapter 5: the two debiased soft-argmaxes on the Lab's sample, at β = 1 and at the Lab's β. */
const debiasLow = once(() => debiasFormsGap(1));
const debiasLab = once(() => debiasFormsGap(LAB_DEFAULT_BETA));

/** Figure 10.2's sweep and figure 10.3's samples, as their figures build them. */
const flipSweep = once(() => buildFlipSweep());
const scoreSamples = once(() => buildScoreSamples());
const scoreFigure = once(() => buildScoreFigure(scoreSamples()));
/** Figure 10.3's default threshold, mirrored; tests/lib/prose/ch10.test.ts checks it against the figure's. */
export const SCORE_EXAMPLE = { threshold: 0.3 } as const;
/** Figure 10.4's keypoint in the first column, for DARK-UDP's edge padding. */
export const BORDER_EDGE_EXAMPLE = { keypoint: { x: 0.2, y: 5.6 } } as const;
const flipMean = (mapping: InputMapping, shift: FlipShift) => {
  const row = flipSweep().find((r) => r.mapping === mapping && r.shift === shift && r.decoder === 'dark');
  if (!row) throw new Error(`figure 10.2's sweep has no row for ${mapping} at shift ${shift}`);
  return row.averaged.mean;
};
const keptAt = (c: ScoreConvention) => 100 * scoreThresholdRows(scoreSamples(), SCORE_EXAMPLE.threshold)[c].keptShare;
/** The stride-to-UDP mismatch at the crop's last pixel along an axis, input px. */
const farEdge = (axis: 'x' | 'y') => {
  const p = { x: CROP_GEOMETRY.inputW - 1, y: CROP_GEOMETRY.inputH - 1 };
  return mismatchDecoded(p, CROP_GEOMETRY, 'stride', 'udp')[axis] - p[axis];
};

const distRow = (stride: number, decoder: string) => {
  const row = distributions().byStride.find((r) => r.stride === stride && r.decoder === decoder);
  if (!row) throw new Error(`figure 2.3 has no row for ${decoder} at stride ${stride}`);
  return row;
};
const sigmaRows = (decoder: string) => distributions().bySigma.filter((r) => r.decoder === decoder);
const tableMean = (decoder: string, target: 'unbiased' | 'biased') => {
  const row = decoderTable().rows[decoder];
  if (!row) throw new Error(`the decoder table has no ${decoder}`);
  return row[target].mean;
};
const resolutionMean = (input: string, decoder: string) => {
  const row = resolution().rows.find((r) => r.input === input && r.decoder === decoder);
  if (!row) throw new Error(`figure 4.2 has no row for ${decoder} at ${input}`);
  return row.error.mean;
};
const klAt = (label: string, shift: number) => {
  const rows = klCurves().filter((r) => r.label === label);
  const row = rows.reduce((a, b) => (Math.abs(b.shift - shift) < Math.abs(a.shift - shift) ? b : a));
  if (Math.abs(row.shift - shift) > 1e-9) throw new Error(`figure 6.3's curve has no point at ${shift} px`);
  return row.kl;
};

// ---- Chapter 8: the shipped models as measured (src/data/shipped-models.json).

// The file's shape is ShippedMeasurements: tests/lib/tf-shipped.test.ts compares it field by field with a fresh measurement.
const shipped = shippedJson as unknown as ShippedMeasurements;
const model = (head: string, size: number): ModelMeasurement => {
  const m = shipped.models.find((x) => x.head === head && x.size === size);
  if (!m) throw new Error(`src/data/shipped-models.json has no ${head} model at ${size} px`);
  return m;
};
const estimate = (e: { mean: number; sem: number }): ProseValue => ({ estimate: { mean: e.mean, sem: e.sem } });
const error = (head: string, method: string, size: number) => {
  const e = model(head, size).errors[method];
  if (!e) throw new Error(`no ${method} error for the ${head} model at ${size} px`);
  return e;
};
const difference = (head: string, pair: string, size: number) => {
  const d = model(head, size).differences[pair];
  if (!d) throw new Error(`no ${pair} difference for the ${head} model at ${size} px`);
  return d;
};
const projection = (size: number) => {
  const p = model('simdr', size).projection;
  if (!p) throw new Error(`the SimDR model at ${size} px has no projection`);
  return p;
};
/** Mean value of a σ-cell target on the large model's map, relative to its peak of 1. */
const targetMean = (side: number) => {
  const map = encodeUnbiased({ x: side / 2, y: side / 2 }, side, side, shipped.training.sigma).data;
  return map.reduce((a, b) => a + b, 0) / map.length;
};

/** The inputs and decoding methods of the shipped models the prose names; tests/lib/prose.test.ts checks them against the models. */
export const CH8_SIZES = [64, 128] as const;
/** Each decoding method and its head. */
export const CH8_METHODS = {
  argmax: 'heatmap',
  quarter: 'heatmap',
  dark: 'heatmap',
  dsnt: 'dsnt',
  simdr: 'simdr',
} as const;
type Ch8Size = (typeof CH8_SIZES)[number];
const [SMALL, LARGE] = CH8_SIZES;
type Ch8Method = keyof typeof CH8_METHODS;

/** Entries for every key of a list, typed by the keys (Object.fromEntries would forget them). */
function entriesFor<K extends string, T>(
  items: readonly T[],
  key: (t: T) => K,
  make: (t: T) => ProseEntry,
): Record<K, ProseEntry> {
  const out = {} as Record<K, ProseEntry>;
  for (const t of items) out[key(t)] = make(t);
  return out;
}

const methodSizes = CH8_SIZES.flatMap((s) => (Object.keys(CH8_METHODS) as Ch8Method[]).map((m) => ({ m, s })));

/** Chapter 8's per-model measurements: errors with their spread, as shares of the image, and DARK against the quarter shift. */
const CH8_MEASURED = {
  ...entriesFor(
    methodSizes,
    ({ m, s }) => `ch8.error.${m}.${s}` as `ch8.error.${Ch8Method}.${Ch8Size}`,
    ({ m, s }) =>
      entry(
        `held-out mean error ± its standard error over samples, ${CH8_METHODS[m]} head decoded by ${m}, ${s} px`,
        'px',
        2,
        () => estimate(error(CH8_METHODS[m], m, s)),
      ),
  ),
  ...entriesFor(
    methodSizes,
    ({ m, s }) => `ch8.fraction.${m}.${s}` as `ch8.fraction.${Ch8Method}.${Ch8Size}`,
    ({ m, s }) =>
      entry(
        `held-out mean error of ${m} at ${s} px as a share of the image side`,
        '%',
        1,
        () => (100 * error(CH8_METHODS[m], m, s).mean) / s,
      ),
  ),
  ...entriesFor(
    CH8_SIZES,
    (s) => `ch8.diff.quarterDark.${s}` as `ch8.diff.quarterDark.${Ch8Size}`,
    (s) =>
      entry(`the quarter shift’s minus DARK’s error, sample by sample, ± its standard error, ${s} px`, 'px', 3, () =>
        estimate(difference('heatmap', 'quarter-dark', s)),
      ),
  ),
  ...entriesFor(
    CH8_SIZES,
    (s) => `ch8.diff.quarterDark.${s}.z` as `ch8.diff.quarterDark.${Ch8Size}.z`,
    (s) =>
      entry(`the quarter − DARK difference in standard errors, ${s} px`, '', 0, () => {
        const d = difference('heatmap', 'quarter-dark', s);
        return d.mean / d.sem;
      }),
  ),
};

const size = (h: number, w: number): ProseValue => ({ shape: { h, w } });
const { inputH, inputW, heatmapH, heatmapW } = CROP_GEOMETRY;

/**
 * Every computed number of the chapters, by name. Names read as paths: the chapter's subject,
 * then the quantity; units are those of ProseUnit (`px` always means input pixels).
 */
export const PROSE_VALUES = {
  // Chapters 1 and 2: the 256 × 192 crop and its heatmap.
  'crop.input': entry('the crop every figure of chapters 1 and 2 uses (CROP_GEOMETRY), height × width', '', 0, () =>
    size(inputH, inputW),
  ),
  'crop.inputH': entry('the crop’s height, pixels (CROP_GEOMETRY)', '', 0, () => inputH),
  'crop.inputW': entry('the crop’s width, pixels (CROP_GEOMETRY)', '', 0, () => inputW),
  'crop.heatmap': entry('the crop’s heatmap, height × width (CROP_GEOMETRY)', '', 0, () => size(heatmapH, heatmapW)),
  'crop.stride': entry('the stride λ of the crop and its heatmap, strideOf(CROP_GEOMETRY)', '', 0, () =>
    strideOf(CROP_GEOMETRY),
  ),
  'argmax.halfCell': entry(
    'argmax’s largest error on one axis, λ/2 (buildRowError, figure 1.2)',
    'px',
    0,
    () => rowError().halfStride,
  ),
  'argmax.corner': entry(
    'argmax’s largest error inside the map, λ/√2 (buildRowError, figure 1.2)',
    'px',
    2,
    () => rowError().diagonal,
  ),
  'encode.biasedPeak': entry('the peak of a biased target (encodeBiased)', '', 0, () =>
    Math.max(...encodeBiased({ x: 20.3, y: 30.7 }, heatmapW, heatmapH, 2).data),
  ),

  // Figure 2.3: error against stride and σ.
  'dist.samples': entry(
    'keypoints per setting in figure 2.3 (buildErrorDistributions)',
    '',
    0,
    () => distributions().samples,
  ),
  'dist.strides': entry('the strides of figure 2.3’s left panel (STRIDES)', '', 0, () => ({ list: [...STRIDES] })),
  'dist.margin': entry(
    'how far inside the map figure 2.3 draws keypoints (DIST_MARGIN)',
    'cells',
    0,
    () => DIST_MARGIN,
  ),
  'dist.strideMin.argmax.perAxisMax': entry(
    'argmax’s largest per-axis error at the smallest stride, figure 2.3',
    'px',
    2,
    () => distRow(Math.min(...STRIDES), 'argmax').perAxis.max,
  ),
  'dist.strideMin': entry('the smallest stride of figure 2.3', '', 0, () => Math.min(...STRIDES)),
  'dist.strideMax': entry('the largest stride of figure 2.3', '', 0, () => Math.max(...STRIDES)),
  'dist.strideMax.argmax.perAxisMean': entry(
    'argmax’s mean per-axis error at the largest stride, figure 2.3',
    'px',
    2,
    () => distRow(Math.max(...STRIDES), 'argmax').perAxis.mean,
  ),
  'dist.strideMax.argmax.perAxisMax': entry(
    'argmax’s largest per-axis error at the largest stride, figure 2.3',
    'px',
    2,
    () => distRow(Math.max(...STRIDES), 'argmax').perAxis.max,
  ),
  'dist.strideMax.bound': entry(
    'the per-axis bound λ/2 at the largest stride, figure 2.3',
    'px',
    0,
    () => distRow(Math.max(...STRIDES), 'argmax').bound,
  ),
  'dist.strideMax.dark.mean': entry(
    'DARK’s mean error at the largest stride, unbiased targets, figure 2.3',
    'px',
    3,
    () => distRow(Math.max(...STRIDES), 'dark').euclidean.mean,
  ),
  'dist.sigmaSmallest': entry('the narrowest σ of figure 2.3’s right panel (SIGMAS)', '', 1, () => Math.min(...SIGMAS)),
  'dist.sigmaSmallest.dark.mean': entry(
    'DARK’s mean error at the narrowest σ, figure 2.3',
    'px',
    2,
    () => sigmaRows('dark').find((r) => r.sigma === Math.min(...SIGMAS))!.euclidean.mean,
  ),
  'dist.sigmaWide': entry('the σ of figure 2.3 from 1 cell up', 'cells', 0, () => {
    const wide = SIGMAS.filter((s) => s >= 1);
    return { range: [Math.min(...wide), Math.max(...wide)] };
  }),
  'dist.sigmaWide.dark.worstMean': entry('DARK’s largest mean error over σ ≥ 1, figure 2.3', 'px', 4, () =>
    Math.max(
      ...sigmaRows('dark')
        .filter((r) => r.sigma >= 1)
        .map((r) => r.euclidean.mean),
    ),
  ),

  // Chapter 3: the quarter shift.
  'quarter.step': entry('the quarter shift’s step (QUARTER_STEP)', 'cells', 2, () => QUARTER_STEP),
  'quarter.map': entry('figure 3.1’s heatmap, height × width (QUARTER_SETTING)', '', 0, () =>
    size(QUARTER_SETTING.h, QUARTER_SETTING.w),
  ),
  'quarter.stride': entry('figure 3.1’s stride (QUARTER_SETTING)', '', 0, () => QUARTER_SETTING.stride),
  'quarter.example.offset': entry('figure 3.1’s default keypoint, offset from its cell’s centre', 'cells', 2, () => ({
    point: QUARTER_EXAMPLE.offset,
  })),
  'quarter.example.perAxisShift': entry(
    'the per-axis form’s move at figure 3.1’s default keypoint (buildQuarterShift)',
    'cells',
    2,
    () => {
      const d = quarterExample();
      return { point: { x: d.perAxis.x - d.max.x, y: d.perAxis.y - d.max.y } };
    },
    true,
  ),
  'quarter.example.secondMaxShift': entry(
    'the second-maximum form’s move at figure 3.1’s default keypoint (buildQuarterShift)',
    'cells',
    2,
    () => {
      const d = quarterExample();
      return { point: { x: d.secondMax.x - d.max.x, y: d.secondMax.y - d.max.y } };
    },
    true,
  ),
  'quarter.diagonalShift': entry(
    'how far the per-axis form moves when both axes shift (buildQuarterShift)',
    'cells',
    3,
    () => {
      const d = quarterExample();
      return Math.hypot(d.perAxis.x - d.max.x, d.perAxis.y - d.max.y);
    },
  ),
  'quarter.diagonalShiftPx': entry('the same move in input pixels, × the stride of figure 3.1', 'px', 2, () => {
    const d = quarterExample();
    return QUARTER_SETTING.stride * Math.hypot(d.perAxis.x - d.max.x, d.perAxis.y - d.max.y);
  }),
  'quarter.strips.perAxis.helps': entry(
    'share of figure 3.1’s cell where the per-axis form beats argmax (buildQuarterStrips)',
    '%',
    0,
    () => 100 * quarterStrips().share.perAxis.helps,
  ),
  'quarter.strips.secondMax.helps': entry(
    'share of figure 3.1’s cell where the second-maximum form beats argmax (buildQuarterStrips)',
    '%',
    0,
    () => 100 * quarterStrips().share.secondMax.helps,
  ),
  'decoderTable.samples': entry(
    'keypoints per column of chapter 3’s decoder table (buildDecoderTable)',
    '',
    0,
    () => decoderTable().samples,
  ),
  'decoderTable.argmax.unbiased': entry('argmax’s mean error, unbiased targets, chapter 3’s table', 'px', 2, () =>
    tableMean('argmax', 'unbiased'),
  ),
  'decoderTable.quarter.unbiased': entry(
    'the per-axis quarter shift’s mean error, unbiased targets, chapter 3’s table',
    'px',
    2,
    () => tableMean('quarter', 'unbiased'),
  ),
  'decoderTable.quarter2.unbiased': entry(
    'the second-maximum quarter shift’s mean error, unbiased targets, chapter 3’s table',
    'px',
    2,
    () => tableMean('quarter2', 'unbiased'),
  ),

  // Chapter 4: DARK.
  'dark.map': entry('figure 4.1’s heatmap, height × width (DARK_SETTING)', '', 0, () =>
    size(DARK_SETTING.h, DARK_SETTING.w),
  ),
  'dark.stride': entry('figure 4.1’s stride (DARK_SETTING)', '', 0, () => DARK_SETTING.stride),
  'decoders.referenceTolerance': entry(
    'how closely the decoders reproduce DarkPose’s, as the golden tests hold them (REFERENCE_TOLERANCE)',
    'cells',
    0,
    () => ({
      power: Math.round(Math.log10(REFERENCE_TOLERANCE)),
    }),
  ),
  'resolution.frame': entry('the frame figure 4.2 measures in, the largest input (RESOLUTIONS)', '', 0, () =>
    size(RESOLUTIONS[0].inputH, RESOLUTIONS[0].inputW),
  ),
  'resolution.smallest': entry('figure 4.2’s smallest input (RESOLUTIONS)', '', 0, () =>
    size(RESOLUTIONS[RESOLUTIONS.length - 1]!.inputH, RESOLUTIONS[RESOLUTIONS.length - 1]!.inputW),
  ),
  'resolution.largest.darkGain': entry(
    'argmax’s minus DARK’s mean error at the largest input, figure 4.2 (buildResolutionSweep)',
    'px',
    2,
    () => resolutionMean(RESOLUTIONS[0].input, 'argmax') - resolutionMean(RESOLUTIONS[0].input, 'dark'),
  ),
  'resolution.smallest.darkGain': entry(
    'argmax’s minus DARK’s mean error at the smallest input, figure 4.2',
    'px',
    2,
    () => {
      const input = RESOLUTIONS[RESOLUTIONS.length - 1]!.input;
      return resolutionMean(input, 'argmax') - resolutionMean(input, 'dark');
    },
  ),

  // Chapter 5: DSNT.
  'dsnt.map': entry('figure 5.1’s map, height × width (DSNT_SETTING)', '', 0, () =>
    size(DSNT_SETTING.h, DSNT_SETTING.w),
  ),
  'dsnt.cells': entry('cells of figure 5.1’s map (DSNT_SETTING)', '', 0, () => DSNT_SETTING.h * DSNT_SETTING.w),
  'dsnt.forms.maps': entry(
    'maps of the Lab’s sample the two debiased forms are compared on',
    '',
    0,
    () => debiasLow().count,
  ),
  'dsnt.forms.lowPaper': entry(
    'the paper’s debiased form at β = 1 on the Lab’s sample, mean error',
    'px',
    1,
    () => debiasLow().paperError,
  ),
  'dsnt.forms.lowMmpose': entry(
    'MMPose’s debiased form at β = 1 on the Lab’s sample, mean error',
    'px',
    1,
    () => debiasLow().mmposeError,
  ),
  'dsnt.forms.labBeta': entry(
    'the soft-argmax β the Lab starts with (LAB_DEFAULT_BETA)',
    '',
    0,
    () => LAB_DEFAULT_BETA,
  ),
  'dsnt.forms.labGap': entry(
    'the two debiased forms’ largest distance at the Lab’s β on its sample',
    'px',
    2,
    () => debiasLab().max,
  ),

  // Chapter 6: SimDR.
  'simdr.boundRatio': entry(
    'argmax’s per-axis bound λ/2 over SimDR’s 1/(2k), at the crop’s stride and k = 2',
    '',
    0,
    () => strideOf(CROP_GEOMETRY) / 2 / (1 / (2 * 2)),
  ),
  'quant.stride': entry(
    'the stride of figure 6.2’s heatmap, twice its bound λ/2 (buildQuantisationComparison)',
    '',
    0,
    () => 2 * quantisation()[0]!.bound,
  ),
  'quant.splits': entry('the split ratios of figure 6.2 (QUANTISATION_SPLITS)', '', 0, () => ({
    range: [Math.min(...QUANTISATION_SPLITS), Math.max(...QUANTISATION_SPLITS)],
  })),
  'simdr.kl.onehot.near': entry(
    'KL under a one-hot label, 3 px miss, figure 6.3’s defaults (buildKlCurves)',
    'nats',
    2,
    () => klAt('onehot', 3),
  ),
  'simdr.kl.onehot.far': entry(
    'KL under a one-hot label, 8 px miss, figure 6.3’s defaults (buildKlCurves)',
    'nats',
    2,
    () => klAt('onehot', 8),
  ),
  'simdr.kl.gauss.near': entry(
    'KL under a Gaussian label, 3 px miss, figure 6.3’s defaults (buildKlCurves)',
    'nats',
    2,
    () => klAt('gauss', 3),
  ),
  'simdr.kl.gauss.far': entry(
    'KL under a Gaussian label, 8 px miss, figure 6.3’s defaults (buildKlCurves)',
    'nats',
    2,
    () => klAt('gauss', 8),
  ),
  'simdr.kl.nearShift': entry('the near miss of figure 6.3’s comparison', 'px', 0, () => 3),
  'simdr.kl.farShift': entry('the far miss of figure 6.3’s comparison', 'px', 0, () => 8),
  'simdr.memoryRatio': entry(
    'heatmap numbers over SimDR numbers per keypoint at the crop’s size, k = 2 (memoryTable)',
    '×',
    1,
    () => {
      const row = memoryTable(2).find((r) => r.input === `${inputH}×${inputW}`);
      if (!row) throw new Error('the memory table has no row for the crop');
      return row.ratio;
    },
  ),
  'simdr.hrnetFeatures': entry(
    'features per keypoint when SimCC flattens the crop’s stride-4 map, H·W',
    '',
    0,
    () => heatmapH * heatmapW,
  ),
  'simdr.hrnetProjection': entry(
    'weights of SimCC’s two linear layers at the crop’s size, k = 2, millions (simdrProjectionParameters)',
    '',
    2,
    () => simdrProjectionParameters(heatmapH * heatmapW, inputW, inputH, 2) / 1e6,
  ),

  // Chapter 7: DEKR.
  'dekr.centreTopK': entry(
    'the centre peaks centre NMS keeps (CENTRE_NMS, DEKR’s MAX_NUM_PEOPLE)',
    '',
    0,
    () => CENTRE_NMS.topK,
  ),
  'dekr.offsetChannels': entry(
    'offsets per pixel of a 3 × 3 adaptive convolution, 2 per tap (REGULAR_GRID)',
    '',
    0,
    () => 2 * REGULAR_GRID.length,
  ),
  'dekr.adaptTolerance': entry(
    'how closely the adaptive block reproduces DEKR’s, as the golden tests hold it (ADAPT_BLOCK_TOLERANCE)',
    '',
    0,
    () => ({
      power: Math.round(Math.log10(ADAPT_BLOCK_TOLERANCE)),
    }),
  ),

  // Chapter 8: the synthetic data and the shipped models.
  'synth.height': entry('the stick person’s height, share of the image (SYNTH_RANGES)', '%', 0, () => ({
    range: [100 * SYNTH_RANGES.height[0], 100 * SYNTH_RANGES.height[1]],
  })),
  'synth.rotation': entry('the largest rotation either way (SYNTH_RANGES)', '°', 0, () => SYNTH_RANGES.rotationDeg),
  'synth.lineWidth': entry('line width, share of the image (SYNTH_RANGES)', '%', 1, () => ({
    range: [100 * SYNTH_RANGES.lineWidth[0], 100 * SYNTH_RANGES.lineWidth[1]],
  })),
  'synth.keypoints': entry('keypoints per stick person (SYNTH_K)', '', 0, () => SYNTH_K),
  'ch8.size.small': entry('the smaller input of the shipped models, pixels', '', 0, () => SMALL),
  'ch8.size.large': entry('the larger input of the shipped models, pixels', '', 0, () => LARGE),
  'ch8.input.small': entry('the smaller input, height × width', '', 0, () => size(SMALL, SMALL)),
  'ch8.input.large': entry('the larger input, height × width', '', 0, () => size(LARGE, LARGE)),
  'ch8.map.small': entry('the output maps at the smaller input, cells', '', 0, () =>
    size(model('heatmap', SMALL).mapSide, model('heatmap', SMALL).mapSide),
  ),
  'ch8.map.large': entry('the output maps at the larger input, cells', '', 0, () =>
    size(model('heatmap', LARGE).mapSide, model('heatmap', LARGE).mapSide),
  ),
  'ch8.stride': entry('input pixels per output cell', '', 0, () => SMALL / model('heatmap', SMALL).mapSide),
  'ch8.halfCell': entry(
    'argmax’s largest error on one axis on the models’ maps, half their stride',
    'px',
    0,
    () => SMALL / model('heatmap', SMALL).mapSide / 2,
  ),
  'ch8.sigma': entry('the heatmap targets’ σ (TRAINING.sigma)', 'cells', 1, () => shipped.training.sigma),
  'ch8.darkKernel': entry('DARK’s blur kernel on the models’ maps (DARK_KERNEL_TF)', '', 0, () => shipped.darkKernel),
  'ch8.split': entry('SimDR’s bins per input pixel, k', '', 0, () => model('simdr', SMALL).split),
  'ch8.simdrBound': entry(
    'SimDR’s per-axis rounding bound 1/(2k)',
    'px',
    2,
    () => 1 / (2 * model('simdr', SMALL).split),
  ),
  'ch8.bins.small': entry('SimDR’s bins per axis at the smaller input', '', 0, () => projection(SMALL).bins),
  'ch8.bins.large': entry('SimDR’s bins per axis at the larger input', '', 0, () => projection(LARGE).bins),
  'ch8.features': entry('features SimDR’s projection reads per keypoint, at either input', '', 0, () => {
    if (projection(SMALL).features !== projection(LARGE).features)
      throw new Error('the projections read different sizes');
    return projection(SMALL).features;
  }),
  'ch8.simdrGrid': entry('the grid SimDR’s projection reads, cells', '', 0, () => {
    const side = Math.sqrt(projection(LARGE).features);
    return size(side, side);
  }),
  'ch8.parameters.conv': entry(
    'weights of the heatmap (and DSNT) model',
    '',
    0,
    () => model('heatmap', SMALL).parameters,
  ),
  'ch8.parameters.simdr.small': entry(
    'weights of the SimDR model at the smaller input',
    '',
    0,
    () => model('simdr', SMALL).parameters,
  ),
  'ch8.parameters.simdr.large': entry(
    'weights of the SimDR model at the larger input',
    '',
    0,
    () => model('simdr', LARGE).parameters,
  ),
  'ch8.kB.conv': entry('file size of each heatmap and DSNT model', 'kB', 1, () => model('heatmap', SMALL).bytes / 1000),
  'ch8.kB.simdr.small': entry(
    'file size of the SimDR model at the smaller input',
    'kB',
    1,
    () => model('simdr', SMALL).bytes / 1000,
  ),
  'ch8.kB.simdr.large': entry(
    'file size of the SimDR model at the larger input',
    'kB',
    1,
    () => model('simdr', LARGE).bytes / 1000,
  ),
  'ch8.heldOut': entry('held-out samples the shipped models are measured on (HELD_OUT)', '', 0, () => HELD_OUT.samples),
  'ch8.steps': entry('training steps of each shipped model', '', 0, () => {
    const steps = new Set(shipped.models.map((m) => m.steps));
    if (steps.size !== 1) throw new Error('the shipped models trained for different numbers of steps');
    return [...steps][0] as number;
  }),
  'ch8.batch': entry('samples per training step', '', 0, () => model('heatmap', SMALL).batch),
  'ch8.liveEval.samples': entry(
    'held-out samples of figure 8.2’s live evaluation (LIVE_EVALUATION)',
    '',
    0,
    () => LIVE_EVALUATION.samples,
  ),
  'ch8.liveEval.every': entry(
    'training steps between figure 8.2’s evaluations (LIVE_EVALUATION)',
    '',
    0,
    () => LIVE_EVALUATION.every,
  ),
  'ch8.targetMean.large': entry(
    'mean value of a target on the larger model’s map, share of its peak (encodeUnbiased)',
    '%',
    1,
    () => 100 * targetMean(model('heatmap', LARGE).mapSide),
  ),
  ...CH8_MEASURED,
  // ---- Chapter 9: BlazePose's model file (blazepose/model.ts), MediaPipe's refinement (refine.ts),
  // the windowed soft-argmax (softWindow.ts), the shift test (shiftTest.ts) and figure 9.2's window.
  // The model's own outputs are only computed in the reader's browser: the figures state them.
  'ch9.input': entry('BlazePose’s input, height × width (BLAZEPOSE_INPUT_SIZE)', '', 0, () =>
    size(BLAZEPOSE_INPUT_SIZE, BLAZEPOSE_INPUT_SIZE),
  ),
  'ch9.inputSide': entry(
    'the side of BlazePose’s square input, pixels (BLAZEPOSE_INPUT_SIZE)',
    '',
    0,
    () => BLAZEPOSE_INPUT_SIZE,
  ),
  'ch9.heatmap': entry('BlazePose’s heatmaps, height × width (BLAZEPOSE_HEATMAP_SIZE)', '', 0, () =>
    size(BLAZEPOSE_HEATMAP_SIZE, BLAZEPOSE_HEATMAP_SIZE),
  ),
  'ch9.stride': entry(
    'BlazePose’s stride, input pixels per heatmap cell (BLAZEPOSE_STRIDE)',
    '',
    0,
    () => BLAZEPOSE_STRIDE,
  ),
  'ch9.keypoints': entry(
    'landmarks and heatmaps BlazePose outputs (BLAZEPOSE_KEYPOINT_COUNT)',
    '',
    0,
    () => BLAZEPOSE_KEYPOINT_COUNT,
  ),
  'ch9.poseLandmarks': entry(
    'pose landmarks among them (BLAZEPOSE_POSE_LANDMARK_COUNT)',
    '',
    0,
    () => BLAZEPOSE_POSE_LANDMARK_COUNT,
  ),
  'ch9.auxiliary': entry(
    'auxiliary points among them',
    '',
    0,
    () => BLAZEPOSE_KEYPOINT_COUNT - BLAZEPOSE_POSE_LANDMARK_COUNT,
  ),
  'ch9.bodyCentre': entry(
    'the auxiliary body centre MediaPipe centres the next crop on (BLAZEPOSE_BODY_CENTRE)',
    '',
    0,
    () => BLAZEPOSE_BODY_CENTRE,
  ),
  'ch9.bodyScale': entry(
    'the auxiliary point that sets the next crop’s size (BLAZEPOSE_BODY_SCALE)',
    '',
    0,
    () => BLAZEPOSE_BODY_SCALE,
  ),
  'ch9.refineWindow': entry('the window of MediaPipe’s refinement, cells (MEDIAPIPE_REFINE_KERNEL)', '', 0, () =>
    size(MEDIAPIPE_REFINE_KERNEL, MEDIAPIPE_REFINE_KERNEL),
  ),
  'ch9.softWindow': entry('the window of the windowed soft-argmax, cells (SOFT_WINDOW_RADIUS)', '', 0, () =>
    size(2 * SOFT_WINDOW_RADIUS + 1, 2 * SOFT_WINDOW_RADIUS + 1),
  ),
  'ch9.minConfidence': entry(
    'MediaPipe’s threshold: the sigmoid a joint’s peak (and its visibility) must reach (MEDIAPIPE_MIN_CONFIDENCE)',
    '',
    1,
    () => MEDIAPIPE_MIN_CONFIDENCE,
  ),
  'ch9.zoom': entry('figure 9.2’s window around the peak, cells (JOINT_ZOOM_SIZE)', '', 0, () =>
    size(JOINT_ZOOM_SIZE, JOINT_ZOOM_SIZE),
  ),
  'ch9.shiftMax': entry('the shift test’s largest shift (SHIFT_TEST_MAX)', 'px', 0, () => SHIFT_TEST_MAX),
  'ch9.shiftStep': entry('the shift test’s step (SHIFT_TEST_STEP)', 'px', 2, () => SHIFT_TEST_STEP),
  'ch9.crops': entry(
    'crops of the shift test, one model run each (shiftSchedule)',
    '',
    0,
    () => shiftSchedule().length,
  ),
  'ch9.idealSlope': entry(
    'the ideal slope of the shift test, cells per input pixel (1 / stride)',
    'cells',
    2,
    () => SHIFT_TEST_IDEAL_SLOPE,
  ),
  'ch9.idealTravel': entry(
    'how far a keypoint moves over the whole shift test, cells (SHIFT_TEST_MAX / stride)',
    'cells',
    0,
    () => SHIFT_TEST_MAX * SHIFT_TEST_IDEAL_SLOPE,
  ),

  // Chapter 10: toolkit conventions.
  'udp.offset': entry(
    'how far the stride mapping’s heatmap grid sits from the crop’s centre, (λ − 1)/2 (gridOffset, CROP_GEOMETRY)',
    'px',
    1,
    () => Math.abs(gridOffset(CROP_GEOMETRY, 'stride').x),
  ),
  'udp.scaleX': entry(
    'UDP’s input px per cell across the crop, (w − 1)/(W − 1) (mappingScale)',
    'px',
    3,
    () => mappingScale(CROP_GEOMETRY, 'udp').x,
  ),
  'udp.farX': entry(
    'a map trained with the stride mapping and decoded with UDP’s: the x error at the crop’s last column (mismatchDecoded)',
    'px',
    2,
    () => farEdge('x'),
  ),
  'udp.farY': entry('the same mismatch’s y error at the crop’s last row (mismatchDecoded)', 'px', 2, () =>
    farEdge('y'),
  ),
  'udp.mmposeEdge': entry(
    'UDPHeatmap.decode’s factor w/(W − 1) taken as input px: its x error at the crop’s last column (mmposeDecodeScale)',
    'px',
    2,
    () => {
      const x = CROP_GEOMETRY.inputW - 1;
      const cell = inputToHeatmap({ x, y: 0 }, CROP_GEOMETRY, 'udp').x;
      return cell * mmposeDecodeScale('UDPHeatmap', CROP_GEOMETRY).x - x;
    },
  ),
  'udp.figureCrop': entry('figure 10.1’s crop, height × width (UDP_FIGURE)', '', 0, () =>
    size(UDP_FIGURE.inputH, UDP_FIGURE.inputW),
  ),
  'udp.figureStrides': entry('figure 10.1’s strides (UDP_FIGURE)', '', 0, () => ({ list: [...UDP_FIGURE.strides] })),
  'flip.biasCells': entry(
    'how far the stride mapping’s flipped-back map sits left of the original, 1 − 1/λ (flippedBackBias, CROP_GEOMETRY)',
    'cells',
    2,
    () => -flippedBackBias(CROP_GEOMETRY, 'stride'),
  ),
  'flip.biasPx': entry(
    'the same offset in input px, × the crop’s stride',
    'px',
    0,
    () => -flippedBackBias(CROP_GEOMETRY, 'stride') * strideOf(CROP_GEOMETRY),
  ),
  'flip.after1': entry(
    'where a one-cell shift leaves the flipped-back map, flippedBackBias + 1',
    'cells',
    2,
    () => flippedBackBias(CROP_GEOMETRY, 'stride') + 1,
  ),
  'flip.after2': entry(
    'where a two-cell shift leaves it, flippedBackBias + 2',
    'cells',
    2,
    () => flippedBackBias(CROP_GEOMETRY, 'stride') + 2,
  ),
  'flip.samples': entry('keypoints in figure 10.2’s sweep (FLIP_SWEEP)', '', 0, () => FLIP_SWEEP.samples),
  'flip.sweep.stride0': entry(
    'DARK on the averaged map, mean x error, stride mapping, no shift (buildFlipSweep)',
    'px',
    2,
    () => flipMean('stride', 0),
    true,
  ),
  'flip.sweep.stride1': entry(
    'the same with a shift of one cell (buildFlipSweep)',
    'px',
    2,
    () => flipMean('stride', 1),
    true,
  ),
  'flip.sweep.stride2': entry(
    'the same with a shift of two cells (buildFlipSweep)',
    'px',
    2,
    () => flipMean('stride', 2),
    true,
  ),
  'flip.sweep.udp0': entry('DARK on the averaged map, UDP mapping, no shift (buildFlipSweep)', 'px', 2, () =>
    flipMean('udp', 0),
  ),
  'flip.sweep.udp1': entry(
    'the same with a shift of one cell (buildFlipSweep)',
    'px',
    2,
    () => flipMean('udp', 1),
    true,
  ),
  'score.samples': entry('made-up keypoints of figure 10.3 (SCORE_SETTING)', '', 0, () => scoreFigure().samples),
  'score.aboveOne': entry(
    'share of figure 10.3’s heatmap maxima above 1 (buildScoreFigure)',
    '%',
    0,
    () => 100 * scoreFigure().aboveOne,
  ),
  'score.darkKeeps': entry(
    'share of figure 10.3’s maps where DARK’s score is argmax’s (buildScoreFigure)',
    '%',
    0,
    () => 100 * scoreFigure().darkKeepsScore,
  ),
  'score.megviiEmpty': entry('Megvii’s score of an empty map, 0/255 + 0.5 (megviiScore)', '', 1, () => megviiScore(0)),
  'score.megviiTarget': entry(
    'the peak of Megvii’s training targets (MegviiHeatmap.encode; SCORE_SETTING)',
    '',
    0,
    () => SCORE_SETTING.megviiPeak,
  ),
  'score.megviiPeak': entry('Megvii’s score of a map peaking at its targets’ 255 (megviiScore)', '', 1, () =>
    megviiScore(SCORE_SETTING.megviiPeak),
  ),
  'score.megviiMin': entry(
    'the lowest Megvii score in figure 10.3 (buildScoreFigure)',
    '',
    2,
    () => scoreFigure().conventions.megvii.range[0],
  ),
  'score.simccGap': entry(
    'figure 10.3: the mean of SimCC’s two maxima minus the smaller, on average (buildScoreFigure)',
    '',
    2,
    () => scoreFigure().simccMeanMinusMin,
  ),
  'score.example': entry('figure 10.3’s default threshold (SCORE_EXAMPLE)', '', 1, () => SCORE_EXAMPLE.threshold),
  'score.kept.heatmapMax': entry(
    'share kept at the default threshold, heatmap maximum (scoreThresholdRows)',
    '%',
    0,
    () => keptAt('heatmapMax'),
  ),
  'score.kept.megvii': entry('share kept at the default threshold, Megvii (scoreThresholdRows)', '%', 0, () =>
    keptAt('megvii'),
  ),
  'score.kept.simccMin': entry('share kept at the default threshold, SimCC (scoreThresholdRows)', '%', 0, () =>
    keptAt('simccMin'),
  ),
  'border.map': entry('figure 10.4’s map, height × width (BORDER_SETTING)', '', 0, () =>
    size(BORDER_SETTING.h, BORDER_SETTING.w),
  ),
  'border.darkUdpEdge': entry(
    'DARK-UDP’s x for a maximum in the first column (buildBorderRules, keypoint at x 0.2)',
    'cells',
    2,
    () => buildBorderRules(BORDER_EDGE_EXAMPLE).points.darkUdp.x,
    true,
  ),
} satisfies Record<string, ProseEntry>;

/** The name of a computed prose value. */
export type ProseName = keyof typeof PROSE_VALUES;
