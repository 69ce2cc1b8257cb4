import { describe, expect, it } from 'vitest';
import { adaptiveAnnouncement, adaptiveView } from '../../../../src/components/figures/dekr/adaptive-view.ts';
import { ADAPTIVE_GRID } from '../../../../src/components/state/ch7.ts';
import { buildAdaptiveConv, type Translation } from '../../../../src/lib/index.ts';

const { w, h, pixel } = ADAPTIVE_GRID;
const identity = (translation: Translation) =>
  buildAdaptiveConv({ scale: 1, rotation: 0, shear: 0, translation, pixel, w, h });

describe('adaptiveView(data)', () => {
  it('moves every tap of the regular grid by t, linked to where it started, and prints t as (dy, dx)', () => {
    const d = identity([0.5, -1.25]);
    const v = adaptiveView(d);
    expect(v.attrs.handle).toEqual({
      transform: `translate(${(pixel.x - 1.25).toFixed(3)} ${(pixel.y + 0.5).toFixed(3)})`,
    });
    // Tap 0 is the grid's top left, (−1, −1) from the pixel.
    expect(v.attrs['tap-0']).toEqual({ cx: (pixel.x - 2.25).toFixed(3), cy: (pixel.y - 0.5).toFixed(3) });
    expect(v.attrs['link-0']).toEqual({
      x1: (pixel.x - 1).toFixed(3),
      y1: (pixel.y - 1).toFixed(3),
      x2: (pixel.x - 2.25).toFixed(3),
      y2: (pixel.y - 0.5).toFixed(3),
    });
    for (let n = 0; n < 9; n++) expect(v.text[`off-${n}`], `tap ${n}`).toBe('(0.50, −1.25)');
    expect(v.text.translation).toBe('(0.50, −1.25)');
    expect(v.text.matrix).toBe('[[1.00, 0.00], [0.00, 1.00]]');
  });

  it('draws each tap’s four bilinear reads, their opacity its weight', () => {
    // Tap 4 at the pixel + (0.25, 0.5): a quarter of a pixel right, half a pixel down.
    const v = adaptiveView(identity([0.5, 0.25]));
    expect(v.attrs['read-4-0']).toEqual({
      x: (pixel.x - 0.5).toFixed(3),
      y: (pixel.y - 0.5).toFixed(3),
      'fill-opacity': (0.6 * 0.75 * 0.5).toFixed(3),
      visibility: 'visible',
    });
    expect(v.attrs['read-4-3']).toMatchObject({ 'fill-opacity': (0.6 * 0.25 * 0.5).toFixed(3) });
  });

  it('hides the reads that fall off the map, and every read of a tap beyond it', () => {
    // Scale 2.5 and t = (3.5, 3.5): tap 8, the bottom right, lands at pixel + (6, 6), past the last row and column.
    const d = buildAdaptiveConv({ scale: 2.5, rotation: 0, shear: 0, translation: [3.5, 3.5], pixel, w, h });
    expect(d.adapted[8]).toEqual({ x: pixel.x + 6, y: pixel.y + 6 });
    const v = adaptiveView(d);
    for (let q = 0; q < 4; q++) expect(v.attrs[`read-8-${q}`], `read ${q}`).toEqual({ visibility: 'hidden' });
    // Tap 5, (0, 1) on the grid, at x = pixel + 6, past the last column; tap 4 at pixel + 3.5, inside.
    expect(v.attrs['read-5-0']?.visibility).toBe('hidden');
    expect(v.attrs['read-4-0']?.visibility).toBe('visible');
  });
});

describe('adaptiveAnnouncement(data)', () => {
  it('says the matrix and how far the farthest tap reaches', () => {
    const d = identity([0, 3]);
    expect(adaptiveAnnouncement(d)).toBe(
      `Affine matrix [[1.00, 0.00], [0.00, 1.00]]; the nine taps now reach up to ${Math.hypot(4, 1).toFixed(2)} pixels from the centre pixel.`,
    );
  });
});
