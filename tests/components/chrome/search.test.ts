/**
 * The search page on a server-side DOM, with Pagefind's index mocked: a query typed is searched
 * once the reader pauses (at once on submit), kept in the URL, and answered with the pages where
 * its words occur, each with its best sections; an empty query clears; a slower, older answer is
 * dropped; a missing index is said.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fire, pageWith } from '../ui/dom.ts';

interface Page {
  url: string;
  excerpt: string;
  meta: { title?: string };
  locations: number[];
  sub_results?: { title: string; url: string; excerpt: string }[];
}

const index = vi.hoisted(() => ({
  queries: [] as string[],
  pages: {} as Record<string, Page[]>,
  /** Answers waiting to be released, by query (for answers that come late). */
  held: new Map<string, () => void>(),
  hold: new Set<string>(),
}));
vi.mock('/pagefind/pagefind.js', () => {
  return {
    async search(query: string) {
      index.queries.push(query);
      if (index.hold.has(query)) await new Promise<void>((resolve) => index.held.set(query, resolve));
      return { results: (index.pages[query] ?? []).map((page) => ({ data: async () => page })) };
    },
  };
});

const page = (n: number, patch: Partial<Page> = {}): Page => ({
  url: `/chapters/0${n}/`,
  excerpt: `about <mark>dark</mark> ${n}`,
  meta: { title: `Chapter ${n}` },
  locations: [n],
  ...patch,
});

let doc: Document;
let url: URL;

async function mount(search = '') {
  url = new URL(`https://example.org/search/${search}`);
  vi.stubGlobal('location', {
    get href() {
      return url.href;
    },
    get search() {
      return url.search;
    },
  });
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_s: unknown, _t: string, next: URL) => (url = new URL(next)),
  });
  doc = pageWith(
    `<form><input type="search"></form><p data-role="search-status"></p><ol data-role="search-results"></ol>`,
  );
  vi.stubGlobal('document', doc);
  vi.resetModules();
  const { mountSearch } = await import('../../../src/components/chrome/search.ts');
  mountSearch(doc.querySelector('form')!);
  return {
    input: doc.querySelector('input')!,
    form: doc.querySelector('form')!,
    status: () => doc.querySelector('[data-role="search-status"]')!.textContent,
    results: () => [...doc.querySelectorAll('[data-role="search-results"] > li')],
  };
}

/** Lets the index's import and answers come in. */
const settle = async () => {
  await vi.dynamicImportSettled();
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  Object.assign(index, { queries: [], pages: {}, held: new Map(), hold: new Set() });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('mountSearch(form)', () => {
  it('searches once the reader pauses typing, and keeps the query in the URL', async () => {
    index.pages.dark = [page(4)];
    const { input } = await mount();
    input.value = 'da';
    fire(input, 'input');
    vi.advanceTimersByTime(100);
    input.value = 'dark';
    fire(input, 'input');
    vi.advanceTimersByTime(199);
    expect(index.queries).toEqual([]);
    vi.advanceTimersByTime(1);
    await settle();
    expect(index.queries).toEqual(['dark']);
    expect(url.searchParams.get('q')).toBe('dark');
  });

  it('lists the pages where a word occurs, with their excerpt and up to three sections besides the page', async () => {
    index.pages.dark = [
      page(4, {
        sub_results: [
          { title: 'Chapter 4', url: '/chapters/04/', excerpt: '' },
          { title: 'Taylor', url: '/chapters/04/#taylor', excerpt: '' },
          { title: 'Blur', url: '/chapters/04/#blur', excerpt: '' },
          { title: 'Steps', url: '/chapters/04/#steps', excerpt: '' },
          { title: 'More', url: '/chapters/04/#more', excerpt: '' },
        ],
      }),
      page(5, { locations: [] }),
      page(6, { meta: {} }),
    ];
    const { form, status, results } = await mount();
    doc.querySelector('input')!.value = '  dark ';
    fire(form, 'submit');
    await settle();
    expect(status()).toBe('2 pages match “dark”.');
    const [first, second] = results();
    const title = first!.querySelector<HTMLAnchorElement>('a.result-title')!;
    expect([title.getAttribute('href'), title.textContent]).toEqual(['/chapters/04/', 'Chapter 4']);
    expect(first!.querySelector('.result-excerpt')!.innerHTML).toBe('about <mark>dark</mark> 4');
    expect([...first!.querySelectorAll('.result-sections a')].map((a) => a.textContent)).toEqual([
      'Taylor',
      'Blur',
      'Steps',
    ]);
    // A page without a title is named by its address.
    expect(second!.querySelector('a.result-title')!.textContent).toBe('/chapters/06/');
    expect(second!.querySelector('.result-sections')).toBeNull();
  });

  it('shows the first ten of many pages, and says so; says when none match', async () => {
    index.pages.pixel = Array.from({ length: 12 }, (_, i) => page(i + 1));
    const { form, input, status, results } = await mount();
    input.value = 'pixel';
    fire(form, 'submit');
    await settle();
    expect(results()).toHaveLength(10);
    expect(status()).toBe('12 pages match “pixel”; the first 10 are shown.');
    input.value = 'nothing';
    fire(form, 'submit');
    await settle();
    expect(results()).toHaveLength(0);
    expect(status()).toBe('No page matches “nothing”.');
  });

  it('says one page matches', async () => {
    index.pages.simdr = [page(6)];
    const { form, input, status } = await mount();
    input.value = 'simdr';
    fire(form, 'submit');
    await settle();
    expect(status()).toBe('1 page matches “simdr”.');
  });

  it('clears the results and the URL for an empty query, searching nothing', async () => {
    index.pages.dark = [page(4)];
    const { form, input, status, results } = await mount('?q=dark');
    await settle();
    expect(results()).toHaveLength(1);
    input.value = '   ';
    fire(form, 'submit');
    await settle();
    expect(results()).toHaveLength(0);
    expect(status()).toBe('');
    expect(url.searchParams.has('q')).toBe(false);
    expect(index.queries).toEqual(['dark']);
  });

  it("runs the link's query as the page opens, in the search box", async () => {
    index.pages.udp = [page(10)];
    const { input, status } = await mount('?q=udp');
    expect(input.value).toBe('udp');
    await settle();
    expect(status()).toBe('1 page matches “udp”.');
  });

  it('cuts a query to 200 characters', async () => {
    const { form, input } = await mount();
    input.value = 'a'.repeat(250);
    fire(form, 'submit');
    await settle();
    expect(index.queries).toEqual(['a'.repeat(200)]);
  });

  it('drops an answer that comes after a newer query', async () => {
    index.pages.slow = [page(1)];
    index.pages.fast = [page(2), page(3)];
    index.hold.add('slow');
    const { form, input, status, results } = await mount();
    input.value = 'slow';
    fire(form, 'submit');
    await settle();
    input.value = 'fast';
    fire(form, 'submit');
    await settle();
    index.held.get('slow')!();
    await settle();
    expect(status()).toBe('2 pages match “fast”.');
    expect(results()).toHaveLength(2);
  });

  it('says when the index cannot be loaded', async () => {
    // The build wrote no index: importing it fails.
    vi.doMock('/pagefind/pagefind.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { form, input, status, results } = await mount();
    input.value = 'dark';
    fire(form, 'submit');
    await settle();
    expect(results()).toHaveLength(0);
    expect(status()).toBe(
      'The search index could not be loaded. It is built with the site (npm run build); the chapter list on the home page has everything.',
    );
  });
});
