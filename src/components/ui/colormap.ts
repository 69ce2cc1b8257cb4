/**
 * The sequential colour map of every heatmap: viridis, perceptually uniform and readable by
 * most colour-vision deficiencies; figures never rely on its hue alone (values are also
 * given as numbers on hover and focus). A 256-entry RGB lookup table, usable in Node and in
 * the browser.
 */
import { color, interpolateViridis } from 'd3';

/** 256 × RGB, from the low end to the high end of the map's domain. */
export const VIRIDIS: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = color(interpolateViridis(i / 255))?.rgb();
    lut[3 * i] = c ? Math.round(c.r) : 0;
    lut[3 * i + 1] = c ? Math.round(c.g) : 0;
    lut[3 * i + 2] = c ? Math.round(c.b) : 0;
  }
  return lut;
})();

/** The value range a map is coloured over: [min, max] of its finite values, or [0, 1]. */
export function domainOf(values: ArrayLike<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
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
): Uint8ClampedArray {
  const [lo, hi] = domain;
  const scale = 255 / (hi - lo || 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) {
      out[4 * i + 3] = 0;
      continue;
    }
    const j = 3 * Math.min(255, Math.max(0, Math.round((v - lo) * scale)));
    out[4 * i] = VIRIDIS[j] as number;
    out[4 * i + 1] = VIRIDIS[j + 1] as number;
    out[4 * i + 2] = VIRIDIS[j + 2] as number;
    out[4 * i + 3] = 255;
  }
  return out;
}
