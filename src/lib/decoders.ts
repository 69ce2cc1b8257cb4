/**
 * Every single-map decoder under one name, so that sweeps, figures and the Decoder Lab
 * can loop over "each decoder" without knowing their signatures. All return heatmap pixels.
 *
 * `decodeMap(id, map, { convention })` decodes as the named toolkit does (`conventions.ts`):
 * `reference` (HRNet/DarkPose, the default) or `mmpose` (MMPose's codecs: `argmax`,
 * `quarter` and `dark` then give `get_heatmap_maximum`, `refine_keypoints` and
 * `refine_keypoints_dark` exactly). `darkUdp` (`refine_keypoints_dark_udp`) and `megvii`
 * (`MegviiHeatmap.decode`) are MMPose's under either convention. Non-finite cells follow the
 * rule of `finite.ts`: what is finite is decoded, and a refinement that would read a bad cell
 * is skipped with a `fallback` on the point.
 */
import { modulateMap } from './blur.ts';
import { maximumUnder, type DecodeConvention } from './conventions.ts';
import { DEFAULT_DARK_KERNEL, darkFrom } from './dark.ts';
import { darkUdpFrom } from './darkUdp.ts';
import { mmposeDebiasFrom, softArgmaxBoth } from './dsnt.ts';
import { countNonFinite, finiteArgmaxMap } from './finite.ts';
import { megviiMap } from './megvii.ts';
import { quarterFrom, quarterFromMmpose, quarterSecondMaxFrom } from './quarter.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/**
 * How closely argmax, the quarter shift and DARK reproduce the reference implementations
 * (DarkPose with OpenCV), heatmap pixels: the golden tests hold every decoded point to it.
 */
export const REFERENCE_TOLERANCE = 1e-4;

/** The decoders the chapters' figures and sweeps use. */
export const DECODER_IDS = ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax', 'softargmaxDebiased'] as const;
/** The name of a chapter decoder. */
export type DecoderId = (typeof DECODER_IDS)[number];

/**
 * Every heatmap decoder: the chapters' and the MMPose family's debiased soft-argmax as its code
 * computes it, DARK-UDP and Megvii.
 */
export const HEATMAP_DECODER_IDS = [...DECODER_IDS, 'softargmaxMmpose', 'darkUdp', 'megvii'] as const;
/** The name of any single-map heatmap decoder. */
export type HeatmapDecoderId = (typeof HEATMAP_DECODER_IDS)[number];

/** Human-readable names, for legends and tables. */
export const DECODER_LABELS: Record<HeatmapDecoderId, string> = {
  argmax: 'Argmax',
  quarter: 'Quarter shift (per axis)',
  quarter2: 'Quarter shift (second maximum)',
  dark: 'DARK',
  softargmax: 'Soft-argmax',
  softargmaxDebiased: 'Soft-argmax, debiased (Gu et al.)',
  softargmaxMmpose: 'Soft-argmax, debiased (MMPose)',
  darkUdp: 'DARK-UDP',
  megvii: 'Megvii (blur, +0.5 shift)',
};

/** Whether a value names a heatmap decoder (for URL state and settings read from files). */
export function isHeatmapDecoderId(value: unknown): value is HeatmapDecoderId {
  return typeof value === 'string' && (HEATMAP_DECODER_IDS as readonly string[]).includes(value);
}

/** The modulation kernel every blurring decoder uses when none is given (DarkPose's and MMPose's 11). */
export const DEFAULT_KERNEL = DEFAULT_DARK_KERNEL;

/** Settings of the decoders that have any, and the convention. */
export interface DecoderOptions {
  /** The modulation kernel size k (odd) of DARK, DARK-UDP and Megvii; default 11. */
  kernel?: number;
  /** Soft-argmax temperature β; default 1. */
  beta?: number;
  /** Whose numbers: `reference` (default) or `mmpose`. */
  convention?: DecodeConvention;
}

/**
 * Soft-argmax and its debiased form over the finite cells (non-finite cells get weight 0, as a
 * logit of -∞), from one pass of exponentials. A map without a finite cell keeps `m`.
 */
function softArgmaxes(map: Heatmap, beta: number, m: DecodedPoint): SoftArgmaxes {
  if (Number.isNaN(m.score)) return { plain: m, debiased: m, mmpose: () => m };
  let data = map.data;
  if (countNonFinite(data) > 0) {
    data = Float32Array.from(data, (v) => (v - v === 0 ? v : Number.NEGATIVE_INFINITY));
  }
  const { plain, debiased } = softArgmaxBoth(data, map.w, map.h, beta);
  return {
    plain: { ...plain, score: m.score },
    debiased: { ...debiased, score: m.score },
    mmpose: () => ({ ...mmposeDebiasFrom(plain, data, map.w, map.h), score: m.score }),
  };
}

/** The soft-argmaxes of one map: plain, Gu et al.'s debiased form, and MMPose's (on demand). */
interface SoftArgmaxes {
  plain: DecodedPoint;
  debiased: DecodedPoint;
  mmpose: () => DecodedPoint;
}

/**
 * One decoder from the shared work of {@link decodeAll}: the finite argmax `m` (reference rule)
 * and, when a blurring MMPose decoder asks, the modulated map.
 */
function decodeFrom(
  id: HeatmapDecoderId,
  map: Heatmap,
  m: DecodedPoint,
  modulated: () => Float32Array,
  soft: () => SoftArgmaxes,
  kernel: number,
  convention: DecodeConvention,
): DecodedPoint {
  switch (id) {
    case 'argmax':
      return maximumUnder(m, convention);
    case 'quarter':
      return convention === 'mmpose' ? quarterFromMmpose(map, maximumUnder(m, 'mmpose')) : quarterFrom(map, m);
    case 'quarter2':
      return quarterSecondMaxFrom(map, m).point;
    case 'dark':
      return darkFrom(map, maximumUnder(m, convention), kernel);
    case 'darkUdp':
      return darkUdpFrom(map, maximumUnder(m, 'mmpose'), kernel, modulated);
    case 'megvii':
      return megviiMap(map, kernel, m);
    case 'softargmax':
      return soft().plain;
    case 'softargmaxDebiased':
      return soft().debiased;
    case 'softargmaxMmpose':
      return soft().mmpose();
  }
}

/** A reused buffer for the modulated map: decoders read it within one call and keep nothing of it. */
let scratch = new Float32Array(0);
function modulationScratch(size: number): Float32Array {
  if (scratch.length < size) scratch = new Float32Array(size);
  return scratch.subarray(0, size);
}

/** Decodes one map with the named decoder, in heatmap pixels, under a convention. */
export function decodeMap(id: HeatmapDecoderId, map: Heatmap, options: DecoderOptions = {}): DecodedPoint {
  return decodeAll([id], map, options)[id] as DecodedPoint;
}

/**
 * Decodes one map with several decoders at once, scanning for the argmax only once (every
 * decoder but soft-argmax starts from it) and exponentiating the map at most once (both
 * soft-argmaxes). DARK and DARK-UDP blur only the cells their steps read (the whole map only
 * when DARK-UDP's clip may apply) and Megvii only the rows that can hold its maximum. Same
 * results as `decodeMap` for each id.
 */
export function decodeAll(
  ids: readonly HeatmapDecoderId[],
  map: Heatmap,
  options: DecoderOptions = {},
): Record<string, DecodedPoint> {
  const kernel = options.kernel ?? DEFAULT_KERNEL;
  const beta = options.beta ?? 1;
  const convention = options.convention ?? 'reference';
  const m = finiteArgmaxMap(map);
  let modulated: Float32Array | undefined;
  const modulate = (): Float32Array => (modulated ??= modulateMap(map, kernel, modulationScratch(map.w * map.h)).data);
  let softs: SoftArgmaxes | undefined;
  const soft = () => (softs ??= softArgmaxes(map, beta, m));
  const out: Record<string, DecodedPoint> = {};
  for (const id of ids) out[id] = decodeFrom(id, map, m, modulate, soft, kernel, convention);
  return out;
}
