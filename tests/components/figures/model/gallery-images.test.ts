/** drawSampleImages on a server-side DOM: each gallery sample's image in grey on its thumbnail's canvas. */
import { describe, expect, it } from 'vitest';
import { drawSampleImages } from '../../../../src/components/figures/model/gallery-images.ts';
import { colorize } from '../../../../src/components/ui/colormap.ts';
import type { Batch } from '../../../../src/lib/index.ts';
import { pageWith, withContext } from '../../ui/dom.ts';

describe('drawSampleImages(root, prefix, batch)', () => {
  it("draws each sample's pixels over [0, 1] in grey, at the batch's size", () => {
    const doc = pageWith(
      '<div id="g"><canvas data-role="yours-image-0"></canvas><canvas data-role="yours-image-1"></canvas></div>',
    );
    const root = doc.getElementById('g')!;
    const canvases = [...root.querySelectorAll('canvas')];
    const contexts = canvases.map((c) => withContext(c));
    const batch: Batch = {
      size: 2,
      images: Float32Array.from([0, 0.25, 0.5, 1, 1, 1, 0, 0]),
      keypoints: [[{ x: 0, y: 0 }], [{ x: 1, y: 1 }]],
    };
    drawSampleImages(root, 'yours-', batch);
    expect(canvases.map((c) => [c.width, c.height])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect([...contexts[0]!.put[0]!.data]).toEqual([...colorize([0, 0.25, 0.5, 1], [0, 1], undefined, 'gray')]);
    expect([...contexts[1]!.put[0]!.data]).toEqual([...colorize([1, 1, 0, 0], [0, 1], undefined, 'gray')]);
  });

  it('throws, naming the gallery, when a thumbnail is missing', () => {
    const root = pageWith('<div id="g"></div>').getElementById('g')!;
    const batch: Batch = { size: 1, images: new Float32Array(1), keypoints: [[]] };
    expect(() => drawSampleImages(root, '', batch)).toThrow('gallery: missing [data-role="image-0"]');
  });
});
