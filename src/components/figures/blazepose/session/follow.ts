/**
 * Chapter 9's session and the chapter's state: while figures are connected, the session follows the
 * photo that `src` names (the bundled one, with a notice, when the page has no such photo: a link
 * can name the reader's photo but never carry it) and the crop on it, which it aims its runs at. The
 * first figure to connect opens the chapter's store; the last to leave closes it. The reader's
 * photos are put in use by setting that state.
 */
import { ch9, DEFAULT_CROP } from '../../../state/ch9.ts';
import { pick } from '../../../ui/params.ts';
import { chapterStore } from '../../../ui/store.ts';
import type { DecodedPhoto } from '../photo.ts';
import { addPhoto, defaultCropOf, photoOf } from './photos.ts';
import { aim, wantSweep } from './pump.ts';
import { ch9Session, update, type CropStore } from './state.ts';

let store: CropStore | null = null;
let stopStore: (() => void) | null = null;
let connections = 0;

/** Follows the state: the photo named by `src` (the bundled one when the page has no such photo). */
function onState(): void {
  if (!store) return;
  const s = store.get();
  const wanted = photoOf(s.src);
  if (!wanted) {
    update({
      notice: `This link asked for ${s.src === 'own' ? 'a photo of your own' : 'a webcam frame'}, which never leaves the browser it was taken in and so is not in the link: the bundled photo is shown.`,
    });
    store.set({ src: 'photo', ...DEFAULT_CROP });
    return;
  }
  if (wanted !== ch9Session.get().photo) update({ photo: wanted });
  aim({ cx: s.cx, cy: s.cy, side: s.side });
}

/**
 * Connects a figure to the session (from its spec's `setup`); returns the disconnect. A figure that
 * draws the shift test asks for it with `sweep`.
 */
export function connectSession(options: { sweep?: boolean } = {}): () => void {
  connections += 1;
  if (options.sweep) wantSweep(1);
  if (!store) {
    store = chapterStore('ch9', pick(ch9, 'src', 'cx', 'cy', 'side'));
    stopStore = store.subscribe(onState);
  }
  let connected = true;
  return () => {
    if (!connected) return;
    connected = false;
    connections -= 1;
    if (options.sweep) wantSweep(-1);
    if (connections === 0) {
      stopStore?.();
      stopStore = null;
      store = null;
      aim(null);
    }
  };
}

/** Puts a photo the reader gave (a file, a webcam frame) in use, with its default crop. */
export function usePhoto(source: 'own' | 'webcam', decoded: DecodedPhoto): void {
  const entry = addPhoto(source, decoded);
  update({ photo: entry, notice: null });
  store?.set({ src: source, ...defaultCropOf(entry) });
  // The state may not change (the same size, the same source): follow the new photo anyway.
  onState();
}

/** Goes back to the bundled photo and its default crop. */
export function useBundledPhoto(): void {
  update({ notice: null });
  store?.set({ src: 'photo', ...DEFAULT_CROP });
}
