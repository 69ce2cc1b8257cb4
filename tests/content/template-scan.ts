/**
 * The prose-number rule (prose-scan.ts) for text that lives in components rather than chapters:
 * the Decoder Lab's help, labels and legends. An Astro template is parsed with Astro's own
 * compiler (`@astrojs/compiler-rs`, an ESTree JSX tree); what a reader sees is its text and the
 * attributes that a browser shows or reads aloud (TEXT_ATTRIBUTES). Expressions (`{…}`) are the
 * page's machinery: a number they put on the page comes from the code, so their strings are not
 * scanned, though elements written inside them are. Code (`<code>`, `<kbd>`, `<pre>`), scripts and
 * styles are skipped, as in the chapters. The same allowances apply (`strayNumbers`).
 *
 * The Lab cannot hold a `<Quoted>`: a number it takes from a source is a constant of src/lib whose
 * comment cites that source, and the template interpolates it.
 */
import { parse } from '@astrojs/compiler-rs';
import { strayNumbers, type Allowance } from './prose-scan.ts';

/** Attributes whose value a reader sees or hears. */
export const TEXT_ATTRIBUTES = new Set(['label', 'aria-label', 'title', 'alt', 'placeholder', 'legend', 'caption']);

/**
 * What a component's text names with digits, beyond the chapters' allowances (prose-scan.ts),
 * each with its reason. Keep this list short.
 */
export const TEMPLATE_ALLOWANCES: readonly Allowance[] = [
  {
    name: 'numbered part',
    pattern: /^\s*[1-9]\.(?=\s)/g,
    why: 'the Lab numbers its parts (1. Inputs, 2. Settings, 3. Results): an order, not a quantity',
  },
  {
    name: 'metric name',
    pattern: /\bPCK@0\.\d+|\bA[PR](?:50|75)\b|\bOKS\s+0\.50:0\.95\b|\b95th(?= pct)/g,
    why: "a metric's standard name carries its threshold (PCK@0.1, AP50, COCO's OKS 0.50:0.95, a 95th percentile)",
  },
  {
    name: 'format name',
    pattern: /\bCOCO-17\b|\b0-based\b|\bfloat(?:16|32|64)(?:\/(?:16|32|64))+|\bApache\s+License\s+2\.0\b/g,
    why: 'a keypoint layout, an indexing convention, number types and a licence are named by their digits',
  },
  {
    name: 'flip setting',
    pattern: /\b[Ss]hift(?:ed)? [01]\b(?: or 1 cell)?/g,
    why: "the flip test's two shifts, 0 and 1 cell, are the names of its settings (the Lab's FLIPS)",
  },
];

/** Elements whose content is not prose. */
const SKIPPED_ELEMENTS = new Set(['code', 'kbd', 'pre', 'script', 'style', 'svg']);

/** A number in a template's text that is neither interpolated nor allowed. */
export interface TemplateFinding {
  line: number;
  number: string;
  /** The text or attribute it was found in, trimmed. */
  context: string;
}

interface Located {
  type: string;
  start: number;
  end: number;
}

const isNode = (value: unknown): value is Located & Record<string, unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

function elementName(node: Record<string, unknown>): string {
  const opening = node['openingElement'] as { name?: { name?: unknown } } | undefined;
  const name = opening?.name?.name;
  return typeof name === 'string' ? name : '';
}

/** Every number in an Astro template's visible text that is neither interpolated nor allowed. */
export function scanTemplate(source: string): TemplateFinding[] {
  const { ast, diagnostics } = parse(source);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new SyntaxError(`the template does not parse: ${errors.map((d) => d.text).join('; ')}`);
  const findings: TemplateFinding[] = [];
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const check = (text: string, start: number) => {
    let cleaned = text;
    for (const { pattern } of TEMPLATE_ALLOWANCES) cleaned = cleaned.replace(pattern, (m) => ' '.repeat(m.length));
    for (const n of strayNumbers(cleaned)) {
      findings.push({ line: lineAt(start + n.index), number: n.number, context: text.trim().replace(/\s+/g, ' ') });
    }
  };

  // Within an expression only the elements it writes are text; its strings are code.
  const visit = (value: unknown, inExpression: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inExpression);
      return;
    }
    if (!isNode(value)) {
      if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) visit(v, inExpression);
      return;
    }
    switch (value.type) {
      case 'JSXText':
        check(String(value['value']), value.start);
        return;
      case 'JSXElement': {
        if (SKIPPED_ELEMENTS.has(elementName(value))) return;
        visit(value['openingElement'], false);
        visit(value['children'], false);
        return;
      }
      case 'JSXAttribute': {
        const name = (value['name'] as { name?: unknown } | undefined)?.name;
        const attributeValue = value['value'];
        if (typeof name === 'string' && TEXT_ATTRIBUTES.has(name) && isNode(attributeValue)) {
          if (attributeValue.type === 'Literal') check(String(attributeValue['value']), attributeValue.start);
          else visit(attributeValue, true);
        } else if (isNode(attributeValue)) visit(attributeValue, true);
        return;
      }
      case 'JSXExpressionContainer':
        visit(value['expression'], true);
        return;
      default:
        if (inExpression && (value.type === 'Literal' || value.type === 'TemplateLiteral')) return;
        for (const [key, v] of Object.entries(value)) if (key !== 'frontmatter') visit(v, inExpression);
    }
  };
  visit((ast as { body?: unknown }).body, false);
  return findings;
}
