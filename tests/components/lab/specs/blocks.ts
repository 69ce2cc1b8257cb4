/**
 * A spec's blocks drawn as the framework draws them (`BlockPart.redraw`), into an element of a
 * server-side document (linkedom), from a render of the spec (`renderFigure`).
 */
import { parseHTML } from 'linkedom';
import type { FigureSpec } from '../../../../src/components/ui/figure.ts';

/** A fresh server-side document. */
export const newDocument = (): Document =>
  parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** The element of `role` after `spec`'s block of that role drew `data` in `state` into it (a `tag`). */
export function drawBlock<S, D, P, X, T>(
  spec: FigureSpec<S, D, P, X, T>,
  role: string,
  drawn: { data: D; state: S },
  tag = 'div',
): Element {
  const part = spec.blocks?.find((b) => b.role === role);
  if (!part) throw new Error(`${spec.name}: no block '${role}'`);
  const into = newDocument().createElement(tag);
  part.redraw(drawn.data, drawn.state, into, undefined);
  return into;
}
