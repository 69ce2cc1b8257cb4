/**
 * Writes the site's web fonts, cut down to the characters the site uses, into src/fonts/:
 * `npm run fonts` (after `npm run build`, whose pages it reads).
 *
 * The characters are every one in the built pages (their text and attributes, not their
 * scripts or styles), in the built JavaScript (text the figures write at run time, Plot's
 * minus sign), and in the sources under src/, plus printable ASCII. Each face starts from
 * Fontsource's files, which split a font by script (latin, latin-ext, greek…); every split
 * that holds a used character becomes one subset file, with a `unicode-range` of exactly the
 * characters it covers, so a character outside them falls back to the next font and never
 * loads a file. Source Serif 4 and Inter come from their `wght` files (the weight axis,
 * without Source Serif's optical-size axis), the weight range cut to the 400–700 the styles
 * use; KaTeX's fonts from KaTeX's own files. HarfBuzz (through `subset-font`) does the cutting,
 * and the same inputs give the same bytes: run it twice and git sees no change.
 *
 * It also writes src/fonts/fonts.css (every @font-face, `font-display: swap` so that text is
 * never hidden while a font loads) and src/fonts/subset.json (the characters, which
 * `npm run size` compares with a new build's).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { siteCharacters } from './font-characters.ts';

const OUT = 'src/fonts';
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

interface Face {
  /** File-name stem of the subsets. */
  name: string;
  family: string;
  style: 'normal' | 'italic';
  weight: string;
  /** The Fontsource package and its file for a split: `files/<prefix><split><suffix>`. */
  pkg: string;
  prefix: string;
  suffix: string;
  /** Axes to narrow, as subset-font takes them. */
  axes?: Record<string, { min: number; max: number }>;
}

const WEIGHTS = { wght: { min: 400, max: 700 } };
const FACES: Face[] = [
  {
    name: 'serif',
    family: 'Source Serif 4 Variable',
    style: 'normal',
    weight: '400 700',
    pkg: '@fontsource-variable/source-serif-4',
    prefix: 'source-serif-4-',
    suffix: '-wght-normal.woff2',
    axes: WEIGHTS,
  },
  {
    name: 'serif-italic',
    family: 'Source Serif 4 Variable',
    style: 'italic',
    weight: '400 700',
    pkg: '@fontsource-variable/source-serif-4',
    prefix: 'source-serif-4-',
    suffix: '-wght-italic.woff2',
    axes: WEIGHTS,
  },
  {
    name: 'inter',
    family: 'Inter Variable',
    style: 'normal',
    weight: '400 700',
    pkg: '@fontsource-variable/inter',
    prefix: 'inter-',
    suffix: '-wght-normal.woff2',
    axes: WEIGHTS,
  },
  {
    name: 'mono',
    family: 'IBM Plex Mono',
    style: 'normal',
    weight: '400',
    pkg: '@fontsource/ibm-plex-mono',
    prefix: 'ibm-plex-mono-',
    suffix: '-400-normal.woff2',
  },
];

/** The code points of a CSS unicode-range ("U+0000-00FF,U+0131"). */
function inRange(range: string): (cp: number) => boolean {
  const spans = range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo as string, 16), parseInt((hi ?? lo) as string, 16)] as const;
  });
  return (cp) => spans.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** A CSS unicode-range listing exactly these code points, runs joined. */
function unicodeRange(cps: number[]): string {
  const sorted = [...cps].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i] as number)}` : `U+${hex(sorted[i] as number)}-${hex(sorted[j] as number)}`);
    i = j + 1;
  }
  return parts.join(',');
}

const fontFace = (family: string, style: string, weight: string, file: string, range?: string) =>
  [
    '@font-face {',
    `  font-family: ${family.includes(' ') ? `'${family}'` : family};`,
    `  font-style: ${style};`,
    `  font-weight: ${weight};`,
    '  font-display: swap;',
    `  src: url(./${file}) format('woff2');`,
    ...(range ? [`  unicode-range: ${range};`] : []),
    '}',
  ].join('\n');

async function main(): Promise<void> {
  const chars = siteCharacters('dist', 'src');
  const cps = [...chars].map((c) => c.codePointAt(0) as number);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const css: string[] = ['/* Written by scripts/subset-fonts.ts (npm run fonts): do not edit. */'];
  const files: Record<string, number> = {};

  for (const face of FACES) {
    const dir = packageDir(face.pkg);
    const splits = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    // Latin first: a code point listed in two splits (U+0304…) goes to the one every page loads.
    const order = ['latin', ...Object.keys(splits).filter((s) => s !== 'latin')];
    const taken = new Set<number>();
    for (const split of order) {
      const covers = inRange(splits[split] as string);
      const mine = cps.filter((cp) => !taken.has(cp) && covers(cp));
      if (mine.length === 0) continue;
      for (const cp of mine) taken.add(cp);
      const source = readFileSync(join(dir, 'files', `${face.prefix}${split}${face.suffix}`));
      const text = String.fromCodePoint(...mine);
      const out = await subsetFont(source, text, {
        targetFormat: 'woff2',
        ...(face.axes ? { variationAxes: face.axes } : {}),
      });
      const file = `${face.name}-${split}.woff2`;
      writeFileSync(join(OUT, file), out);
      files[file] = out.length;
      css.push(fontFace(face.family, face.style, face.weight, file, unicodeRange(mine)));
    }
  }

  // KaTeX: its own faces (family, style, weight and file read from its stylesheet), each cut
  // to the same characters; the stylesheet's own @font-face rules are dropped at build time
  // (astro.config.mjs), since they hide the formulas' text while the fonts load.
  const katexDir = packageDir('katex');
  const katexCss = readFileSync(join(katexDir, 'dist/katex.min.css'), 'utf8');
  for (const [rule] of katexCss.matchAll(/@font-face\{[^}]*\}/g)) {
    const family = (/font-family:([^;]+);/.exec(rule)?.[1] as string).replace(/["']/g, '');
    const style = /font-style:([^;]+);/.exec(rule)?.[1] as string;
    const weight = /font-weight:([^;]+);/.exec(rule)?.[1] as string;
    const src = /url\(([^)]+\.woff2)\)/.exec(rule)?.[1] as string;
    const out = await subsetFont(readFileSync(join(katexDir, 'dist', src)), String.fromCodePoint(...cps), {
      targetFormat: 'woff2',
    });
    const file = `katex-${src
      .replace(/^fonts\/KaTeX_/, '')
      .replace(/\.woff2$/, '')
      .toLowerCase()}.woff2`;
    writeFileSync(join(OUT, file), out);
    files[file] = out.length;
    css.push(fontFace(family, style, weight, file));
  }

  writeFileSync(join(OUT, 'fonts.css'), css.join('\n\n') + '\n');
  writeFileSync(join(OUT, 'subset.json'), JSON.stringify({ characters: [...chars].sort().join('') }, null, 2) + '\n');
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  console.table(Object.entries(files).map(([file, bytes]) => ({ file, KB: Number((bytes / 1024).toFixed(1)) })));
  console.log(
    `${readdirSync(OUT).filter((f) => f.endsWith('.woff2')).length} files, ${(total / 1024).toFixed(0)} KB, ${chars.size} characters`,
  );
}

await main();
