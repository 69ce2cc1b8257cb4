/** From chapter 6's data to what its figures show. */
import type { SimdrFigureData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num, fmtPoint } from '../../ui/format.ts';

/** Where the vectors are drawn: the crop is 192×256, the strips sit below and to the right. */
export const STRIP = { gap: 8, size: 30 } as const;

/** An SVG path of a label vector along one edge: bin b at position b/k, height ∝ value. */
export function vectorPath(values: Float64Array, k: number, along: 'x' | 'y', base: number): string {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  const scale = max > 0 ? (STRIP.size - 2) / max : 0;
  let d = '';
  for (let b = 0; b < values.length; b++) {
    const t = (b / k).toFixed(2);
    const h = ((values[b] as number) * scale).toFixed(2);
    d +=
      along === 'x'
        ? `${b ? 'L' : 'M'}${t} ${(base - Number(h)).toFixed(2)}`
        : `${b ? 'L' : 'M'}${(base + Number(h)).toFixed(2)} ${t}`;
  }
  return d;
}

export function simdrView(d: SimdrFigureData, keypoint: { x: number; y: number }): ViewModel {
  const bottom = 256 + STRIP.gap + STRIP.size;
  const right = 192 + STRIP.gap;
  return {
    attrs: {
      handle: { transform: `translate(${num(keypoint.x, 3)} ${num(keypoint.y, 3)})` },
      'vec-x': { d: vectorPath(d.labelX, d.k, 'x', bottom) },
      'vec-y': { d: vectorPath(d.labelY, d.k, 'y', right) },
      'true-x': { x1: num(keypoint.x, 3), x2: num(keypoint.x, 3) },
      'true-y': { y1: num(keypoint.y, 3), y2: num(keypoint.y, 3) },
      'dec-x': { x1: num(d.decoded.x, 3), x2: num(d.decoded.x, 3) },
      'dec-y': { y1: num(d.decoded.y, 3), y2: num(d.decoded.y, 3) },
      'back-marker': { transform: `translate(${num(d.decoded.x, 3)} ${num(d.decoded.y, 3)})` },
    },
    text: {
      'stat-bins': `${d.bins.x} + ${d.bins.y}`,
      'stat-onehot': `(${d.oneHotBins.x}, ${d.oneHotBins.y})`,
      'stat-decoded': `(${fmt(d.decoded.x, 3)}, ${fmt(d.decoded.y, 3)})`,
      'stat-error': `${fmt(d.error, 3)} px`,
      'stat-bound': `${fmt(d.bound, 3)} px`,
      'stat-memory': `${d.size.simdr} vs ${d.size.heatmap}`,
    },
  };
}

export function simdrAnnouncement(d: SimdrFigureData, keypoint: { x: number; y: number }): string {
  return `Keypoint at ${fmtPoint(keypoint, 2)} pixels; with split ratio ${d.k} the vectors have ${d.bins.x} and ${d.bins.y} bins and decode to ${fmtPoint(d.decoded, 3)}, an error of ${fmt(d.error, 3)} pixels.`;
}
