/**
 * Build-time only: a chart's SVG as the page carries it, its coordinates to a hundredth of a
 * pixel. Observable Plot writes positions with every digit of a double (cy="175.23856418060123");
 * the client redraws every chart at its real width anyway, so the digits past a hundredth of a
 * pixel are bytes every reader downloads and nobody sees (chapter 10's page: 12 KB of them).
 * Only the geometry attributes change: text, labels and descriptions keep their numbers.
 */
const GEOMETRY = /(\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|d|points)=")([^"]*)"/g;
const LONG_NUMBER = /-?\d+\.\d{3,}/g;

/** `svg` with the numbers of its geometry attributes rounded to two decimals. */
export function compactSvg(svg: string): string {
  return svg.replace(
    GEOMETRY,
    (_, name: string, value: string) =>
      `${name}${value.replace(LONG_NUMBER, (n) => String(Number(Number(n).toFixed(2))))}"`,
  );
}
