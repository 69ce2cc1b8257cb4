/**
 * The reader's files as the Lab's worker takes them: bytes, after each file is checked against a
 * size limit; PNG images decoded here, because decoding an image needs the page's canvas.
 */
import { LAB_LIMITS, LabInputError, type LabFile, type LabImage } from '../../lib/index.ts';

/** Whether a file is a PNG image (one map per keypoint). */
export const isPng = (f: File): boolean => /\.png$/i.test(f.name) || f.type === 'image/png';

/** Reads files as bytes after checking each against `check` (a size limit). */
export async function bytesOf(files: readonly File[], check: (name: string, size: number) => void): Promise<LabFile[]> {
  for (const f of files) check(f.name, f.size);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}

/** A PNG's pixels, refused with the reader's message when the browser cannot read it or it is too large. */
export async function readImage(file: File): Promise<LabImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new LabInputError(`${file.name}: not an image this browser can read`);
  }
  const { width, height } = bitmap;
  if (width > LAB_LIMITS.maxSide || height > LAB_LIMITS.maxSide) {
    bitmap.close();
    throw new LabInputError(
      `${file.name}: ${width} × ${height} pixels is larger than the Lab takes (${LAB_LIMITS.maxSide} per side)`,
    );
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new LabInputError(`${file.name}: this browser cannot read image pixels`);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { name: file.name, width, height, rgba: ctx.getImageData(0, 0, width, height).data };
}
