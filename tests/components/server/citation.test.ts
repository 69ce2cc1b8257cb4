import { describe, expect, it } from 'vitest';
import { bibtex, citationMeta } from '../../../src/components/server/citation.ts';
import { SITE } from '../../../src/data/site.ts';

describe('citing the site', () => {
  it('writes a BibTeX entry with the key, title, authors, date and address (citation-js)', () => {
    const entry = bibtex({
      key: 'subpixel2026dark',
      title: 'DARK, step by step',
      url: 'https://e.org/c/4/',
      partOfSite: true,
    });
    expect(entry).toMatch(/^@misc\{subpixel2026dark,/);
    expect(entry).toContain('title = {DARK, step by step}');
    expect(entry).toContain(`author = {{${SITE.author}}}`);
    expect(entry).toContain(`year = {${SITE.published[0]}}`);
    expect(entry).toContain('url = {https://e.org/c/4/}');
    expect(entry.trim().endsWith('}')).toBe(true);
  });

  it('gives reference managers the Highwire Press tags', () => {
    const meta = Object.fromEntries(
      citationMeta({ key: 'k', title: 'DSNT', url: 'https://e.org/c/5/', partOfSite: true }).map((m) => [
        m.name,
        m.content,
      ]),
    );
    expect(meta).toMatchObject({
      citation_title: 'DSNT',
      citation_author: SITE.author,
      citation_publication_date: '2026/11',
      citation_public_url: 'https://e.org/c/5/',
      citation_inbook_title: SITE.title,
    });
    const site = citationMeta({ key: 'k', title: SITE.title, url: 'https://e.org/' }).map((m) => m.name);
    expect(site).not.toContain('citation_inbook_title');
  });
});
