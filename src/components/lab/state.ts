/** The URL-mirrored state of the Decoder Lab: which decoders, their settings, the selected map. */
import type { DecoderId } from '../../lib/index.ts';
import { booleanParam, choiceParam, numberParam, type Schema } from '../ui/params.ts';

export const KERNELS = ['3', '5', '7', '9', '11'] as const;
export const SORTS = ['index', 'spread', 'error'] as const;

export interface LabState {
  argmax: boolean;
  quarter: boolean;
  quarter2: boolean;
  dark: boolean;
  softargmax: boolean;
  softargmaxDebiased: boolean;
  kernel: (typeof KERNELS)[number];
  beta: number;
  /** Input pixels per heatmap pixel. */
  stride: number;
  units: 'heatmap' | 'input';
  /** The selected map, n·K + k. */
  map: number;
  sort: (typeof SORTS)[number];
}

export const labSchema: Schema<LabState> = {
  argmax: booleanParam(true),
  quarter: booleanParam(true),
  quarter2: booleanParam(true),
  dark: booleanParam(true),
  softargmax: booleanParam(true),
  softargmaxDebiased: booleanParam(false),
  kernel: choiceParam(KERNELS, '11'),
  // Soft-argmax's β: 20 suits heatmaps trained against Gaussians (peaks near 1), the usual input.
  beta: numberParam({ default: 20, min: 0.1, max: 100, digits: 2 }),
  stride: numberParam({ default: 4, min: 0.25, max: 64, digits: 3 }),
  units: choiceParam(['heatmap', 'input'] as const, 'input'),
  map: numberParam({ default: 0, min: 0, max: 65_535, integer: true }),
  sort: choiceParam(SORTS, 'index'),
};

/** The decoders the state turns on, in the library's order. */
export function chosenDecoders(s: Readonly<LabState>, all: readonly DecoderId[]): DecoderId[] {
  return all.filter((id) => s[id]);
}
