/** Number formatting shared by figures: fixed decimals, a true minus sign, no "-0". */
export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : '−∞';
  const text = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** "x 12.30, y 4.00" style pairs. */
export function fmtPoint(p: { x: number; y: number }, digits = 2, unit = ''): string {
  return `x ${fmt(p.x, digits)}${unit}, y ${fmt(p.y, digits)}${unit}`;
}

/** A number for an SVG or HTML attribute: fixed decimals, an ASCII minus, no "-0". */
export function num(value: number, digits = 3): string {
  const text = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** A colour bar's end value: three significant digits, with a typographic minus. */
export function fmtScale(value: number): string {
  if (value === 0) return '0';
  const text = Number(value.toPrecision(3)).toString();
  return text.replaceAll('-', '−');
}
