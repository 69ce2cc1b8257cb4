/**
 * Chapter 9's bundled photo: scikit-image's `astronaut` (Eileen Collins, NASA, public domain),
 * 512 × 512, written by scripts/make-astronaut-photo.py to public/photos/astronaut.jpg.
 */
import type { CropSquare } from './crop.ts';

/** The bundled photo's size in pixels. */
export const ASTRONAUT_SIZE = { width: 512, height: 512 } as const;

/** The photo's credit, as the page shows it (the full text is public/photos/astronaut.txt). */
export const ASTRONAUT_CREDIT = 'Eileen Collins, photographed by NASA (public domain), from scikit-image.';

/**
 * The person's crop on the bundled photo, photo pixels (`crop.ts` conventions): the whole photo.
 * Chosen with the model (tests/browser/blazepose.test.ts checks it): on this crop the pose flag is
 * 0.99 and the nose's heatmap peaks at 0.71, so MediaPipe's refinement applies. Tighter crops on the
 * head and shoulders lower both (a 384 px square: nose peak 0.46, below MediaPipe's 0.5). MediaPipe's
 * own next crop (`cropFromAuxiliary`) does not settle on a half-length portrait: it centres on the
 * hips, below the frame, with a side larger than the photo (2.5 × the distance from the centre to the
 * scale point), filling with repeated edge pixels; the photo's own square is the sensible default.
 */
export const ASTRONAUT_DEFAULT_CROP: CropSquare = { x: 0, y: 0, size: 512 };
