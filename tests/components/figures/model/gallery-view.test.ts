/**
 * Chapter 8's gallery as a view: each mark's path, the gallery's samples (the library's held-out
 * draw, seeded apart), the selected sample, its errors in words, and the roles of the thumbnails,
 * the detail, SimDR's vectors and the text, prefixed for a second gallery.
 */
import { describe, expect, it } from 'vitest';
import {
  galleryPicture,
  gallerySet,
  galleryView,
  shownMethods,
  markerPath,
  sampleErrorText,
  selectedSample,
  type GalleryInput,
} from '../../../../src/components/figures/model/gallery-view.ts';
import { GALLERY, GALLERY_SEED } from '../../../../src/components/state/ch8.ts';
import { heldOut, type GallerySample } from '../../../../src/lib/index.ts';
import { METHOD_NAMES } from '../../../../src/lib/tf/names.ts';

describe('markerPath(kind, points, r)', () => {
  const p = [{ x: 10, y: 20 }];
  it('draws each kind as its own shape about each point', () => {
    expect(markerPath('truth', p, 1)).toBe('M9.000 20.000a1.000 1.000 0 1 0 2.000 0a1.000 1.000 0 1 0 -2.000 0');
    expect(markerPath('argmax', p, 1)).toBe('M9.000 19.000h2.000v2.000h-2.000z');
    expect(markerPath('quarter', p, 1)).toBe('M10.000 19.000l1.000 1.000l-1.000 1.000l-1.000 -1.000z');
    expect(markerPath('dark', p, 1)).toBe('M9.000 20.000h2.000M10.000 19.000v2.000');
    expect(markerPath('dsnt', p, 1)).toBe('M10.000 20.000h0');
    expect(markerPath('simdr', p, 1)).toBe('M9.000 19.000l2.000 2.000M11.000 19.000l-2.000 2.000');
  });

  it('joins the marks of several points, and draws nothing for none', () => {
    expect(
      markerPath(
        'dsnt',
        [
          { x: 1, y: 2 },
          { x: 3, y: 4 },
        ],
        1,
      ),
    ).toBe('M1.000 2.000h0M3.000 4.000h0');
    expect(markerPath('argmax', [], 1)).toBe('');
  });
});

describe('gallerySet(size)', () => {
  it("is the library's held-out draw of the gallery's samples at its seed, drawn once per size", () => {
    const set = gallerySet(64);
    expect(set).toEqual(heldOut(64, GALLERY, GALLERY_SEED));
    expect(gallerySet(64)).toBe(set);
    expect(gallerySet(128).size).toBe(128);
  });
});

/** A sample whose every decoder lands `d` px right of the truth, on 16 × 16 output cells. */
const sample = (truth: { x: number; y: number }[], d: number, vectors = false): GallerySample => ({
  map: new Float32Array(256).fill(d),
  w: 16,
  h: 16,
  points: Object.fromEntries(METHOD_NAMES.map((m) => [m, truth.map((t) => ({ x: t.x + d, y: t.y }))])),
  errors: { argmax: d, quarter: d / 2, dark: d / 4, dsnt: 1.5, simdr: 2.25 },
  ...(vectors ? { vectors: { x: [0, 2, 4, 2], y: [1, 1, 1, 1], bins: 4 } } : {}),
});
const truth = [[{ x: 8, y: 16 }], [{ x: 32, y: 40 }]];
const gallery = (patch: Partial<GalleryInput> = {}): GalleryInput => ({
  samples: [sample(truth[0]!, 1), sample(truth[1]!, 2)],
  truth,
  head: 'heatmap',
  selected: 1,
  size: 64,
  source: 'Recorded when the model was trained.',
  ...patch,
});

describe('selectedSample(g) and sampleErrorText(head, errors)', () => {
  it('gives the selected sample, the last when the selection is past the end, none before any', () => {
    const g = gallery();
    expect(selectedSample(g)).toBe(g.samples![1]);
    expect(selectedSample({ ...g, selected: 7 })).toBe(g.samples![1]);
    expect(selectedSample({ ...g, samples: undefined })).toBeUndefined();
  });

  it("says each of the head's decoders' errors, in px", () => {
    expect(sampleErrorText('heatmap', { argmax: 1.234, quarter: 0.5, dark: 0.25 })).toBe(
      'argmax 1.23 px, quarter shift 0.50 px, DARK 0.25 px',
    );
    expect(sampleErrorText('dsnt', {})).toBe('soft-argmax — px');
  });
});

describe('galleryView(g, prefix)', () => {
  it("presses the selected thumbnail and draws each thumbnail's truth and its head's decoders only", () => {
    const { attrs } = galleryView(gallery());
    expect(attrs['sample-0']).toEqual({ 'aria-pressed': 'false' });
    expect(attrs['sample-1']).toEqual({ 'aria-pressed': 'true' });
    expect(attrs['marks-0']).toEqual({ viewBox: '-0.5 -0.5 64 64' });
    // Thumbnails: marks of 1.1 · 64/40 px for the truth, 0.8 · 64/40 for the decoders.
    expect(attrs['truth-0']).toEqual({ d: markerPath('truth', truth[0]!, 1.1 * 1.6) });
    expect(attrs['points-1-dark']).toEqual({ d: markerPath('dark', [{ x: 34, y: 40 }], 0.8 * 1.6) });
    expect(attrs['points-1-dsnt']).toEqual({ d: '' });
    expect(attrs['key-dark']).toEqual({ hidden: null });
    expect(attrs['key-simdr']).toEqual({ hidden: '' });
  });

  it('draws the selected sample on its output cells, scaled from input pixels', () => {
    const { attrs, text } = galleryView(gallery());
    // 16 cells over 64 px: a quarter.
    expect(attrs['detail-truth']).toEqual({ d: markerPath('truth', [{ x: 8, y: 10 }], 0.45) });
    expect(attrs['detail-argmax']).toEqual({ d: markerPath('argmax', [{ x: 8.5, y: 10 }], 0.3) });
    expect(attrs['detail-simdr']).toEqual({ d: '' });
    expect(attrs.vectors).toEqual({ hidden: '' });
    expect(text['detail-text']).toBe(
      'Sample 2, 16 × 16 output cells: its heatmaps, the maximum over the 1 keypoints. Mean error on this sample: argmax 2.00 px, quarter shift 1.00 px, DARK 0.50 px. Recorded when the model was trained.',
    );
  });

  it("draws SimDR's two vectors normalised to their peak, with a tick at the truth's bin", () => {
    const g = gallery({ head: 'simdr', samples: [sample(truth[0]!, 1, true), sample(truth[1]!, 2, true)] });
    const { attrs } = galleryView(g);
    expect(attrs.vectors).toEqual({ hidden: null });
    expect(attrs['vec-x']).toEqual({ viewBox: '0 0 4 24' });
    // 23 − 22 · v / 4 for v = 0, 2, 4, 2.
    expect(attrs['vec-x-line']).toEqual({ d: 'M0 23.000L1 12.000L2 1.000L3 12.000' });
    // The truth's x, 32 px, at bin 4 / 64 · 32 = 2.
    expect(attrs['vec-x-ticks']).toEqual({ d: 'M2.000 0V24' });
    expect(attrs['points-1-simdr']!.d).not.toBe('');
  });

  it("shows one decoder's marks alone, larger, with its key pressed; all again for a decoder the head lacks", () => {
    const { attrs } = galleryView(gallery({ only: 'dark' }));
    expect(attrs['points-1-dark']).toEqual({ d: markerPath('dark', [{ x: 34, y: 40 }], 0.8 * 1.6 * 1.5) });
    expect(attrs['points-1-argmax']).toEqual({ d: '' });
    expect(attrs['detail-dark']).toEqual({ d: markerPath('dark', [{ x: 8.5, y: 10 }], 0.4) });
    expect(attrs['detail-quarter']).toEqual({ d: '' });
    // The truth stays, and every key of the head stays in the legend to be pressed.
    expect(attrs['truth-0']).toEqual({ d: markerPath('truth', truth[0]!, 1.1 * 1.6 * 1.5) });
    expect(attrs['key-argmax']).toEqual({ hidden: null });
    expect(attrs['key-dark-button']).toEqual({ 'aria-pressed': 'true' });
    expect(attrs['key-argmax-button']).toEqual({ 'aria-pressed': 'false' });
    // SimDR is not a decoder of the heatmap head: all three are drawn, none pressed.
    const all = galleryView(gallery({ only: 'simdr' })).attrs;
    expect(shownMethods('heatmap', 'simdr')).toEqual(['argmax', 'quarter', 'dark']);
    expect(all['points-1-argmax']!.d).not.toBe('');
    expect(all['key-simdr-button']).toEqual({ 'aria-pressed': 'false' });
    // A head with one decoder has nothing to single out.
    expect(galleryView(gallery({ head: 'dsnt', only: 'dsnt' })).attrs['key-dsnt-button']).toEqual({
      'aria-pressed': 'false',
    });
  });

  it('draws no decoder and no text before the model has samples', () => {
    const { attrs, text } = galleryView(gallery({ samples: undefined }));
    expect(attrs['points-0-argmax']).toEqual({ d: '' });
    expect(attrs['detail-truth']).toEqual({ d: '' });
    expect(text['detail-text']).toBe('');
  });

  it('prefixes every role for a second gallery', () => {
    const { attrs, text } = galleryView(gallery(), 'yours-');
    expect(Object.keys(attrs).every((role) => role.startsWith('yours-'))).toBe(true);
    expect(Object.keys(text)).toEqual(['yours-detail-text']);
  });
});

describe('galleryPicture(g)', () => {
  it("is the selected sample's map, or a blank map of a quarter of the input before any", () => {
    const g = gallery();
    expect(galleryPicture(g)).toEqual({ values: g.samples![1]!.map, w: 16, h: 16 });
    expect(galleryPicture({ ...g, samples: undefined })).toEqual({
      values: new Float32Array(256),
      w: 16,
      h: 16,
      domain: [0, 1],
    });
  });
});
