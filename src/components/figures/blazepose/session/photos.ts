/**
 * The photos chapter 9's session can crop, one per source: the bundled one (its pixels decoded
 * once, when the model is asked for), and the reader's file and webcam frame, each replacing the
 * last of its source (whose bitmap is closed) under a new id, so that runs on an old one are told
 * apart.
 */
import { defaultCropFraction, type CropFraction } from '../../../../lib/index.ts';
import { DEFAULT_CROP, type PhotoSource } from '../../../state/ch9.ts';
import { BUNDLED_PHOTO_URL, photoFromUrl, type DecodedPhoto } from '../photo.ts';
import { BUNDLED_PHOTO, ch9Session, update, type SessionPhoto } from './state.ts';

const photos: Record<PhotoSource, SessionPhoto | null> = { photo: BUNDLED_PHOTO, own: null, webcam: null };
let nextPhotoId = 1;

/** The photo of `source`, or null when the page has none (a link names it but cannot carry it). */
export function photoOf(source: PhotoSource): SessionPhoto | null {
  return photos[source];
}

/** Decodes the bundled photo's pixels, once, and puts them in the session if it is in use. */
export async function decodeBundled(): Promise<void> {
  if (photos.photo?.pixels) return;
  const pixels = await photoFromUrl(BUNDLED_PHOTO_URL);
  const bundled = { ...BUNDLED_PHOTO, pixels };
  photos.photo = bundled;
  if (ch9Session.get().photo.source === 'photo') update({ photo: bundled });
}

/** Makes the reader's photo (a file, a webcam frame) the one of its source. */
export function addPhoto(source: 'own' | 'webcam', { photo, preview }: DecodedPhoto): SessionPhoto {
  photos[source]?.preview?.close();
  const entry: SessionPhoto = {
    id: nextPhotoId++,
    source,
    name: source === 'own' ? 'your photo' : 'the webcam frame',
    width: photo.width,
    height: photo.height,
    pixels: photo,
    preview,
  };
  photos[source] = entry;
  return entry;
}

/** The crop a photo starts with: the bundled photo's own, else the library's default for its size. */
export function defaultCropOf({ source, width, height }: SessionPhoto): CropFraction {
  return source === 'photo' ? DEFAULT_CROP : defaultCropFraction(width, height);
}

/** The default crop of the photo in use. */
export function defaultCrop(): CropFraction {
  return defaultCropOf(ch9Session.get().photo);
}
