/**
 * Chapter 9's model session: the one place on the page that holds the loaded model, the photo in
 * use and the model's latest outputs, as a `Source` the figures' specs read (and redraw on). Nothing
 * is downloaded until the reader presses a figure's button (`requestModel`); after that the session
 * runs the model on the crop the chapter's state names whenever it changes, then, once the crop has
 * stayed put for a moment and a figure asks for it, the 0–8 px shift test on it.
 *
 * Its parts, in `session/`: what it holds (`state.ts`), its photos (`photos.ts`), the chapter's
 * state it follows (`follow.ts`), the model (`model.ts`) and its runs (`pump.ts`).
 *
 * Safe to import at build time: the source then holds the page as it is before anything is loaded.
 */
export { ch9Session, setNotice } from './session/state.ts';
export type { Ch9Session, ModelState, SessionPhoto, SessionRun, SessionSweep, SessionTimes } from './session/state.ts';
export { connectSession, useBundledPhoto, usePhoto } from './session/follow.ts';
export { defaultCrop } from './session/photos.ts';
export { requestModel } from './session/model.ts';
