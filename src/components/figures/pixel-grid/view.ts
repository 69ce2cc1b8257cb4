/** From the pixel-grid figure's data to what its elements show (no maths here). */
import type { PixelGridData } from '../../../lib/index.ts';
import type { ViewModel } from '../../ui/apply-view.ts';
import { fmt, num, fmtPoint } from '../../ui/format.ts';

export function pixelGridView(d: PixelGridData): ViewModel {
  const { keypoint: k, cell, decodedInput: back } = d;
  return {
    attrs: {
      handle: { transform: `translate(${num(k.x, 3)} ${num(k.y, 3)})` },
      'error-line': { x1: num(k.x, 3), y1: num(k.y, 3), x2: num(back.x, 3), y2: num(back.y, 3) },
      'back-marker': { transform: `translate(${num(back.x, 3)} ${num(back.y, 3)})` },
      'crop-cell': {
        x: num((cell.x - 0.5) * d.stride, 3),
        y: num((cell.y - 0.5) * d.stride, 3),
        width: num(d.stride, 2),
        height: num(d.stride, 2),
      },
      'hm-cell': { x: num(cell.x - 0.5, 3), y: num(cell.y - 0.5, 3) },
      'hm-truth': { cx: num(d.heatmap.x, 3), cy: num(d.heatmap.y, 3) },
      'hm-decoded': { transform: `translate(${num(d.decoded.x, 3)} ${num(d.decoded.y, 3)})` },
      'hm-centre': { cx: num(d.targetCentre.x, 3), cy: num(d.targetCentre.y, 3) },
      // The close-up's marks are the heatmap's own, shifted so that its window starts at (0, 0).
      'closeup-frame': { transform: `translate(${-d.closeUp.origin.x} ${-d.closeUp.origin.y})` },
    },
    text: {
      'stat-input': `(${fmt(k.x)}, ${fmt(k.y)})`,
      'stat-heatmap': `(${fmt(d.heatmap.x)}, ${fmt(d.heatmap.y)})`,
      'stat-cell': `(${cell.x}, ${cell.y})`,
      'stat-back': `(${fmt(back.x)}, ${fmt(back.y)})`,
      'stat-error': `${fmt(d.error)} px`,
      'stat-bound': `${fmt(d.errorBound)} px`,
      'stat-centre': `(${fmt(d.targetCentre.x)}, ${fmt(d.targetCentre.y)}), peak ${fmt(d.decoded.score, 3)}`,
      'stat-encoding': `${fmt(d.encodingError)} px`,
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
