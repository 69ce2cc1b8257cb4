/**
 * Build-time only: a heatmap as a PNG data URL, so a figure shows its default state before
 * (or without) JavaScript, and prints. Uses node:zlib; never imported by client code.
 */
import { deflateSync } from 'node:zlib';
import { colorize, domainOf, type Palette } from '../ui/colormap.ts';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG of a w×h map coloured with the site's colour map, as a data URL. */
export function heatmapPng(
  values: ArrayLike<number>,
  w: number,
  h: number,
  domain = domainOf(values),
  palette: Palette = 'viridis',
): string {
  const rgba = colorize(values, domain, undefined, palette);
  const raw = Buffer.alloc(h * (1 + 4 * w));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + 4 * w)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * 4 * w, 4 * w).copy(raw, y * (1 + 4 * w) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
