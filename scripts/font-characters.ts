/**
 * The characters the site can show, for cutting its fonts (scripts/subset-fonts.ts) and for
 * checking that a build shows no other (scripts/size-report.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string, pattern: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, pattern, out);
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** A page's characters: its markup with entities decoded, less its scripts and styles. */
export function htmlCharacters(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

/** Characters a font may be asked for: printable, not control characters or line breaks. */
const shown = (c: string): boolean => (c.codePointAt(0) as number) >= 0x20 && c !== '\u007f';

/** Every character of the built pages and their JavaScript (under `dist`). */
export function builtCharacters(dist: string): Set<string> {
  const out = new Set<string>();
  for (const file of walk(dist, /\.html$/)) for (const c of htmlCharacters(readFileSync(file, 'utf8'))) out.add(c);
  for (const file of walk(join(dist, '_astro'), /\.js$/)) for (const c of readFileSync(file, 'utf8')) out.add(c);
  return new Set([...out].filter(shown));
}

/**
 * Printable ASCII, every character of the built site under `dist` (which must exist), and
 * every character of the sources under `src`.
 */
export function siteCharacters(dist: string, src: string): Set<string> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No build in ${dist}: run npm run build first.`);
  const out = builtCharacters(dist);
  for (let cp = 0x20; cp < 0x7f; cp++) out.add(String.fromCodePoint(cp));
  // Not the fonts' own list (src/fonts/subset.json): a character no longer used drops out.
  const sources = walk(src, /\.(ts|astro|mdx|json|css|bib)$/).filter((f) => !f.startsWith(join(src, 'fonts')));
  for (const file of sources) {
    for (const c of readFileSync(file, 'utf8')) if (shown(c)) out.add(c);
  }
  return out;
}
