/**
 * Every number in a chapter's prose is computed by the site (<Num of="…" />) or quoted from a
 * cited source (<Quoted cite="…">…</Quoted> with [@…]); see prose-scan.ts for exactly what
 * counts as a number in prose and the few allowances. First the rule on small examples (so a
 * rule that cannot fail would show here), then every chapter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProseName } from '../../src/lib/prose/index.ts';
import { ALLOWANCES, scanChapter, strayNumbers, type ScanContext } from './prose-scan.ts';
import { scanTemplate, TEMPLATE_ALLOWANCES } from './template-scan.ts';

const CHAPTERS = 'src/content/chapters';
const LAB = 'src/components/lab';
const bibKeys = new Set(
  [...readFileSync('src/data/references.bib', 'utf8').matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1] as string),
);
const context: ScanContext = { isValue: isProseName, bibKeys };
const scan = (mdx: string) => scanChapter(mdx, context);
const numbers = (mdx: string) => scan(mdx).findings.map((f) => f.text);

describe('what counts as a number in prose', () => {
  it('finds digits in running text, headings, list items, table cells and captions', () => {
    expect(numbers('The error is 0.76 px.')).toEqual(['0.76']);
    expect(numbers('## Stride 4 and beyond')).toEqual(['4']);
    expect(numbers('- a 5,000-sample sweep')).toEqual(['5,000']);
    expect(numbers('| a | b |\n| --- | --- |\n| HRNet | 74.4 |')).toEqual(['74.4']);
    expect(
      numbers('<Figure id="f">\n  <Fragment slot="caption">\n    On a 48 × 64 heatmap.\n  </Fragment>\n</Figure>'),
    ).toEqual(['48', '64']);
  });

  it('finds numbers in the frontmatter’s title and summary, which cannot hold <Num>', () => {
    const mdx = '---\ntitle: Ten of them\nsummary: "Errors of 2 px, and 1-D vectors."\norder: 3\n---\n\nText.';
    expect(numbers(mdx)).toEqual(['2']);
  });

  it('reports numbers written as math, and approximate results in math, but not formulas', () => {
    expect(numbers('moves $0.25$ on both axes')).toEqual(['0.25']);
    expect(numbers('a $256 \\times 192$ crop')).toEqual(['256 \\times 192']);
    expect(numbers('$\\lambda / \\sqrt2 \\approx 2.83$ pixels')).toEqual(['\\lambda / \\sqrt2 \\approx 2.83']);
    expect(numbers('with $k = 2$ and $\\exp(-x^2/2\\sigma^2)$, and\n\n$$\np = m + 0.25\\,s\n$$')).toEqual([]);
  });

  it('leaves out code, imports, props, citations, the reference marker and list numbering', () => {
    const mdx = [
      "import Exercise from '../x.astro';",
      '',
      'Call `decode(3)`, see [@zhang2020dark; @li2022simcc].',
      '',
      '<Exercise id="ex-1-2" samples={5000} />',
      '',
      '1. first',
      '2. second',
      '',
      '```ts',
      'const k = 11;',
      '```',
      '',
      '[^ref]',
    ].join('\n');
    expect(numbers(mdx)).toEqual([]);
  });

  it('allows only the listed cross-references, names and operator shapes', () => {
    expect(strayNumbers('figure 2.1, figures 5.3 and 5.4, chapters 2 to 6, chapters 2–4, step 5')).toEqual([]);
    expect(strayNumbers('a 1-D vector, a 3 × 3 convolution, a 2 × 2 matrix')).toEqual([]);
    expect(strayNumbers('HRNet-W32, ResNet-50 on COCO val2017 in float16')).toEqual([]);
    // Only square shapes up to 3 × 3, and a figure's number, not what follows it.
    expect(strayNumbers('a 4 × 4 grid').map((n) => n.number)).toEqual(['4', '4']);
    expect(strayNumbers('a 3 × 5 kernel').map((n) => n.number)).toEqual(['3', '5']);
    expect(strayNumbers('figure 2.1 shows 30 peaks').map((n) => n.number)).toEqual(['30']);
    expect(strayNumbers('a stride-4 map').map((n) => n.number)).toEqual(['4']);
    expect(ALLOWANCES.map((a) => a.name)).toEqual([
      'cross-reference',
      'dimension name',
      'operator shape',
      'name with digits',
    ]);
  });
});

describe('computed and quoted numbers', () => {
  it('accepts <Num> with a registered name, and rejects unknown names, children and computed props', () => {
    expect(scan('The error is <Num of="decoderTable.quarter.unbiased" digits={3} unit="px" />.').findings).toEqual([]);
    expect(scan('The error is <Num of="decoderTable.quarter.unbiased" />.').computed).toEqual([
      { name: 'decoderTable.quarter.unbiased', line: 1 },
    ]);
    const typo = scan('The error is <Num of="decoderTable.quater.unbiased" />.').findings;
    expect(typo.map((f) => f.problem)).toEqual([
      '<Num of="decoderTable.quater.unbiased">: no such value in src/lib/prose',
    ]);
    expect(scan('<Num of="crop.stride">4</Num>').findings).toHaveLength(1);
    expect(scan('<Num of={name} />').findings).toHaveLength(1);
  });

  it('accepts <Quoted> with a bibliography key cited in the same paragraph or block', () => {
    expect(scan('The zoo lists <Quoted cite="mmpose2020">63.3</Quoted> AP [@mmpose2020].').findings).toEqual([]);
    const block =
      '<Quoted cite="simcc2021repo" block>\n\n| a |\n| --- |\n| 45.8 |\n\nSource [@simcc2021repo].\n\n</Quoted>';
    expect(scan(block).findings).toEqual([]);
    expect(scan(block).quoted.map((q) => q.cite)).toEqual(['simcc2021repo']);
  });

  it('rejects a quote without its citation beside it, or with a key the bibliography lacks', () => {
    expect(scan('The zoo lists <Quoted cite="mmpose2020">63.3</Quoted> AP.').findings).toHaveLength(1);
    expect(scan('Lists <Quoted cite="mmpose2020">63.3</Quoted> AP [@li2022simcc].').findings).toHaveLength(1);
    expect(scan('Lists <Quoted cite="nobody2099">63.3</Quoted> AP [@nobody2099].').findings).toHaveLength(1);
  });
});

describe('the chapters', () => {
  const files = readdirSync(CHAPTERS).filter((f) => f.endsWith('.mdx'));

  it('are all scanned', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    it(`${file}: every number in its prose is computed or quoted with its citation`, () => {
      const result = scan(readFileSync(`${CHAPTERS}/${file}`, 'utf8'));
      const report = result.findings.map(
        (f) => `${file}:${f.line}:${f.column} "${f.text}" — ${f.problem}\n    ${f.context}`,
      );
      expect(report).toEqual([]);
    });
  }
});

describe("the Lab's help, labels and legends", () => {
  const found = (astro: string) => scanTemplate(astro).map((f) => f.number);

  it('finds digits in text and in the attributes a reader sees or hears', () => {
    expect(found('<p class="help">The Lab starts at β = 20.</p>')).toEqual(['20']);
    expect(found('<MapPanel name="zoom" label="7 × 7 cells around the maximum" />')).toEqual(['7', '7']);
    expect(found('<button aria-label="Previous 3 maps">←</button>')).toEqual(['3']);
    expect(found('{open && <p>Only 5 px.</p>}')).toEqual(['5']);
  });

  it('leaves out expressions, code, machinery attributes and the allowances', () => {
    expect(found('<p>β = {params.beta.default}, <code>sigma=6.0</code>, {ok ? "a 5" : `b ${2}`}</p>')).toEqual([]);
    expect(found('<input data-n="12" min="0" max="64" />')).toEqual([]);
    expect(found('<h2>1. Inputs</h2><th>PCK@0.05</th><th>AP75</th><th>Shift 1</th><p>COCO-17, 0-based</p>')).toEqual(
      [],
    );
    expect(TEMPLATE_ALLOWANCES.map((a) => a.name)).toEqual([
      'numbered part',
      'metric name',
      'format name',
      'flip setting',
    ]);
  });

  const templates = [
    'src/pages/lab.astro',
    ...readdirSync(LAB)
      .filter((f) => f.endsWith('.astro'))
      .map((f) => `${LAB}/${f}`),
  ];

  it('are all scanned', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of templates) {
    it(`${file}: every number it shows comes from the code`, () => {
      const report = scanTemplate(readFileSync(file, 'utf8')).map(
        (f) => `${file}:${f.line} "${f.number}" in "${f.context}"`,
      );
      expect(report).toEqual([]);
    });
  }
});
