/** src/data/figures.json against the chapters: every figure listed once, numbered in order, in its chapter. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  id: string;
  chapter: string;
  number: string;
  store?: string;
}
const figures = JSON.parse(readFileSync('src/data/figures.json', 'utf8')) as Entry[];
const dir = 'src/content/chapters';
const chapters = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => [f.replace(/\.mdx$/, ''), readFileSync(`${dir}/${f}`, 'utf8')]),
);

describe('the figure catalogue', () => {
  it('lists every <Figure> of every chapter exactly once, and nothing else', () => {
    const used = Object.entries(chapters).flatMap(([slug, text]) =>
      [...text.matchAll(/<Figure id="([^"]+)"/g)].map((m) => `${slug}#${m[1]}`),
    );
    expect(used.sort()).toEqual(figures.map((f) => `${f.chapter}#${f.id}`).sort());
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });

  it('numbers each chapter’s figures 1, 2, 3… in reading order, under the chapter’s number', () => {
    for (const [slug, text] of Object.entries(chapters)) {
      const order = Number(/^order: (\d+)$/m.exec(text)?.[1]);
      const ids = [...text.matchAll(/<Figure id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.map((id) => figures.find((f) => f.id === id)?.number)).toEqual(ids.map((_, i) => `${order}.${i + 1}`));
      // A live figure's store is its chapter's.
      for (const id of ids) {
        const store = figures.find((f) => f.id === id)?.store;
        if (store) expect(store, `${slug} ${id}`).toBe(`ch${order}`);
      }
    }
  });
});
