/**
 * The corrections log (src/data/corrections.json) is shown as plain text on /corrections/: no
 * TeX, which the page would print raw, and every chapter and figure it names exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  id: string;
  date: string;
  chapter?: string;
  figure?: string;
  summary: string;
  details?: string;
}

const entries = JSON.parse(readFileSync('src/data/corrections.json', 'utf8')) as Entry[];
const CHAPTERS = 'src/content/chapters';

/** TeX the page would show as typed: a dollar sign, a backslash command, a braced super- or subscript. */
const TEX = /\$|\\[a-zA-Z]+|[\^_]\{/;

describe('the corrections log', () => {
  it('has entries with unique ids', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('recognises TeX (so the check below can fail)', () => {
    expect(TEX.test('the mean of e^{βz}')).toBe(true);
    expect(TEX.test('L = L_{euc}')).toBe(true);
    expect(TEX.test('$x$')).toBe(true);
    expect(TEX.test('\\lambda')).toBe(true);
    expect(TEX.test('the mean of exp(βz), L_euc in words')).toBe(false);
  });

  it('writes formulas in plain text', () => {
    const raw = entries.filter((e) => TEX.test(`${e.summary} ${e.details ?? ''}`)).map((e) => e.id);
    expect(raw).toEqual([]);
  });

  it('names chapters and figures that exist', () => {
    const chapters = new Set(readdirSync(CHAPTERS).map((f) => f.replace(/\.mdx$/, '')));
    for (const e of entries.filter((x) => x.chapter)) {
      expect(chapters.has(e.chapter as string), `${e.id}: ${e.chapter}`).toBe(true);
      if (!e.figure) continue;
      const mdx = readFileSync(`${CHAPTERS}/${e.chapter}.mdx`, 'utf8');
      expect(mdx.includes(`<Figure id="${e.figure}"`), `${e.id}: ${e.figure}`).toBe(true);
    }
  });
});
