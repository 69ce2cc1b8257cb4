/**
 * The addresses a figure hands out: a permalink to the chapter in the current state, an
 * embed page's address with only the figure's own state and the controls to hide, and the
 * iframe snippet for a course page. Pure functions of the current location.
 */

/** Where a page is: the parts of `location` these functions read. */
export interface Place {
  origin: string;
  pathname: string;
  search: string;
}

/** The chapter at this state, scrolled to the figure. */
export function permalink(place: Place, figureId: string): string {
  return `${place.origin}${place.pathname}${place.search}#${figureId}`;
}

/** A control's name as the URL's `hide` list carries it: a figure parameter's name. */
const CONTROL_NAME = /^[a-z][a-zA-Z0-9-]{0,30}$/;
/** At most this many names are read from `hide`, so a hostile URL cannot make the page do much. */
const MAX_HIDDEN = 24;

/** The embed page of `figureId`, keeping only the store's parameters, hiding `hidden` controls. */
export function embedUrl(
  place: Place,
  figureId: string,
  store: string | undefined,
  hidden: readonly string[] = [],
): string {
  const from = new URLSearchParams(place.search);
  const to = new URLSearchParams();
  if (store) for (const [key, value] of from) if (key.startsWith(`${store}.`)) to.append(key, value);
  const names = hidden.filter((h) => CONTROL_NAME.test(h));
  if (names.length) to.set('hide', names.join(','));
  const query = to.toString().replaceAll('%2C', ',');
  return `${place.origin}/embed/${figureId}/${query ? `?${query}` : ''}`;
}

/** The controls an embed page was asked to hide: valid names only, at most MAX_HIDDEN. */
export function hiddenControls(search: string): string[] {
  const raw = new URLSearchParams(search).get('hide') ?? '';
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => CONTROL_NAME.test(s)),
    ),
  ].slice(0, MAX_HIDDEN);
}

const escapeAttribute = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * What to paste into a course page: the iframe, at a starting height, and (when `script` is
 * given) the site's small `embed.js`, which makes every Subpixel iframe on the host page as
 * tall as its figure, whatever the reader does in it. A host that strips scripts keeps the
 * iframe at its starting height.
 */
export function iframeSnippet(src: string, title: string, height: number, script?: string): string {
  const h = Math.max(200, Math.min(2400, Math.round(height)));
  const frame =
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${h}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`;
  if (!script) return frame;
  return `${frame}\n<!-- Makes the frame follow the figure's height. -->\n<script src="${escapeAttribute(script)}" async></script>`;
}
