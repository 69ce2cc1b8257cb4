/**
 * A rehype step after rehype-citation: in the bibliography (`.csl-entry`), every address and
 * DOI the citation style prints as text becomes a link ("https://…" as it is, "doi:10.…" to
 * https://doi.org/10.…), so that a reader can follow each reference.
 */
const PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;)])|\b(?:doi:\s?|DOI:\s?)(10\.\d{4,9}\/[^\s<>"]+[^\s<>".,;)])/g;

function linkify(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const [whole, url, doi] = match;
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    const href = url ?? `https://doi.org/${doi}`;
    parts.push({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: whole }] });
    last = match.index + whole.length;
  }
  if (last === 0) return undefined;
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

function walk(node, inEntry) {
  if (!node.children) return;
  const entry = inEntry || (node.properties?.className ?? []).includes('csl-entry');
  const children = [];
  for (const child of node.children) {
    if (entry && child.type === 'text') children.push(...(linkify(child.value) ?? [child]));
    else {
      if (child.type === 'element' && child.tagName !== 'a') walk(child, entry);
      children.push(child);
    }
  }
  node.children = children;
}

export default function rehypeLinkReferences() {
  return (tree) => walk(tree, false);
}
