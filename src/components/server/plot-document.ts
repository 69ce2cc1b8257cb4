/**
 * Build-time only: a DOM document for Observable Plot, so charts render their default state
 * into the page's HTML, and `renderWithCharts`, a figure rendered as its page is built. Never
 * imported by client code.
 */
import { parseHTML } from 'linkedom';
import type { FigureSpec } from '../ui/figure.ts';
import { renderFigure, type RenderOptions } from '../ui/render-figure.ts';

export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** The width charts are rendered at during the build; the client redraws at the real one. */
export const BUILD_WIDTH = 640;

/**
 * `renderFigure` for a figure's markup, its charts drawn into a server-side document at
 * `BUILD_WIDTH` (or `options.width`).
 */
export function renderWithCharts<S, D, P, X, T>(
  spec: FigureSpec<S, D, P, X, T>,
  options: Omit<RenderOptions<S, X>, 'document'> = {},
) {
  return renderFigure(spec, { width: BUILD_WIDTH, ...options, document: serverDocument() });
}
