/**
 * Chapter 9's photos, decoded with a fake `createImageBitmap` and `OffscreenCanvas`: the pixels at
 * full size with a preview no larger than 1024 px a side; each refusal with its sentence (empty,
 * too large a file or image, not an image, no canvas); a photo the site serves; a webcam frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BUNDLED_PHOTO_URL,
  decodePhoto,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_SIDE,
  photoFromBlob,
  photoFromUrl,
  photoFromVideo,
} from '../../../../src/components/figures/blazepose/photo.ts';

interface FakeBitmap {
  width: number;
  height: number;
  close: ReturnType<typeof vi.fn>;
}

let bitmaps: FakeBitmap[];
let previews: { bitmap: FakeBitmap; options: ImageBitmapOptions }[];
let canvases: { drawn: unknown[] }[];

/** A browser whose images decode to `width × height` (or fail), with or without a 2-D canvas. */
function browser(width: number, height: number, options: { decodes?: boolean; context?: boolean } = {}) {
  const { decodes = true, context = true } = options;
  vi.stubGlobal('createImageBitmap', async (source: unknown, settings?: ImageBitmapOptions) => {
    if (source instanceof FakeOffscreen) {
      const bitmap = { width: settings!.resizeWidth!, height: settings!.resizeHeight!, close: vi.fn() };
      previews.push({ bitmap, options: settings! });
      return bitmap;
    }
    if (!decodes) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
    const bitmap = { width, height, close: vi.fn() };
    bitmaps.push(bitmap);
    return bitmap;
  });
  class FakeOffscreen {
    drawn: unknown[] = [];
    constructor(
      readonly width: number,
      readonly height: number,
    ) {
      canvases.push(this);
    }
    getContext() {
      return context
        ? {
            drawImage: (source: unknown) => this.drawn.push(source),
            getImageData: (_x: number, _y: number, w: number, h: number) => ({
              data: new Uint8ClampedArray(w * h * 4).fill(9),
            }),
          }
        : null;
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeOffscreen);
}

/** A file of `size` bytes and `type` (no bytes are read: the fake decoder decides). */
const blob = (size: number, type = 'image/jpeg') => ({ size, type }) as Blob;

beforeEach(() => {
  bitmaps = [];
  previews = [];
  canvases = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('decodePhoto(blob)', () => {
  it('reads the pixels at full size, with a preview shrunk to 1024 px on its longer side', async () => {
    browser(2048, 1536);
    const { photo, preview } = await decodePhoto(blob(1000));
    expect([photo.width, photo.height, photo.channels]).toEqual([2048, 1536, 4]);
    expect(photo.data).toHaveLength(2048 * 1536 * 4);
    expect([preview.width, preview.height]).toEqual([1024, 768]);
    expect(previews[0]!.options).toEqual({ resizeWidth: 1024, resizeHeight: 768, resizeQuality: 'high' });
    expect(canvases[0]!.drawn).toEqual([bitmaps[0]]);
    expect(bitmaps[0]!.close).toHaveBeenCalledTimes(1);
  });

  it('keeps a small photo at its size in the preview', async () => {
    browser(300, 200);
    const { preview } = await decodePhoto(blob(1000));
    expect([preview.width, preview.height]).toEqual([300, 200]);
  });

  it('refuses an empty file and one over 40 MB before decoding it', async () => {
    browser(10, 10);
    await expect(decodePhoto(blob(0))).rejects.toThrow('This file is empty.');
    await expect(decodePhoto(blob(MAX_PHOTO_BYTES + 2 ** 20))).rejects.toThrow(
      'This file is 41 MB; the chapter reads photos up to 40 MB.',
    );
    expect(bitmaps).toEqual([]);
  });

  it('says a file the browser cannot decode is not an image when its type says so, and keeps the cause', async () => {
    browser(10, 10, { decodes: false });
    await expect(decodePhoto(blob(10, 'text/plain'))).rejects.toThrow(
      'This file is not an image (its type is text/plain).',
    );
    const error = await decodePhoto(blob(10, 'image/png')).catch((e: Error) => e);
    expect(error).toEqual(new Error('This file could not be read as an image (the browser cannot decode it).'));
    expect((error as Error).cause).toBeInstanceOf(DOMException);
    await expect(decodePhoto(blob(10, ''))).rejects.toThrow('could not be read as an image');
  });

  it(`refuses an image over ${MAX_PHOTO_SIDE} px a side, and lets its bitmap go`, async () => {
    browser(MAX_PHOTO_SIDE + 1, 100);
    await expect(decodePhoto(blob(10))).rejects.toThrow(
      `This image is ${MAX_PHOTO_SIDE + 1} × 100 pixels; the chapter takes up to ${MAX_PHOTO_SIDE} a side.`,
    );
    expect(bitmaps[0]!.close).toHaveBeenCalledTimes(1);
  });

  it('refuses an image with no pixels, and a browser with no 2-D canvas', async () => {
    browser(0, 10);
    await expect(decodePhoto(blob(10))).rejects.toThrow('This image has no pixels.');
    browser(10, 10, { context: false });
    await expect(decodePhoto(blob(10))).rejects.toThrow('This browser gives no 2D canvas to read the image with.');
  });
});

describe('photoFromBlob(blob) and photoFromUrl(url)', () => {
  it('gives the pixels only, letting the preview go', async () => {
    browser(20, 10);
    const photo = await photoFromBlob(blob(10));
    expect([photo.width, photo.height]).toEqual([20, 10]);
    expect(previews[0]!.bitmap.close).toHaveBeenCalledTimes(1);
  });

  it('fetches a photo the site serves, and names it when it is missing', async () => {
    browser(20, 10);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return url === BUNDLED_PHOTO_URL
        ? ({ ok: true, status: 200, blob: async () => blob(10) } as Response)
        : ({ ok: false, status: 404 } as Response);
    });
    expect((await photoFromUrl(BUNDLED_PHOTO_URL)).width).toBe(20);
    await expect(photoFromUrl('/photos/none.jpg')).rejects.toThrow(
      'The photo /photos/none.jpg could not be loaded (HTTP 404).',
    );
    expect(fetched).toEqual([BUNDLED_PHOTO_URL, '/photos/none.jpg']);
  });
});

describe('photoFromVideo(video)', () => {
  beforeEach(() => vi.stubGlobal('HTMLMediaElement', { HAVE_CURRENT_DATA: 2 }));

  it('takes the frame the video shows, at its size', async () => {
    browser(0, 0);
    const video = { readyState: 4, videoWidth: 640, videoHeight: 480 } as HTMLVideoElement;
    const { photo, preview } = await photoFromVideo(video);
    expect([photo.width, photo.height, preview.width, preview.height]).toEqual([640, 480, 640, 480]);
    expect(canvases[0]!.drawn).toEqual([video]);
  });

  it('refuses before the camera has given a picture', async () => {
    browser(0, 0);
    await expect(photoFromVideo({ readyState: 1 } as HTMLVideoElement)).rejects.toThrow(
      'The camera has given no picture yet.',
    );
  });
});
