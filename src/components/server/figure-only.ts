/**
 * Build-time only: an embed page's figure cut out of its chapter. The embed page renders the
 * chapter (so that the figure is the chapter's own, in the state its URL gives) and keeps only
 * the `<figure>` with the figure's id, exactly as written: its markup, its scripts (each
 * figure's module script sits inside it) and its caption. The prose, the exercises and their
 * script, the references, are not sent to the iframe at all (before, they were sent and hidden
 * by CSS: about 1,000 of fig-grid's 1,130 elements).
 */
import { parseDocument, DomUtils } from 'htmlparser2';

/** The outer HTML of the one `<figure id={id}>` in `html`, byte for byte; throws if there is not exactly one. */
export function figureOnly(html: string, id: string): string {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const found = DomUtils.findAll((el) => el.name === 'figure' && el.attribs.id === id, document.children);
  if (found.length !== 1) {
    throw new Error(`embed page: the chapter has ${found.length} <figure id="${id}"> elements, not one`);
  }
  const [figure] = found as [(typeof found)[number]];
  if (figure.startIndex === null || figure.endIndex === null) throw new Error(`embed page: ${id} has no position`);
  return html.slice(figure.startIndex, figure.endIndex + 1);
}
