/**
 * The sequential colour map of every heatmap: viridis, perceptually uniform and readable by
 * most colour-vision deficiencies; figures never rely on its hue alone (values are also
 * given as numbers on hover and focus). A 256-entry RGB lookup table, usable in Node and in
 * the browser.
 */
import { color, interpolateRdBu, interpolateViridis } from 'd3';

function lookupTable(interpolate: (t: number) => string): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = color(interpolate(i / 255))?.rgb();
    lut[3 * i] = c ? Math.round(c.r) : 0;
    lut[3 * i + 1] = c ? Math.round(c.g) : 0;
    lut[3 * i + 2] = c ? Math.round(c.b) : 0;
  }
  return lut;
}

/** 256 × RGB, from the low end to the high end of the map's domain. */
export const VIRIDIS: Uint8Array = lookupTable(interpolateViridis);

/**
 * A diverging map for signed quantities (gains, gradients): red below zero, blue above,
 * white at zero; figures centre its domain on zero.
 */
export const DIVERGING: Uint8Array = lookupTable(interpolateRdBu);

/** Grey levels from black to white, for input images (chapter 8's samples) beside their maps. */
export const GRAY: Uint8Array = Uint8Array.from({ length: 256 * 3 }, (_, i) => Math.floor(i / 3));

export type Palette = 'viridis' | 'diverging' | 'gray';

const PALETTES: Record<Palette, Uint8Array> = { viridis: VIRIDIS, diverging: DIVERGING, gray: GRAY };

/**
 * A diverging map's domain for signed values, each side to its own largest value: the palette's
 * white is 0 and each half spans one sign (`palettePosition`), so a side far smaller than the
 * other still shows (figure 5.2's rising logits). [-1, 1] for a map of zeros; a side with no
 * values gets a millionth of the other's, so its faint noise stays near white.
 */
export function signedDomain(values: ArrayLike<number>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const m = Math.max(-lo, hi);
  if (m === 0) return [-1, 1];
  return [Math.min(lo, -m * 1e-6), Math.max(hi, m * 1e-6)];
}

/**
 * Where `value` falls on the palette, 0 to 1: linearly over `domain`, except on a diverging map
 * whose domain spans 0, where 0 is the white middle and each half is scaled to its own end (the
 * same as linear for a symmetric domain).
 */
export function palettePosition(value: number, domain: readonly [number, number], palette: Palette): number {
  const [lo, hi] = domain;
  if (palette === 'diverging' && lo < 0 && hi > 0)
    return value < 0 ? (0.5 * (value - lo)) / -lo : 0.5 + (0.5 * value) / hi;
  return (value - lo) / (hi - lo || 1);
}

const lutIndex = (value: number, domain: readonly [number, number], palette: Palette): number =>
  3 * Math.min(255, Math.max(0, Math.round(palettePosition(value, domain, palette) * 255)));

/** A symmetric domain [-m, m] around zero for signed values. */
export function symmetricDomain(values: ArrayLike<number>): [number, number] {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i] as number) || 0);
  return [-(m || 1), m || 1];
}

/** The CSS colour of one value over `domain`. */
export function cssColor(value: number, domain: [number, number], palette: Palette = 'viridis'): string {
  const lut = PALETTES[palette];
  const j = lutIndex(value, domain, palette);
  return `rgb(${lut[j]} ${lut[j + 1]} ${lut[j + 2]})`;
}

/** Black or white, whichever reads better on the colour of `value`. */
export function textColorOn(value: number, domain: [number, number], palette: Palette = 'viridis'): string {
  const lut = PALETTES[palette];
  const j = lutIndex(value, domain, palette);
  const luminance = 0.2126 * (lut[j] as number) + 0.7152 * (lut[j + 1] as number) + 0.0722 * (lut[j + 2] as number);
  return luminance > 140 ? '#000' : '#fff';
}

/** The value range a map is coloured over: [min, max] of its finite values, or [0, 1]. */
export function domainOf(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return [Math.min(0, lo || 0), Math.max(1, hi || 1)];
  return [lo, hi];
}

/** Colours `values` into RGBA bytes (length 4n) over `domain`; NaN is transparent. */
export function colorize(
  values: ArrayLike<number>,
  domain: [number, number],
  out = new Uint8ClampedArray(values.length * 4),
  palette: Palette = 'viridis',
): Uint8ClampedArray {
  const lut = PALETTES[palette];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      out[4 * i + 3] = 0;
      continue;
    }
    const j = lutIndex(v, domain, palette);
    out[4 * i] = lut[j] as number;
    out[4 * i + 1] = lut[j + 1] as number;
    out[4 * i + 2] = lut[j + 2] as number;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** The value a diverging map's colour bar shows at its middle, its white: 0 when the domain spans 0. */
export function domainMiddle(domain: readonly [number, number]): number {
  return domain[0] < 0 && domain[1] > 0 ? 0 : (domain[0] + domain[1]) / 2;
}
