/** Chapter 9's marks: a shape, a label and a dash per decoder and the regressed landmark; where a mark stands. */
import { describe, expect, it } from 'vitest';
import {
  MARK_DASH,
  MARK_IDS,
  MARK_LABELS,
  MARK_PATHS,
  MARK_SHORT,
  markAttrs,
} from '../../../../src/components/figures/blazepose/marks.ts';
import { BLAZEPOSE_DECODER_IDS, BLAZEPOSE_DECODER_LABELS } from '../../../../src/lib/index.ts';

describe('MARK_IDS and their shapes, labels and dashes', () => {
  it("lists the library's decoders in order, then the regressed landmark", () => {
    expect(MARK_IDS).toEqual([...BLAZEPOSE_DECODER_IDS, 'regressed']);
  });

  it("names each decoder with the library's label", () => {
    for (const id of BLAZEPOSE_DECODER_IDS) expect(MARK_LABELS[id]).toBe(BLAZEPOSE_DECODER_LABELS[id]);
    expect(MARK_LABELS.regressed).toBe('Regressed landmark');
  });

  it('gives every mark its own shape, an SVG path within a radius of 1', () => {
    const paths = MARK_IDS.map((id) => MARK_PATHS[id]);
    expect(new Set(paths).size).toBe(MARK_IDS.length);
    for (const path of paths) {
      expect(path).toMatch(/^M/);
      const numbers = (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      for (const n of numbers) expect(Math.abs(n)).toBeLessThanOrEqual(1);
    }
  });

  it('gives every mark a short name and a dash pattern', () => {
    for (const id of MARK_IDS) {
      expect(MARK_SHORT[id]).not.toBe('');
      expect(MARK_DASH[id]).toMatch(/^(none|\d+( \d+)+)$/);
    }
  });
});

describe('markAttrs(p, r, within)', () => {
  it('places the mark at p, scaled to r', () => {
    expect(markAttrs({ x: 12.3456, y: -0.5 }, 0.8)).toEqual({
      transform: 'translate(12.346 -0.500) scale(0.800)',
      visibility: 'visible',
    });
  });

  it('hides a mark with no point or a point not finite', () => {
    expect(markAttrs(undefined, 1)).toEqual({ visibility: 'hidden' });
    expect(markAttrs({ x: Number.NaN, y: 1 }, 1)).toEqual({ visibility: 'hidden' });
    expect(markAttrs({ x: 1, y: Number.POSITIVE_INFINITY }, 1)).toEqual({ visibility: 'hidden' });
  });

  it("hides a mark outside a close-up's cells, and shows one on their edge", () => {
    const within = { w: 9, h: 9 };
    expect(markAttrs({ x: -0.51, y: 4 }, 1, within).visibility).toBe('hidden');
    expect(markAttrs({ x: 4, y: 8.51 }, 1, within).visibility).toBe('hidden');
    expect(markAttrs({ x: -0.5, y: 8.5 }, 1, within).visibility).toBe('visible');
  });
});
