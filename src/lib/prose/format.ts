/**
 * How a computed number reads in a sentence: fixed decimals, a true minus sign, thousands
 * grouped with commas, sizes as height × width (the papers' order, and the site's), lists
 * and ranges in words, and the unit after a no-break space (or glued on, for %, ° and ×).
 */

/**
 * The units a prose value may carry: input (crop) pixels `px`, heatmap `cells`, bytes and
 * kilobytes (1000 B), percent, degrees, a ratio `×`, `nats` (natural-log units of a loss),
 * or none ('') for counts and dimensionless numbers.
 */
export const PROSE_UNITS = ['px', 'cells', 'B', 'kB', '%', '°', '×', 'nats', ''] as const;
/** One of PROSE_UNITS. */
export type ProseUnit = (typeof PROSE_UNITS)[number];

/** A size, printed as height × width. */
export interface ProseShape {
  readonly h: number;
  readonly w: number;
}

/** A measured mean and its standard error, printed as mean ± sem. */
export interface ProseEstimate {
  readonly mean: number;
  readonly sem: number;
}

/**
 * What a prose value may be: a number; a range [low, high] ("45–85"); a list ("1, 2, 4 and 8");
 * a point { x, y } ("(+0.25, 0)"); a size { h, w } ("256 × 192"); an estimate { mean, sem }
 * ("4.09 ± 0.06"); a power of ten by its exponent ("10⁻⁴").
 */
export type ProseValue =
  | number
  | { readonly range: readonly [number, number] }
  | { readonly list: readonly number[] }
  | { readonly point: { readonly x: number; readonly y: number } }
  | { readonly shape: ProseShape }
  | { readonly estimate: ProseEstimate }
  | { readonly power: number };

/** How to print a value. */
export interface FormatOptions {
  /** Decimals (fixed). */
  digits: number;
  unit: ProseUnit;
  /** Leave the unit out (the sentence says it). */
  bare?: boolean;
  /** Print + before positive numbers (shifts and differences). */
  signed?: boolean;
}

const MINUS = '\u2212';
const NBSP = '\u00a0';
const GLUED: ReadonlySet<ProseUnit> = new Set(['%', '°', '×']);

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * One number: `digits` fixed decimals, thousands grouped by commas, U+2212 for minus, no
 * "−0", and an exact zero as "0" (a shift of nothing reads better than "0.00"); throws on
 * NaN or ±∞ (a broken builder must fail the build, not print "NaN").
 */
export function formatNumber(value: number, digits: number, signed = false): string {
  if (!Number.isFinite(value)) throw new Error(`a prose number must be finite, got ${value}`);
  if (value === 0) return '0';
  const fixed = Math.abs(value).toFixed(digits);
  const zero = Number(fixed) === 0;
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = zero ? '' : value < 0 ? MINUS : signed ? '+' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "a", "a and b", "a, b and c". */
function inWords(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The value in words and digits, with its unit unless `bare`. */
export function formatProseValue(
  value: ProseValue,
  { digits, unit, bare = false, signed = false }: FormatOptions,
): string {
  const n = (v: number): string => formatNumber(v, digits, signed);
  let text: string;
  if (typeof value === 'number') text = n(value);
  else if ('range' in value) text = `${n(value.range[0])}–${n(value.range[1])}`;
  else if ('list' in value) text = inWords(value.list.map(n));
  else if ('point' in value) text = `(${n(value.point.x)}, ${n(value.point.y)})`;
  else if ('shape' in value) text = `${n(value.shape.h)} × ${n(value.shape.w)}`;
  else if ('estimate' in value) text = `${n(value.estimate.mean)} ± ${formatNumber(value.estimate.sem, digits)}`;
  else {
    if (!Number.isInteger(value.power)) throw new Error(`a power of ten needs an integer exponent, got ${value.power}`);
    const exponent = String(Math.abs(value.power)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] as string);
    text = `10${value.power < 0 ? '⁻' : ''}${exponent}`;
  }
  if (bare || unit === '') return text;
  return GLUED.has(unit) ? `${text}${unit}` : `${text}${NBSP}${unit}`;
}
