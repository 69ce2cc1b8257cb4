/**
 * Every single-map decoder under one name, so that sweeps, figures and the Decoder Lab
 * can loop over "each decoder" without knowing their signatures. All return heatmap pixels.
 */
import { argmaxMap } from './argmax.ts';
import { DEFAULT_DARK_KERNEL, darkFrom, darkMap } from './dark.ts';
import { debiasedSoftArgmax, dsntDecode } from './dsnt.ts';
import { quarterFrom, quarterMap, quarterSecondMax } from './quarter.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/**
 * How closely argmax, the quarter shift and DARK reproduce the reference implementations
 * (DarkPose with OpenCV), heatmap pixels: the golden tests hold every decoded point to it.
 */
export const REFERENCE_TOLERANCE = 1e-4;

/** The decoders a figure or sweep may ask for. */
export const DECODER_IDS = ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax', 'softargmaxDebiased'] as const;
/** The name of a single-map decoder. */
export type DecoderId = (typeof DECODER_IDS)[number];

/** Human-readable names, for legends and tables. */
export const DECODER_LABELS: Record<DecoderId, string> = {
  argmax: 'Argmax',
  quarter: 'Quarter shift (per axis)',
  quarter2: 'Quarter shift (second maximum)',
  dark: 'DARK',
  softargmax: 'Soft-argmax',
  softargmaxDebiased: 'Soft-argmax, debiased',
};

/** Settings of the decoders that have any: DARK's kernel and soft-argmax's temperature. */
export interface DecoderOptions {
  /** DARK's modulation kernel size k (odd). */
  kernel?: number;
  /** Soft-argmax temperature β. */
  beta?: number;
}

/** Decodes one map with the named decoder, in heatmap pixels. */
export function decodeMap(id: DecoderId, map: Heatmap, options: DecoderOptions = {}): DecodedPoint {
  switch (id) {
    case 'argmax':
      return argmaxMap(map);
    case 'quarter':
      return quarterMap(map);
    case 'quarter2':
      return quarterSecondMax(map).point;
    case 'dark':
      return darkMap(map, options.kernel ?? DEFAULT_DARK_KERNEL);
    case 'softargmax': {
      const { point } = dsntDecode(map.data, map.w, map.h, options.beta ?? 1);
      return { ...point, score: argmaxMap(map).score };
    }
    case 'softargmaxDebiased': {
      const { point } = debiasedSoftArgmax(map.data, map.w, map.h, options.beta ?? 1);
      return { ...point, score: argmaxMap(map).score };
    }
  }
}

/**
 * Decodes one map with several decoders at once, scanning for the argmax only once (argmax,
 * the quarter shift and DARK all start from it). Same results as `decodeMap` for each id.
 */
export function decodeAll(
  ids: readonly DecoderId[],
  map: Heatmap,
  options: DecoderOptions = {},
): Record<string, DecodedPoint> {
  const m = argmaxMap(map);
  const out: Record<string, DecodedPoint> = {};
  for (const id of ids) {
    if (id === 'argmax') out[id] = m;
    else if (id === 'quarter') out[id] = quarterFrom(map, m);
    else if (id === 'dark') out[id] = darkFrom(map, m, options.kernel ?? DEFAULT_DARK_KERNEL);
    else out[id] = decodeMap(id, map, options);
  }
  return out;
}
