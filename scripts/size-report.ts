/**
 * What a reader downloads, from the build:
 * - JavaScript shipped per page, gzipped: every script a built page loads, and every module
 *   those import, statically or dynamically (a figure's code loads when it nears the
 *   viewport, but it is still shipped), workers included; of the chapters' exercise sets
 *   (_astro/exercises/ch<N>.*.js) only those the page's exercises name. Fails when a page that does not run
 *   the model ships more than the budget, or ships TensorFlow.js at all.
 * - The service worker's precache, which a first visit of any page downloads in the
 *   background: fails above 2 MB (models and their runtimes are cached only when used).
 * - The fonts: fails when a built page shows a character that the font subsets lack
 *   (src/fonts/subset.json; `npm run fonts` cuts them again).
 *   node scripts/size-report.ts [dist]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages } from '../tests/browser/pages.ts';
import { precacheManifest } from './integrations.mjs';
import { builtCharacters } from './font-characters.ts';

const dist = process.argv[2] ?? 'dist';
const BUDGET_KB = 150;
const PRECACHE_BUDGET_MB = 2;
/**
 * Chapter 8 runs the TensorFlow.js model and chapter 9 BlazePose (its LiteRT.js loader is
 * shipped, fetched only when the reader asks), and so do the embed pages of their figures.
 */
const MODEL_CHAPTER = /^0[89]-/;
const modelFigures = (JSON.parse(readFileSync('src/data/figures.json', 'utf8')) as { id: string; chapter: string }[])
  .filter((f) => MODEL_CHAPTER.test(f.chapter))
  .map((f) => f.id);
/** Pages that run the model have their own, separately reported budget. */
const MODEL_PAGES = [/^\/chapters\/0[89]-/, ...modelFigures.map((id) => new RegExp(`^/embed/${id}/`))];
/**
 * The Decoder Lab runs BlazePose on request too ("Heatmaps from the real model", through chapter
 * 9's runtime): reported like the model pages, but TensorFlow.js stays forbidden there.
 */
const ON_REQUEST_MODEL_PAGES = [/^\/lab\/$/];
/** What one reader's "load the model" in chapter 9 downloads, gzipped: one runtime build and the model. */
const BLAZEPOSE_BUDGET_MB = 6;

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

/** A chapter's exercise set, as the build names it (exerciseSetFileNames). */
const EXERCISE_SET_FILE = /^_astro\/exercises\/(ch\d+)\./;

/** The exercise sets a built page names (`<exercise-check data-set="ch2">`). */
function exerciseSets(html: string): Set<string> {
  const text = readFileSync(join(dist, html), 'utf8');
  return new Set(Array.from(text.matchAll(/<exercise-check[^>]*\sdata-set="([^"]+)"/g), (m) => m[1] as string));
}

/**
 * Every script `entries` load, statically or dynamically; the exercise client can import any
 * chapter's set, but a page loads only the sets in `sets`.
 */
function closure(entries: string[], sets: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    const set = file.match(EXERCISE_SET_FILE)?.[1];
    if (set !== undefined && !sets.has(set)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

let failed = false;
const rows = builtPages(dist).map((path) => {
  const html = path.endsWith('.html') ? path : posix.join(path, 'index.html');
  const files = closure(
    pageScripts(html.slice(1)).map((s) => s.slice(1)),
    exerciseSets(html.slice(1)),
  );
  const kb = [...files].reduce((sum, f) => sum + gzipped(f), 0) / 1024;
  const tfPage = MODEL_PAGES.some((r) => r.test(path));
  const model = tfPage || ON_REQUEST_MODEL_PAGES.some((r) => r.test(path));
  const over = !model && kb > BUDGET_KB;
  const tf = [...files].some(shipsTensorFlow);
  if (over || (tf && !tfPage)) failed = true;
  if (tf && !tfPage) console.error(`${path} ships TensorFlow.js, which only the model pages may load`);
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
}

// The precache, in bytes as stored (what a first visit fetches from a host that does not compress).
const manifest = await precacheManifest(dist);
const precacheMb = manifest.size / 1024 / 1024;
const precacheGz = manifest.manifestEntries.reduce((sum, e) => sum + gzipped(e.url), 0) / 1024 / 1024;
console.log(
  `Service worker precache: ${manifest.count} files, ${precacheMb.toFixed(2)} MB (${precacheGz.toFixed(2)} MB gzipped); ` +
    `budget ${PRECACHE_BUDGET_MB} MB ${precacheMb <= PRECACHE_BUDGET_MB ? 'ok' : 'EXCEEDED'}.`,
);
if (precacheMb > PRECACHE_BUDGET_MB) {
  console.error(`The precache exceeds ${PRECACHE_BUDGET_MB} MB: see RUNTIME_ONLY in scripts/integrations.mjs.`);
  failed = true;
}

// Chapter 9's download on request: the larger of LiteRT's two WebAssembly builds (a browser
// fetches one) with its glue, and the model; never precached (RUNTIME_ONLY).
const blazepose = readdirSync(join(dist, 'blazepose'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => posix.join('blazepose', relative(join(dist, 'blazepose'), join(e.parentPath, e.name))));
const builds = ['litert_wasm_internal', 'litert_wasm_compat_internal'].map((b) =>
  blazepose.filter((f) => f.includes(`/${b}.`)).reduce((sum, f) => sum + gzipped(f), 0),
);
const modelBytes = blazepose.filter((f) => f.endsWith('.tflite')).reduce((sum, f) => sum + gzipped(f), 0);
const onRequestMb = (Math.max(...builds) + modelBytes) / 1024 / 1024;
console.log(
  `Chapter 9's model on request: ${onRequestMb.toFixed(2)} MB gzipped (runtime and model); ` +
    `budget ${BLAZEPOSE_BUDGET_MB} MB ${onRequestMb <= BLAZEPOSE_BUDGET_MB ? 'ok' : 'EXCEEDED'}.`,
);
if (!(onRequestMb > 0) || onRequestMb > BLAZEPOSE_BUDGET_MB) {
  console.error(`Chapter 9's runtime and model are missing or exceed ${BLAZEPOSE_BUDGET_MB} MB.`);
  failed = true;
}

// Every character a page shows is in the font subsets (others fall back to a system font).
const subset = new Set(JSON.parse(readFileSync('src/fonts/subset.json', 'utf8')).characters as string);
const uncovered = [...builtCharacters(dist)].filter((c) => !subset.has(c));
if (uncovered.length) {
  const list = uncovered.map((c) => `${c} (U+${(c.codePointAt(0) as number).toString(16).toUpperCase()})`).join(', ');
  console.error(`The built site shows characters the font subsets lack: ${list}. Run npm run fonts.`);
  failed = true;
} else {
  console.log(`Fonts: the subsets cover all ${subset.size} characters the site uses.`);
}
if (failed) process.exit(1);
