/**
 * The search page: queries the Pagefind index the build wrote to /pagefind/ (loaded on first
 * use), lists the matching pages with their best sections and an excerpt, and keeps the query
 * in the URL so that a search can be linked.
 */

/** The part of Pagefind's browser API this page uses. */
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PageData> }[] }>;
}
interface PageData {
  url: string;
  /** HTML: Pagefind escapes the page's text and marks the matches with <mark>. */
  excerpt: string;
  meta: { title?: string };
  /** Word positions of the matches in the page's text. */
  locations: number[];
  sub_results?: { title: string; url: string; excerpt: string }[];
}

const INDEX = '/pagefind/pagefind.js';
const SHOWN = 10;
const MAX_QUERY = 200;
const TYPING_PAUSE_MS = 200;

let pagefind: Promise<Pagefind> | undefined;
const load = (): Promise<Pagefind> => (pagefind ??= import(/* @vite-ignore */ INDEX) as Promise<Pagefind>);

function resultItem(page: PageData): HTMLLIElement {
  const li = document.createElement('li');
  const title = document.createElement('a');
  title.className = 'result-title';
  title.href = page.url;
  title.textContent = page.meta.title ?? page.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.innerHTML = page.excerpt;
  li.append(title, excerpt);
  // The sections that match, beyond the page's top (Pagefind's first sub-result is often the page itself).
  const sections = (page.sub_results ?? []).filter((s) => s.url !== page.url).slice(0, 3);
  if (sections.length) {
    const list = document.createElement('ul');
    list.className = 'result-sections';
    for (const s of sections) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = s.url;
      a.textContent = s.title;
      item.append(a);
      list.append(item);
    }
    li.append(list);
  }
  return li;
}

export function mountSearch(form: HTMLFormElement): void {
  const input = form.querySelector('input') as HTMLInputElement;
  const status = document.querySelector('[data-role="search-status"]') as HTMLElement;
  const list = document.querySelector('[data-role="search-results"]') as HTMLOListElement;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (raw: string): Promise<void> => {
    const query = raw.trim().slice(0, MAX_QUERY);
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    try {
      const search = await (await load()).search(query);
      // Pagefind also returns pages where no word of the query occurs (no locations): left out.
      const all = await Promise.all(search.results.map((r) => r.data()));
      const pages = all.filter((page) => page.locations.length > 0);
      if (ticket !== latest) return;
      list.replaceChildren(...pages.slice(0, SHOWN).map(resultItem));
      const n = pages.length;
      status.textContent = n
        ? `${n} ${n === 1 ? 'page matches' : 'pages match'} “${query}”${n > SHOWN ? `; the first ${SHOWN} are shown` : ''}.`
        : `No page matches “${query}”.`;
    } catch {
      if (ticket !== latest) return;
      list.replaceChildren();
      status.textContent =
        'The search index could not be loaded. It is built with the site (npm run build); the chapter list on the home page has everything.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), TYPING_PAUSE_MS);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial.slice(0, MAX_QUERY);
    void run(initial);
  }
}
