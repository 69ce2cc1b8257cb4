/** Draws the gallery's input images into its thumbnails' canvases (grey levels over [0, 1]). */
import type { Batch } from '../../../lib/index.ts';
import { colorize } from '../../ui/colormap.ts';
import { part } from '../../ui/part.ts';

export function drawSampleImages(root: HTMLElement, prefix: string, batch: Batch): void {
  const { size } = batch;
  const n = size * size;
  batch.keypoints.forEach((_, i) => {
    const canvas = part<HTMLCanvasElement>(root, `[data-role="${prefix}image-${i}"]`, 'gallery');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(size, size);
    colorize(batch.images.subarray(i * n, (i + 1) * n), [0, 1], image.data, 'gray');
    ctx.putImageData(image, 0, 0);
  });
}
