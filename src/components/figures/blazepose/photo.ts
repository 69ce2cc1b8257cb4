/**
 * Photos for chapter 9, decoded in the browser into the `Photo` that `src/lib/blazepose` crops:
 * the bundled photo, or the reader's own file (decoded here, never uploaded).
 */
import type { Photo } from '../../../lib/index.ts';

/** The bundled photo (scripts/make-astronaut-photo.py; credit in /photos/astronaut.txt). */
export const BUNDLED_PHOTO_URL = '/photos/astronaut.jpg';

/** The largest side the chapter decodes: a larger photo would only cost memory, the crop is 256 px. */
export const MAX_PHOTO_SIDE = 4096;

/** Decodes an image file into RGBA pixels; throws an Error with a sentence for the reader when it cannot. */
export async function photoFromBlob(blob: Blob): Promise<Photo> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (error) {
    throw new Error('This file could not be read as an image (the browser cannot decode it).', { cause: error });
  }
  try {
    const { width, height } = bitmap;
    if (width < 1 || height < 1) throw new Error('This image has no pixels.');
    if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) {
      throw new Error(`This image is ${width} × ${height} pixels; the chapter takes up to ${MAX_PHOTO_SIDE} a side.`);
    }
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser gives no 2D canvas to read the image with.');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    return { data, width, height, channels: 4 };
  } finally {
    bitmap.close();
  }
}

/** Fetches and decodes a photo the site serves. */
export async function photoFromUrl(url: string): Promise<Photo> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The photo ${url} could not be loaded (HTTP ${response.status}).`);
  return photoFromBlob(await response.blob());
}
