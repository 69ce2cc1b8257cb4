/**
 * Every single-map decoder under one name, so that sweeps, figures and the Decoder Lab
 * can loop over "each decoder" without knowing their signatures. All return heatmap pixels.
 */
import { argmaxMap } from './argmax.ts';
import { DEFAULT_DARK_KERNEL, darkMap } from './dark.ts';
import { debiasedSoftArgmax, dsntDecode } from './dsnt.ts';
import { quarterMap, quarterSecondMax } from './quarter.ts';
import type { DecodedPoint, Heatmap } from './stack.ts';

/** The decoders a figure or sweep may ask for. */
export const DECODER_IDS = ['argmax', 'quarter', 'quarter2', 'dark', 'softargmax', 'softargmaxDebiased'] as const;
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
