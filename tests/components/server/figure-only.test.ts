import { describe, expect, it } from 'vitest';
import { figureOnly } from '../../../src/components/server/figure-only.ts';

const figure = (id: string, inner: string) =>
  `<figure id="${id}" class="figure l-page" aria-labelledby="${id}-caption">${inner}</figure>`;

describe('figureOnly(html, id)', () => {
  it('keeps the figure byte for byte: nested figures, SVG, MathML and its own scripts; drops the rest', () => {
    const inner =
      '<grid-figure data-x="1 &amp; 2"><svg viewBox="0 0 4 4"><path d="M0 0L4 4"/><text>a < b</text></svg>' +
      '<figure id="inner"><img src="a.png" alt=""></figure></grid-figure>' +
      '<script type="module" src="/_astro/Grid.js"></script>' +
      '<figcaption id="fig-a-caption"><math><mi>μ</mi></math> <b>Figure 1.1</b></figcaption>';
    const html = `<p>Prose <span class="katex">x</span></p>${figure('fig-a', inner)}<aside class="exercise"><exercise-check></exercise-check></aside>${figure('fig-b', '<p>b</p>')}<script type="module" src="/_astro/Exercise.js"></script>`;
    expect(figureOnly(html, 'fig-a')).toBe(figure('fig-a', inner));
    expect(figureOnly(html, 'fig-b')).toBe(figure('fig-b', '<p>b</p>'));
  });

  it('refuses a chapter with no such figure, or with two', () => {
    expect(() => figureOnly('<p>no figure</p>', 'fig-a')).toThrow('has 0 <figure id="fig-a">');
    expect(() => figureOnly(figure('fig-a', '') + figure('fig-a', ''), 'fig-a')).toThrow('has 2');
    // An element of another kind with the id is not the figure.
    expect(() => figureOnly('<div id="fig-a"></div>', 'fig-a')).toThrow('has 0');
  });
});
