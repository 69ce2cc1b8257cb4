/** From the pixel-grid figure's data to what its elements show (no maths here). */
import type { PixelGridData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, fmtPoint } from '../../ui/format.ts';

export function pixelGridView(d: PixelGridData): ViewModel {
  const { keypoint: k, cell, decodedInput: back } = d;
  return {
    attrs: {
      handle: { transform: `translate(${fmt(k.x, 3)} ${fmt(k.y, 3)})` },
      'error-line': { x1: fmt(k.x, 3), y1: fmt(k.y, 3), x2: fmt(back.x, 3), y2: fmt(back.y, 3) },
      'back-marker': { transform: `translate(${fmt(back.x, 3)} ${fmt(back.y, 3)})` },
      'crop-cell': {
        x: fmt((cell.x - 0.5) * d.stride, 3),
        y: fmt((cell.y - 0.5) * d.stride, 3),
        width: fmt(d.stride),
        height: fmt(d.stride),
      },
      'hm-cell': { x: fmt(cell.x - 0.5, 3), y: fmt(cell.y - 0.5, 3) },
      'hm-truth': { cx: fmt(d.heatmap.x, 3), cy: fmt(d.heatmap.y, 3) },
      'hm-decoded': { transform: `translate(${fmt(d.decoded.x, 3)} ${fmt(d.decoded.y, 3)})` },
    },
    text: {
      'stat-input': `(${fmt(k.x)}, ${fmt(k.y)})`,
      'stat-heatmap': `(${fmt(d.heatmap.x)}, ${fmt(d.heatmap.y)})`,
      'stat-cell': `(${cell.x}, ${cell.y})`,
      'stat-back': `(${fmt(back.x)}, ${fmt(back.y)})`,
      'stat-error': `${fmt(d.error)} px`,
      'stat-bound': `${fmt(d.errorBound)} px`,
    },
  };
}

/** What the live region says once the reader pauses. */
export function pixelGridAnnouncement(d: PixelGridData): string {
  return `Keypoint at ${fmtPoint(d.keypoint, 1)} input pixels falls in heatmap cell ${d.cell.x}, ${d.cell.y}. Argmax maps back to ${fmtPoint(d.decodedInput, 0)}, an error of ${fmt(d.error)} pixels.`;
}

/** The handle's value text. */
export function describeKeypoint(p: { x: number; y: number }): string {
  return `${fmtPoint(p, 1)} pixels on the input crop`;
}
