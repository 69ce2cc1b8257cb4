/**
 * JavaScript shipped per page, gzipped: every script a built page loads, and every module
 * those import, statically or dynamically (a figure's code loads when it nears the
 * viewport, but it is still shipped), workers included. Fails when a page that does not run
 * the model ships more than the budget, or ships TensorFlow.js at all.
 *   node scripts/size-report.ts [dist]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages } from '../tests/browser/pages.ts';

const dist = process.argv[2] ?? 'dist';
const BUDGET_KB = 150;
/** Chapter 8 runs the TensorFlow.js model, and so do the embed pages of its figures. */
const MODEL_CHAPTER = /^08-/;
const modelFigures = (JSON.parse(readFileSync('src/data/figures.json', 'utf8')) as { id: string; chapter: string }[])
  .filter((f) => MODEL_CHAPTER.test(f.chapter))
  .map((f) => f.id);
/** Pages that run the model have their own, separately reported budget. */
const MODEL_PAGES = [/^\/chapters\/08-/, ...modelFigures.map((id) => new RegExp(`^/embed/${id}/`))];

const gz = new Map<string, number>();
const gzipped = (file: string): number => {
  let size = gz.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dist, file))).length;
    gz.set(file, size);
  }
  return size;
};

/** Site-absolute paths of the modules a JavaScript file imports. */
function importsOf(file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  const found = new Set<string>();
  // Static imports use quotes; the bundler writes dynamic ones with quotes or backticks.
  const pattern =
    /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']|import\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;
  // Workers: new Worker(new URL(`/_astro/x-worker.js`, import.meta.url)).
  const workers = /new Worker\(\s*new URL\(\s*["'`]([^"'`]+\.m?js)["'`]/g;
  for (const m of [...code.matchAll(pattern), ...code.matchAll(workers)]) {
    const spec = m[1] ?? m[2];
    if (!spec) continue;
    found.add(spec.startsWith('/') ? spec : posix.join(posix.dirname(file), spec));
  }
  return [...found];
}

function pageScripts(htmlFile: string): string[] {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const out = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) out.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1] as string);
  // Inline module scripts may import chunks too.
  for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of (m[1] ?? '').matchAll(/["'](\/[^"']+\.m?js)["']/g)) out.add(i[1] as string);
  }
  return [...out].filter((s) => s.startsWith('/'));
}

/** Whether a file carries TensorFlow.js (its kernels register under names such as 'Conv2DBackpropFilter'). */
function shipsTensorFlow(file: string): boolean {
  const code = readFileSync(join(dist, file), 'utf8');
  return code.includes('Conv2DBackpropFilter') || code.includes('tfjs-backend');
}

function closure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

let failed = false;
const rows = builtPages(dist).map((path) => {
  const html = path.endsWith('.html') ? path : posix.join(path, 'index.html');
  const files = closure(pageScripts(html.slice(1)).map((s) => s.slice(1)));
  const kb = [...files].reduce((sum, f) => sum + gzipped(f), 0) / 1024;
  const model = MODEL_PAGES.some((r) => r.test(path));
  const over = !model && kb > BUDGET_KB;
  const tf = [...files].some(shipsTensorFlow);
  if (over || (tf && !model)) failed = true;
  if (tf && !model) console.error(`${path} ships TensorFlow.js, which only the model pages may load`);
  return {
    page: path,
    'JS files': files.size,
    'gzipped KB': Number(kb.toFixed(1)),
    budget: model ? 'model page (reported)' : `${BUDGET_KB} KB ${over ? 'EXCEEDED' : 'ok'}`,
  };
});
console.log(`JavaScript shipped per page (${dirname(join(dist, 'x'))}), gzipped:`);
console.table(rows);
if (failed) {
  console.error(`A page that does not run the model ships more than ${BUDGET_KB} KB of gzipped JavaScript.`);
  process.exit(1);
}
