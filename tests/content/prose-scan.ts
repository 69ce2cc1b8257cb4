/**
 * The prose-number rule (issue 19): every number a chapter's prose states is either computed
 * by the site at build time (`<Num of="…" />`, a name in src/lib/prose) or quoted from a cited
 * source (`<Quoted cite="key">…</Quoted>` with a `[@key]` citation of the same reference beside
 * it). This module finds the numbers that are neither; prose-numbers.test.ts runs it on every
 * chapter.
 *
 * What counts as "a number in prose": any run of digits in the text a reader sees, that is
 * the chapter's paragraphs, headings, list items, table cells, figure captions, margin notes
 * and the frontmatter's title and summary, parsed as MDX (remark-mdx, remark-gfm, remark-math,
 * as the site builds it). Not prose, so never checked:
 *
 * - math (`$…$`, `$$…$$`): its digits are the constants of formulas (2σ², ½, `k = 2`), and a
 *   formula cannot hold a component. Two kinds of math are numbers in disguise and are
 *   reported: a span with no variable at all (`$0.25$`, `$256 \times 192$`, `$10^{-4}$`), and
 *   a span that states an approximate value (`\approx` followed by digits), which is a result;
 * - code (`` `…` `` and fenced blocks), imports, expressions, and every component's props
 *   (`<Exercise id="ex-1-1" />`, `samples={5000}`): they are the page's machinery;
 * - citations `[@key]` (their keys hold years) and the reference-list marker `[^ref]`;
 * - list numbering, which Markdown does not keep in the text.
 *
 * Inside the text, four narrow allowances (ALLOWANCES, each with its reason) are removed
 * before looking for digits: cross-references to the site's own numbered things (figure
 * 2.1, chapters 2 to 6, step 5 of a figure's stepper); the names "1-D", "2-D" and "3-D";
 * the operator shapes 1 × 1, 2 × 2 and 3 × 3 (a 3 × 3 convolution is the name of an
 * operation, not a measurement); and the names of models, data splits and number types
 * that carry digits (HRNet-W32, ResNet-50, val2017, float16). Everything else with a digit
 * in it is a finding.
 */
import type { Node, Parent } from 'unist';
import type { Root, RootContent, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One allowance: a pattern removed from prose text before digits are looked for, and why. */
export interface Allowance {
  name: string;
  pattern: RegExp;
  why: string;
}

const ref = String.raw`\d+(?:\.\d+)?`;
const refList = String.raw`${ref}(?:\s*(?:,|and|or|to|–|-)\s*${ref})*`;

/** The allowances, in the order they are applied. Keep this list short. */
export const ALLOWANCES: readonly Allowance[] = [
  {
    name: 'cross-reference',
    pattern: new RegExp(String.raw`\b(?:figures?|chapters?|sections?|steps?)\s+${refList}`, 'gi'),
    why: "a pointer to the site's own numbered figure, chapter, section or stepper step (or a paper's figure), not a quantity",
  },
  {
    name: 'dimension name',
    pattern: /\b[123]-D\b/g,
    why: '"1-D", "2-D" and "3-D" name a kind of object (a 1-D vector), they measure nothing',
  },
  {
    name: 'operator shape',
    pattern: /\b([123]) × \1\b/g,
    why: 'a 1 × 1 or 3 × 3 convolution, a 2 × 2 matrix: the name of an operation, not a measurement',
  },
  {
    name: 'name with digits',
    pattern: /\b(?:HRNet-W\d+|ResNet-\d+|SimpleBaseline-R\d+|(?:val|train|test-dev)20\d\d|float(?:16|32|64))\b/g,
    why: 'a model (HRNet-W32, ResNet-50), a data split (val2017) or a number type (float16) is named by its digits',
  },
];

/** A number in prose that is neither computed nor quoted, or a misused component. */
export interface Finding {
  line: number;
  column: number;
  /** The offending number (or component), and the text around it. */
  text: string;
  context: string;
  problem: string;
}

/** A computed number: `<Num of="name" … />`, with its props. */
export interface ComputedUse {
  name: string;
  line: number;
  digits?: number;
  unit?: string;
}

/** A quoted span: `<Quoted cite="key">…</Quoted>` and its text. */
export interface QuotedUse {
  cite: string;
  text: string;
  line: number;
}

/** Everything the scan saw in one chapter. */
export interface ScanResult {
  findings: Finding[];
  computed: ComputedUse[];
  quoted: QuotedUse[];
}

/** What the scan needs to know: the computed values' names and the bibliography's keys. */
export interface ScanContext {
  isValue: (name: string) => boolean;
  bibKeys: ReadonlySet<string>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm);

/** Node types whose text is not prose (see the module's comment). */
const SKIPPED = new Set([
  'code',
  'inlineCode',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'footnoteReference',
  'footnoteDefinition',
  'definition',
  'html',
]);

const CITATION = /\[(?:-?@[\w:.-]+(?:\s*;\s*-?@[\w:.-]+)*)\]/g;
const CITED_KEYS = /@([\w:.-]+)/g;
const FOOTNOTE_MARKER = /\[\^[^\]]*\]/g;
const APPROX_VALUE = /\\approx\s*[-+]?\d/;
/** What a math span of numbers alone is made of: digits, operators, spacing, braces, \times and \cdot. */
const NUMBER_ONLY_MATH = /^(?:[\d\s.,{}^_+\-−×/%()]|\\(?:times|cdot|,|;|!|%| ))*$/;

/** The keys cited by `[@a; @b]` citations in a piece of text. */
export function citedKeys(text: string): string[] {
  const keys: string[] = [];
  for (const citation of text.match(CITATION) ?? []) {
    for (const m of citation.matchAll(CITED_KEYS)) keys.push(m[1] as string);
  }
  return keys;
}

/** The digits left in `text` once citations and the allowances are removed: each with its offset. */
export function strayNumbers(text: string): { number: string; index: number }[] {
  let cleaned = text
    .replace(CITATION, (m) => ' '.repeat(m.length))
    .replace(FOOTNOTE_MARKER, (m) => ' '.repeat(m.length));
  for (const { pattern } of ALLOWANCES) cleaned = cleaned.replace(pattern, (m) => ' '.repeat(m.length));
  return [...cleaned.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => ({ number: m[0], index: m.index }));
}

/** The plain text of a subtree: text, inline math and the text inside components. */
function plainText(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parent).children.map(plainText).join('');
  return '';
}

function attribute(el: MdxJsxFlowElement | MdxJsxTextElement, name: string): MdxJsxAttribute | undefined {
  return el.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** A prop's literal value: a string, or a number written as `{3}`; undefined if absent or not literal. */
function literal(el: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | number | undefined | null {
  const a = attribute(el, name);
  if (!a) return undefined;
  if (typeof a.value === 'string') return a.value;
  if (a.value && /^\s*-?\d+(\.\d+)?\s*$/.test(a.value.value)) return Number(a.value.value);
  return null;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableRow', 'listItem', 'mdxJsxFlowElement']);

/**
 * Scans one chapter's MDX source: the numbers in its prose that are neither computed nor
 * quoted, and every computed and quoted number it holds.
 */
export function scanChapter(source: string, context: ScanContext): ScanResult {
  const findings: Finding[] = [];
  const computed: ComputedUse[] = [];
  const quoted: QuotedUse[] = [];

  // The frontmatter is YAML: its title and summary are prose (shown on the page and the index).
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  let body = source;
  if (front) {
    const lines = (front[1] as string).split('\n');
    lines.forEach((text, i) => {
      const field = /^(title|summary):\s*(.*)$/.exec(text);
      if (!field) return;
      for (const n of strayNumbers(field[2] as string)) {
        findings.push({
          line: i + 2,
          column: 1,
          text: n.number,
          context: text,
          problem: `a number in the frontmatter's ${field[1]}, which cannot hold <Num>: say it in words or move it to the text`,
        });
      }
    });
    // Keep line numbers: blank the frontmatter instead of cutting it.
    body = source.slice(0, front[0].length).replace(/[^\n]/g, ' ') + source.slice(front[0].length);
  }

  const tree = parser.parse(body) as Root;
  const sourceLines = body.split('\n');

  const report = (node: Node, text: string, problem: string, offset = 0): void => {
    const start = node.position?.start ?? { line: 0, column: 0 };
    const line = sourceLines[start.line - 1] ?? '';
    findings.push({ line: start.line, column: start.column + offset, text, context: line.trim(), problem });
  };

  const visit = (node: Node, ancestors: Node[]): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'math' || node.type === 'inlineMath') {
      const value = (node as unknown as { value: string }).value;
      if (APPROX_VALUE.test(value))
        report(node, value, 'a math span that states an approximate value: the value is a result, use <Num>');
      else if (/\d/.test(value) && NUMBER_ONLY_MATH.test(value))
        report(node, value, 'a number written as math (no variable in it): use <Num> or <Quoted>');
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const el = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (el.name === 'Num') {
        const name = literal(el, 'of');
        const digits = literal(el, 'digits');
        const unit = literal(el, 'unit');
        if (typeof name !== 'string') report(node, '<Num>', '<Num> needs a literal of="name"');
        else if (!context.isValue(name)) report(node, name, `<Num of="${name}">: no such value in src/lib/prose`);
        else
          computed.push({
            name,
            line: node.position?.start.line ?? 0,
            ...(typeof digits === 'number' ? { digits } : {}),
            ...(typeof unit === 'string' ? { unit } : {}),
          });
        if (digits === null || typeof digits === 'string') report(node, '<Num>', 'digits must be a literal number');
        if (el.children.length) report(node, '<Num>', '<Num> takes no children: the value is computed');
        return;
      }
      if (el.name === 'Quoted') {
        const cite = literal(el, 'cite');
        const text = plainText(el);
        if (typeof cite !== 'string' || !context.bibKeys.has(cite)) {
          report(node, text, `<Quoted cite="${String(cite)}">: the cite is not a key of src/data/references.bib`);
          return;
        }
        // The reader must see the source: the same reference is cited in the quote or its block.
        const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type));
        const around = `${text} ${block ? plainText(block) : ''}`;
        if (!citedKeys(around).includes(cite))
          report(node, text, `<Quoted cite="${cite}">: no [@${cite}] citation in the same paragraph, row or block`);
        quoted.push({ cite, text, line: node.position?.start.line ?? 0 });
        return;
      }
    }
    if (node.type === 'text') {
      const value = (node as Text).value;
      for (const n of strayNumbers(value)) {
        const before = value.slice(0, n.index);
        const lineOffset = before.split('\n').length - 1;
        const start = node.position?.start ?? { line: 0, column: 0 };
        const line = start.line + lineOffset;
        findings.push({
          line,
          column: lineOffset ? n.index - before.lastIndexOf('\n') : start.column + n.index,
          text: n.number,
          context: (sourceLines[line - 1] ?? '').trim(),
          problem: 'a number in prose that is neither computed (<Num>) nor quoted with its citation (<Quoted>)',
        });
      }
      return;
    }
    if ('children' in node) {
      for (const child of (node as Parent).children as RootContent[]) visit(child, [...ancestors, node]);
    }
  };
  visit(tree, []);
  return { findings, computed, quoted };
}
