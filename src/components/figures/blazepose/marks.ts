/**
 * How chapter 9 marks each decoder's point and the regressed landmark on a map: a shape per decoder
 * (so that meaning never rests on colour alone), drawn in unit coordinates and scaled to the map.
 */
import { BLAZEPOSE_DECODER_LABELS, type Point } from '../../../lib/index.ts';
import { CH9_SERIES, type ChartSeries } from '../../state/ch9.ts';
import { num } from '../../ui/format.ts';

/** A decoder or the model's regressed landmark (the chapter's chart series, `CH9_SERIES`). */
export type MarkId = ChartSeries;

/** Every mark, decoders first. */
export const MARK_IDS: readonly MarkId[] = CH9_SERIES;

/** Each mark's shape, an SVG path about (0, 0) within a radius of 1. */
export const MARK_PATHS: Record<MarkId, string> = {
  argmax: 'M-1 -1H1V1H-1Z',
  quarter: 'M0 -1L1 0L0 1L-1 0Z',
  quarter2: 'M0 -0.8L0.8 0L0 0.8L-0.8 0Z',
  dark: 'M-1 0H1M0 -1V1',
  softargmax: 'M0 -1L0.9 0.7H-0.9Z',
  softwindow: 'M-0.75 -0.75L0.75 0.75M-0.75 0.75L0.75 -0.75',
  mediapipe: 'M1 0A1 1 0 1 1 -1 0A1 1 0 1 1 1 0Z',
  regressed: 'M0.55 0A0.55 0.55 0 1 1 -0.55 0A0.55 0.55 0 1 1 0.55 0Z',
};

/** Legend names. */
export const MARK_LABELS: Record<MarkId, string> = {
  ...BLAZEPOSE_DECODER_LABELS,
  regressed: 'Regressed landmark',
};

/** Short names for tables and announcements. */
export const MARK_SHORT: Record<MarkId, string> = {
  argmax: 'argmax',
  quarter: 'quarter',
  quarter2: 'quarter (2nd max)',
  dark: 'DARK',
  softargmax: 'soft-argmax',
  softwindow: 'soft-argmax 7×7',
  mediapipe: 'MediaPipe',
  regressed: 'regressed',
};

/** Dash patterns of each curve in the charts. */
export const MARK_DASH: Record<MarkId, string> = {
  argmax: 'none',
  quarter: '6 3',
  quarter2: '2 2',
  dark: 'none',
  softargmax: '8 2 2 2',
  softwindow: '4 2',
  mediapipe: '1 3',
  regressed: '10 4',
};

/**
 * The `transform` and `visibility` of a mark at `p` (map cells), `r` cells across its radius; hidden
 * when it falls outside a `within.w` × `within.h` window of cells (a close-up shows only its own cells).
 */
export function markAttrs(p: Point | undefined, r: number, within?: { w: number; h: number }): Record<string, string> {
  if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return { visibility: 'hidden' };
  if (within && (p.x < -0.5 || p.y < -0.5 || p.x > within.w - 0.5 || p.y > within.h - 0.5))
    return { visibility: 'hidden' };
  return { transform: `translate(${num(p.x)} ${num(p.y)}) scale(${num(r)})`, visibility: 'visible' };
}

/**
 * The series switch's view (figures 9.2–9.4): the body's `data-off`, whose series blazepose.css
 * hides on the maps and charts, and each legend key's pressed state (pressed while it shows).
 */
export function seriesAttrs(off: readonly MarkId[]): {
  body: Record<string, string>;
  keys: Record<string, Record<string, string>>;
} {
  return {
    body: { 'data-off': off.join(' ') },
    keys: Object.fromEntries(MARK_IDS.map((id) => [`key-${id}`, { 'aria-pressed': String(!off.includes(id)) }])),
  };
}
