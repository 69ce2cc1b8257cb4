/**
 * The reader's files as the worker takes them: PNGs told apart by name or type; bytes read only
 * after every file passed the size check; a PNG's pixels read through the page's canvas, refused
 * with the reader's message when the browser cannot read it or it is larger than the Lab takes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesOf, isPng, readImage } from '../../../src/components/lab/images.ts';
import { LAB_LIMITS, LabInputError } from '../../../src/lib/index.ts';

const file = (name: string, type = '', size = 4) => {
  const read = vi.fn(async () => new Uint8Array(size).fill(1).buffer);
  return { name, type, size, arrayBuffer: read } as unknown as File & { arrayBuffer: typeof read };
};

afterEach(() => vi.unstubAllGlobals());

describe('isPng(file)', () => {
  it('knows a PNG by its extension, in any case, or by its type', () => {
    expect([file('k0.png'), file('K1.PNG'), file('map', 'image/png')].map(isPng)).toEqual([true, true, true]);
    expect([file('a.npy'), file('png.json'), file('x.jpg', 'image/jpeg')].map(isPng)).toEqual([false, false, false]);
  });
});

describe('bytesOf(files, check)', () => {
  it('checks every file before reading any, and gives each name with its bytes', async () => {
    const files = [file('a.npy', '', 2), file('b.npy', '', 3)];
    const checked: [string, number][] = [];
    const read = await bytesOf(files, (name, size) => checked.push([name, size]));
    expect(checked).toEqual([
      ['a.npy', 2],
      ['b.npy', 3],
    ]);
    expect(read.map((f) => [f.name, f.bytes.byteLength])).toEqual([
      ['a.npy', 2],
      ['b.npy', 3],
    ]);
  });

  it('reads nothing when a file is refused', async () => {
    const files = [file('a.npy'), file('huge.npy')];
    const refuse = (name: string) => {
      if (name === 'huge.npy') throw new LabInputError('huge.npy: too large');
    };
    await expect(bytesOf(files, refuse)).rejects.toThrow('huge.npy: too large');
    expect(files[0]!.arrayBuffer).not.toHaveBeenCalled();
  });
});

describe('readImage(file)', () => {
  /** A browser whose bitmaps are `width × height` and whose canvas reads back `rgba`. */
  function browser(width: number, height: number, options: { context?: boolean; decodes?: boolean } = {}) {
    const { context = true, decodes = true } = options;
    const bitmap = { width, height, close: vi.fn() };
    const drawn: unknown[] = [];
    const canvas = {
      width: 0,
      height: 0,
      getContext: (type: string, settings: unknown) => {
        expect([type, settings]).toEqual(['2d', { willReadFrequently: true }]);
        return context
          ? {
              drawImage: (b: unknown, x: number, y: number) => drawn.push([b, x, y]),
              getImageData: (_x: number, _y: number, w: number, h: number) => ({
                data: Uint8ClampedArray.from({ length: w * h * 4 }, (_, i) => i % 256),
              }),
            }
          : null;
      },
    };
    vi.stubGlobal('createImageBitmap', async () => {
      if (!decodes) throw new Error('InvalidStateError');
      return bitmap;
    });
    vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'canvas' ? canvas : undefined) });
    return { bitmap, canvas, drawn };
  }

  it('reads the pixels at the bitmap size and lets the bitmap go', async () => {
    const { bitmap, canvas, drawn } = browser(3, 2);
    const image = await readImage(file('k0.png', 'image/png'));
    expect(image).toEqual({
      name: 'k0.png',
      width: 3,
      height: 2,
      rgba: Uint8ClampedArray.from({ length: 24 }, (_, i) => i),
    });
    expect([canvas.width, canvas.height]).toEqual([3, 2]);
    expect(drawn).toEqual([[bitmap, 0, 0]]);
    expect(bitmap.close).toHaveBeenCalledTimes(1);
  });

  it('refuses a file the browser cannot decode', async () => {
    browser(3, 2, { decodes: false });
    await expect(readImage(file('bad.png'))).rejects.toThrow(
      new LabInputError('bad.png: not an image this browser can read'),
    );
  });

  it('refuses an image larger than the Lab takes, and lets its bitmap go', async () => {
    const side = LAB_LIMITS.maxSide + 1;
    const { bitmap } = browser(side, 10);
    await expect(readImage(file('big.png'))).rejects.toThrow(
      `big.png: ${side} × 10 pixels is larger than the Lab takes (${LAB_LIMITS.maxSide} per side)`,
    );
    expect(bitmap.close).toHaveBeenCalledTimes(1);
  });

  it('refuses when the canvas gives no pixels', async () => {
    browser(3, 2, { context: false });
    await expect(readImage(file('k0.png'))).rejects.toThrow('k0.png: this browser cannot read image pixels');
  });
});
