/**
 * How each decoder is drawn in every chart: a CSS class for its colour (see global.css), a
 * dash pattern and a label, so that decoders differ by more than hue. The chapters' decoders,
 * the MMPose family's DARK-UDP and Megvii, and the SimCC decoders (which share the colour of
 * their heatmap counterpart: argmax, soft-argmax, DARK).
 */
import { DECODER_LABELS, SIMCC_DECODER_LABELS, type HeatmapDecoderId, type SimccDecoderId } from '../../lib/index.ts';

export interface DecoderStyle {
  className: string;
  dash: string;
  label: string;
  short: string;
}

/** Any decoder a chart draws. */
export type StyledDecoderId = HeatmapDecoderId | SimccDecoderId;

const SHORT: Record<StyledDecoderId, string> = {
  argmax: 'argmax',
  quarter: 'quarter',
  quarter2: 'quarter (2nd max)',
  dark: 'DARK',
  softargmax: 'soft-argmax',
  softargmaxDebiased: 'soft-argmax, debiased',
  softargmaxMmpose: 'soft-argmax, debiased (MMPose)',
  darkUdp: 'DARK-UDP',
  megvii: 'Megvii',
  simccArgmax: 'SimCC argmax',
  simccExpectation: 'SimCC expectation',
  simccDark: 'SimCC-DARK',
};

const DASH: Record<StyledDecoderId, string> = {
  argmax: 'none',
  quarter: '6 3',
  quarter2: '2 2',
  dark: '1 0',
  softargmax: '8 2 2 2',
  softargmaxDebiased: '4 2',
  softargmaxMmpose: '2 4',
  darkUdp: '5 2 1 2',
  megvii: '3 3',
  simccArgmax: 'none',
  simccExpectation: '8 2 2 2',
  simccDark: '1 0',
};

const LABEL: Record<StyledDecoderId, string> = { ...DECODER_LABELS, ...SIMCC_DECODER_LABELS };

export function decoderStyle(id: StyledDecoderId): DecoderStyle {
  return { className: `decoder-${id}`, dash: DASH[id], label: LABEL[id], short: SHORT[id] };
}
