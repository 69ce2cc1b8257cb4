/**
 * The SVG path of a grid's cell boundaries, for a figure drawn in cell units with cell (i, j)
 * centred on (i, j): w + 1 vertical lines and h + 1 horizontal ones, spanning −½ to w − ½ and
 * −½ to h − ½.
 */
export function cellGridPath(w: number, h: number): string {
  return [
    ...Array.from({ length: w + 1 }, (_, i) => `M${i - 0.5} -0.5V${h - 0.5}`),
    ...Array.from({ length: h + 1 }, (_, j) => `M-0.5 ${j - 0.5}H${w - 0.5}`),
  ].join('');
}
