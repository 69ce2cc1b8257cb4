/**
 * How to cite the site or one of its pages: a BibTeX entry written by citation-js (the
 * library rehype-citation uses for the reference lists), and the Highwire Press meta tags
 * that reference managers and scholarly search engines read from a page's head.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { SITE } from '../../data/site.ts';

/** What a citation names: the page (or the whole site) and its canonical address. */
export interface Citable {
  /** The BibTeX key. */
  key: string;
  /** The page's title; the site's own title for the site. */
  title: string;
  url: string;
  /** True for a chapter: the entry then names the site as the work it is part of. */
  partOfSite?: boolean;
}

/** The BibTeX entry for `item`. */
export function bibtex(item: Citable): string {
  const csl = {
    id: item.key,
    'citation-key': item.key,
    type: 'webpage',
    title: item.title,
    ...(item.partOfSite ? { 'container-title': SITE.title } : {}),
    author: [{ literal: SITE.author }],
    issued: { 'date-parts': [[...SITE.published]] },
    URL: item.url,
  };
  return (new Cite(csl).format('bibtex') as string).trim();
}

/** The meta tags of a citable page, as name/content pairs. */
export function citationMeta(item: Citable): { name: string; content: string }[] {
  const [year, month] = SITE.published;
  return [
    { name: 'citation_title', content: item.title },
    { name: 'citation_author', content: SITE.author },
    { name: 'citation_publication_date', content: `${year}/${String(month).padStart(2, '0')}` },
    { name: 'citation_public_url', content: item.url },
    ...(item.partOfSite ? [{ name: 'citation_inbook_title', content: SITE.title }] : []),
    { name: 'citation_publisher', content: SITE.name },
    { name: 'DC.title', content: item.title },
    { name: 'DC.creator', content: SITE.author },
  ];
}
