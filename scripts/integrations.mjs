// @ts-check
/**
 * Three build steps that run on the finished site, in this order:
 *
 * - inline style hashes: every inline <style> gets its hash in the page's CSP;
 * - search: Pagefind indexes the chapters (the elements marked data-pagefind-body) into
 *   dist/pagefind/, a static index the search page queries in the browser, with no server;
 * - offline: Workbox writes dist/sw.js, a service worker that precaches the site's pages,
 *   styles, scripts and fonts, each with its content hash as revision (models, their runtimes,
 *   the pages of the chapters that run them, embed pages and the search index are cached when
 *   first used: RUNTIME_ONLY). A new build changes the revisions, the new worker installs
 *   beside the old one, takes over, and deletes the stale entries, so an update replaces the
 *   old cache.
 */
import { fileURLToPath } from 'node:url';

/**
 * A PostCSS plugin that drops KaTeX's own @font-face rules from its stylesheet: they list
 * every font in three formats with `font-display: block`, which hides a formula's text while
 * its font loads. The site declares KaTeX's faces itself (src/fonts/fonts.css, written by
 * scripts/subset-fonts.ts), cut to the characters the site uses, with `font-display: swap`.
 * @type {import('postcss').PluginCreator<void>}
 */
export const dropKatexFontFaces = () => ({
  postcssPlugin: 'subpixel:drop-katex-font-faces',
  Once(root) {
    if (!/[\\/]katex[\\/]dist[\\/]/.test(root.source?.input.file ?? '')) return;
    root.walkAtRules('font-face', (rule) => {
      rule.remove();
    });
  },
});
dropKatexFontFaces.postcss = true;

/**
 * Adds the hash of every inline <style> of every built page to its CSP's style-src. Astro
 * inlines a page's small stylesheets (astro.config.mjs) and hashes most of them, but not
 * those a chapter's MDX brings in, which the browser would then refuse.
 * @param {string} root
 * @returns {Promise<number>} how many hashes were added
 */
export async function hashInlineStyles(root) {
  const { createHash } = await import('node:crypto');
  const { readFileSync, readdirSync, statSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  let added = 0;
  const walk = (/** @type {string} */ dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        const policy = /(<meta http-equiv="content-security-policy" content="[^"]*?style-src 'self')([^;"]*)/.exec(
          html,
        );
        if (!policy) continue;
        const missing = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
          .map(
            (m) =>
              `'sha256-${createHash('sha256')
                .update(m[1] ?? '')
                .digest('base64')}'`,
          )
          .filter((hash, i, all) => !policy[2]?.includes(hash) && all.indexOf(hash) === i);
        if (missing.length === 0) continue;
        added += missing.length;
        writeFileSync(path, html.replace(policy[0], `${policy[1]} ${missing.join(' ')}${policy[2]}`));
      }
    }
  };
  walk(root);
  return added;
}

/** @returns {import('astro').AstroIntegration} */
export function inlineStyleHashes() {
  return {
    name: 'subpixel:inline-style-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`added ${await hashInlineStyles(fileURLToPath(dir))} inline style hashes to pages' CSP`);
      },
    },
  };
}

/** @returns {import('astro').AstroIntegration} */
export function searchIndex() {
  return {
    name: 'subpixel:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: fileURLToPath(dir) });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages`);
        await pagefind.close();
      },
    },
  };
}

/** The files the service worker may precache: pages, styles, scripts, fonts, images. */
export const PRECACHE_PATTERNS = ['**/*.{html,js,css,json,woff2,svg,png,webmanifest}'];

/**
 * Files (globs from the site root) that are never precached, so that a first visit stays
 * small: each is cached when a page first fetches it (runtime caching), or by the "make the
 * whole site available offline" button. A model, its runtime and their data match by path:
 * put a model's files under public/models/ or public/litert/ (or give them one of the
 * extensions below), and a worker that imports a model runtime is bundled into _astro/model/
 * (`modelWorkerFileNames` below, in astro.config.mjs).
 */
export const RUNTIME_ONLY = [
  // Models and model runtimes: chapter 8's weights, a LiteRT runtime and its models,
  // WebAssembly, weights and arrays wherever they are, workers that carry TF.js or LiteRT.
  'models/**',
  'litert/**',
  'blazepose/**',
  '**/*.{wasm,tflite,bin,npy,onnx}',
  '_astro/model/**',
  // The two chapters that run a model (their pages carry its recorded outputs and photo):
  // cached when read, with the models they load.
  'chapters/08-*/**',
  'chapters/09-*/**',
  // One-figure pages for other sites' iframes, the search page with its index (the page is no
  // use offline without the index, which is cached when searched), the corrections log (a page
  // most readers never open, and the one that grows with every round of review), the Lab's
  // sample data.
  'embed/**',
  'pagefind/**',
  'search/**',
  'corrections/**',
  'lab/sample*',
  // The worker itself, and the list the button reads.
  'sw.js',
  'workbox-*.js',
  'offline-files.json',
];

/** Modules that make a bundled worker a model runtime: TF.js, LiteRT, the site's TF.js code. */
const MODEL_RUNTIME_MODULES = /node_modules[\\/]@(tensorflow|litertjs)[\\/]|[\\/]src[\\/]lib[\\/]tf[\\/]/;

/**
 * Names of the files Vite writes for workers: a worker (or a chunk of one) that carries a
 * model runtime goes to _astro/model/, which the service worker does not precache.
 * @param {{ moduleIds: readonly string[] }} chunk
 */
export function modelWorkerFileNames(chunk) {
  return chunk.moduleIds.some((id) => MODEL_RUNTIME_MODULES.test(id))
    ? '_astro/model/[name]-[hash].js'
    : '_astro/[name]-[hash].js';
}

/** A chapter's exercise set: src/components/exercises/ch<N>.ts. */
const EXERCISE_SET_MODULE = /[\\/]src[\\/]components[\\/]exercises[\\/](ch\d+)\.ts$/;

/**
 * Names of the site's script chunks: a chapter's exercise set is `_astro/exercises/ch<N>.<hash>.js`
 * (which `scripts/size-report.ts` counts only for the page whose exercises name that set), every
 * other chunk `_astro/<name>.<hash>.js` as Astro names it.
 * @param {{ facadeModuleId: string | null }} chunk
 */
export function exerciseSetFileNames(chunk) {
  const set = chunk.facadeModuleId?.match(EXERCISE_SET_MODULE)?.[1];
  return set ? `_astro/exercises/${set}.[hash].js` : '_astro/[name].[hash].js';
}

/**
 * KaTeX's faces that no formula of the built site under `root` uses, as globs of their files
 * (`_astro/katex-<face>.<hash>.woff2`, written by scripts/subset-fonts.ts). A face is used when
 * a page's class names hold every class of one of katex.css's selectors that set it (its
 * family, weight and style); KaTeX_Main's regular face is the formulas' own. About 100 KB of
 * the twenty faces (Fraktur, sans serif, typewriter, bold italics…) appear in no formula: they
 * stay served, and are cached if a formula ever asks for them.
 * @param {string} root
 */
export async function unusedKatexFaces(root) {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const css = readFileSync(fileURLToPath(import.meta.resolve('katex/dist/katex.min.css')), 'utf8');
  /** @type {Map<string, string[][]>} face → the class lists of the selectors that set it */
  const setters = new Map([['main-regular', [[]]]]);
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const [selectors = '', body = ''] = [rule[1], rule[2]];
    const family = /font-family:KaTeX_(\w+)/.exec(body)?.[1];
    const bold = /font-weight:(700|bold)/.test(body);
    const italic = /font-style:italic/.test(body);
    if (!family && !bold && !italic) continue;
    const face = `${(family ?? 'Main').toLowerCase()}-${bold && italic ? 'bolditalic' : bold ? 'bold' : italic ? 'italic' : 'regular'}`;
    for (const selector of selectors.split(',')) {
      if (!selector.trim().startsWith('.katex ')) continue;
      const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1] ?? '').filter((c) => c !== 'katex');
      setters.set(face, [...(setters.get(face) ?? []), classes]);
    }
  }
  /** @type {Set<string>} */
  const used = new Set();
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/class="([^"]*)"/g)) {
          for (const name of (match[1] ?? '').split(/\s+/)) used.add(name);
        }
      }
    }
  };
  walk(root);
  const files = readdirSync(join(root, '_astro')).filter((f) => /^katex-[\w-]+\.[\w-]+\.woff2$/.test(f));
  return files
    .map((f) => /^katex-([\w-]+?)\./.exec(f)?.[1] ?? '')
    .filter((face) => !(setters.get(face) ?? []).some((classes) => classes.every((c) => used.has(c))))
    .map((face) => `_astro/katex-${face}.*.woff2`);
}

/**
 * What the service worker does not precache under `root`: {@link RUNTIME_ONLY}, and KaTeX's
 * faces that no formula uses ({@link unusedKatexFaces}).
 * @param {string} root
 */
export async function precacheIgnores(root) {
  return [...RUNTIME_ONLY, ...(await unusedKatexFaces(root))];
}

/**
 * The precache manifest of the built site under `root`: what a first visit downloads.
 * @param {string} root
 */
export async function precacheManifest(root) {
  const { getManifest } = await import('workbox-build');
  return getManifest({
    globDirectory: root,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: await precacheIgnores(root),
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  });
}

/**
 * Writes `root`/sw.js, which precaches the pages, styles, scripts and fonts of the built site
 * under `root` (each with its content hash as revision) and caches everything else at run time,
 * and `root`/offline-files.json, the list of those other files for the offline button.
 * @param {string} root
 */
export async function writeServiceWorker(root) {
  const { generateSW } = await import('workbox-build');
  const { ASSETS_CACHE, DATA_CACHE, OFFLINE_LIST } = await import('../src/components/chrome/offline-caches.ts');
  const result = await generateSW({
    globDirectory: root,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: await precacheIgnores(root),
    swDest: `${root}/sw.js`,
    cacheId: 'subpixel',
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Pages are addressed as /chapters/x/ and served from /chapters/x/index.html.
    directoryIndex: 'index.html',
    // Figure state lives in the query: any query serves the same cached page.
    ignoreURLParametersMatching: [/.*/],
    runtimeCaching: [
      {
        // Hashed names: a cached copy is the right one for as long as a page asks for it.
        urlPattern: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/_astro/'),
        handler: 'CacheFirst',
        options: { cacheName: ASSETS_CACHE, expiration: { maxEntries: 200 } },
      },
      {
        // Chapter 9's runtime and model: their paths carry the package versions.
        urlPattern: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/blazepose/'),
        handler: 'CacheFirst',
        options: { cacheName: ASSETS_CACHE, expiration: { maxEntries: 200 } },
      },
      {
        // Same address across builds: the network's copy when there is one.
        urlPattern: ({ url }) => url.origin === self.location.origin && url.pathname !== '/sw.js',
        handler: 'NetworkFirst',
        options: {
          cacheName: DATA_CACHE,
          networkTimeoutSeconds: 10,
          plugins: [
            {
              // An embed page's query is figure state: one cached copy serves every state.
              cacheKeyWillBeUsed: async ({ request }) => {
                const url = new URL(request.url);
                url.search = '';
                return url.href;
              },
            },
          ],
        },
      },
    ],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
  const { manifestEntries } = await precacheManifest(root);
  const precached = new Set(manifestEntries.map((e) => '/' + e.url));
  const { readdirSync, statSync, writeFileSync } = await import('node:fs');
  const { join, relative, sep } = await import('node:path');
  /** @type {{ path: string; bytes: number }[]} */
  const files = [];
  const walk = (/** @type {string} */ dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const site = '/' + relative(root, path).split(sep).join('/');
        if (!precached.has(site) && !/^\/(sw\.js|workbox-.*\.js|offline-files\.json)$/.test(site)) {
          files.push({ path: site.replace(/\/index\.html$/, '/'), bytes: statSync(path).size });
        }
      }
    }
  };
  walk(root);
  files.sort((a, b) => a.path.localeCompare(b.path));
  writeFileSync(join(root, OFFLINE_LIST), JSON.stringify({ files }));
  return result;
}

/** @returns {import('astro').AstroIntegration} */
export function offline() {
  return {
    name: 'subpixel:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        for (const warning of warnings) logger.warn(warning);
        logger.info(
          `service worker precaches ${count} files, ${(size / 1024 / 1024).toFixed(2)} MB; the rest is cached as pages use it`,
        );
      },
    },
  };
}
