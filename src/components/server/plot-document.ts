/**
 * Build-time only: a DOM document for Observable Plot, so charts render their default state
 * into the page's HTML. Never imported by client code.
 */
import { parseHTML } from 'linkedom';

export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** The width charts are rendered at during the build; the client redraws at the real one. */
export const BUILD_WIDTH = 640;
