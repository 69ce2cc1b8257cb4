/**
 * Photos for chapter 9, decoded in the browser into the `Photo` that `src/lib/blazepose` crops: the
 * bundled photo, the reader's own file, or a webcam frame (all decoded here, never uploaded), each
 * with a bitmap small enough to draw.
 */
import type { Photo } from '../../../lib/index.ts';

/** The bundled photo (scripts/make-astronaut-photo.py; credit in /photos/astronaut.txt). */
export const BUNDLED_PHOTO_URL = '/photos/astronaut.jpg';

/** The largest side the chapter decodes: a larger photo would only cost memory, the crop is 256 px. */
export const MAX_PHOTO_SIDE = 4096;

/** The largest file the chapter reads, bytes (a 4096 px photo is far smaller as a JPEG or PNG). */
export const MAX_PHOTO_BYTES = 40 * 2 ** 20;

/** The longest side of the bitmap a figure draws (the pixels the model reads keep the full size). */
const PREVIEW_SIDE = 1024;

/** A decoded photo: its pixels for the model, and a bitmap for the page to draw. */
export interface DecodedPhoto {
  photo: Photo;
  preview: ImageBitmap;
}

/** Reads a drawable source (a decoded image, a video frame) into RGBA pixels and a preview bitmap. */
async function decodeSource(source: CanvasImageSource, width: number, height: number): Promise<DecodedPhoto> {
  if (width < 1 || height < 1) throw new Error('This image has no pixels.');
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) {
    throw new Error(`This image is ${width} × ${height} pixels; the chapter takes up to ${MAX_PHOTO_SIDE} a side.`);
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser gives no 2D canvas to read the image with.');
  context.drawImage(source, 0, 0);
  const { data } = context.getImageData(0, 0, width, height);
  const shrink = Math.min(1, PREVIEW_SIDE / Math.max(width, height));
  const preview = await createImageBitmap(canvas, {
    resizeWidth: Math.max(1, Math.round(width * shrink)),
    resizeHeight: Math.max(1, Math.round(height * shrink)),
    resizeQuality: 'high',
  });
  return { photo: { data, width, height, channels: 4 }, preview };
}

/** Decodes an image file; throws an Error with a sentence for the reader when it cannot. */
export async function decodePhoto(blob: Blob): Promise<DecodedPhoto> {
  if (blob.size === 0) throw new Error('This file is empty.');
  if (blob.size > MAX_PHOTO_BYTES) {
    throw new Error(`This file is ${(blob.size / 2 ** 20).toFixed(0)} MB; the chapter reads photos up to 40 MB.`);
  }
  let bitmap: ImageBitmap;
  try {
    // The browser reads the format from the bytes; the declared type only words the refusal.
    bitmap = await createImageBitmap(blob);
  } catch (error) {
    const notImage = blob.type && !blob.type.startsWith('image/');
    throw new Error(
      notImage
        ? `This file is not an image (its type is ${blob.type}).`
        : 'This file could not be read as an image (the browser cannot decode it).',
      { cause: error },
    );
  }
  try {
    return await decodeSource(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Decodes a photo file into pixels only. */
export async function photoFromBlob(blob: Blob): Promise<Photo> {
  const { photo, preview } = await decodePhoto(blob);
  preview.close();
  return photo;
}

/** Fetches and decodes a photo the site serves. */
export async function photoFromUrl(url: string): Promise<Photo> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The photo ${url} could not be loaded (HTTP ${response.status}).`);
  return photoFromBlob(await response.blob());
}

/** The frame a playing video shows now, as a photo. */
export async function photoFromVideo(video: HTMLVideoElement): Promise<DecodedPhoto> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) throw new Error('The camera has given no picture yet.');
  return decodeSource(video, video.videoWidth, video.videoHeight);
}
