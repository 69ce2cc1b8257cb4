/**
 * How each decoder is drawn in every chart: a CSS class for its colour (see global.css), a
 * dash pattern and a label, so that decoders differ by more than hue.
 */
import { DECODER_LABELS, type DecoderId } from '../../lib/index.ts';

export interface DecoderStyle {
  className: string;
  dash: string;
  label: string;
  short: string;
}

const SHORT: Record<DecoderId, string> = {
  argmax: 'argmax',
  quarter: 'quarter',
  quarter2: 'quarter (2nd max)',
  dark: 'DARK',
  softargmax: 'soft-argmax',
  softargmaxDebiased: 'soft-argmax, debiased',
};

const DASH: Record<DecoderId, string> = {
  argmax: 'none',
  quarter: '6 3',
  quarter2: '2 2',
  dark: '1 0',
  softargmax: '8 2 2 2',
  softargmaxDebiased: '4 2',
};

export function decoderStyle(id: DecoderId): DecoderStyle {
  return { className: `decoder-${id}`, dash: DASH[id], label: DECODER_LABELS[id], short: SHORT[id] };
}
