/**
 * heatmapPng: a valid PNG (signature, IHDR, CRCs as zlib computes them) whose pixels, inflated
 * row by row, are the site's colour map of the values over the domain.
 */
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { heatmapPng } from '../../../src/components/server/png.ts';
import { colorize } from '../../../src/components/ui/colormap.ts';

/** The PNG's chunks, each checked against its CRC. */
function chunks(url: string) {
  expect(url.startsWith('data:image/png;base64,')).toBe(true);
  const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), type).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

/** The RGBA rows of the PNG's pixels, after each row's filter byte (none). */
function pixels(url: string, w: number, h: number): number[] {
  const idat = Buffer.concat(
    chunks(url)
      .filter((c) => c.type === 'IDAT')
      .map((c) => c.data),
  );
  const raw = inflateSync(idat);
  expect(raw.length).toBe(h * (1 + 4 * w));
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    expect(raw[y * (1 + 4 * w)], `row ${y}'s filter`).toBe(0);
    out.push(...raw.subarray(y * (1 + 4 * w) + 1, (y + 1) * (1 + 4 * w)));
  }
  return out;
}

describe('heatmapPng(values, w, h, domain, palette)', () => {
  const values = Float32Array.from([0, 0.2, 0.4, 0.6, 0.8, 1]);

  it('writes an 8-bit RGBA PNG of w × h, ending with IEND', () => {
    const parts = chunks(heatmapPng(values, 3, 2));
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 6]);
  });

  it('holds the colour map of the values over their own range, row by row', () => {
    expect(pixels(heatmapPng(values, 3, 2), 3, 2)).toEqual([...colorize(values, [0, 1])]);
  });

  it('colours over the domain and in the palette it is given, NaN transparent', () => {
    const holes = Float32Array.from([-1, Number.NaN, 1, 3]);
    expect(pixels(heatmapPng(holes, 2, 2, [-2, 2], 'diverging'), 2, 2)).toEqual([
      ...colorize(holes, [-2, 2], undefined, 'diverging'),
    ]);
    expect(pixels(heatmapPng(holes, 2, 2, [-2, 2], 'diverging'), 2, 2)[7]).toBe(0);
  });
});
