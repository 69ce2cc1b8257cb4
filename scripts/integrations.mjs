// @ts-check
/**
 * Two build steps that run on the finished site, in this order:
 *
 * - search: Pagefind indexes the chapters (the elements marked data-pagefind-body) into
 *   dist/pagefind/, a static index the search page queries in the browser, with no server;
 * - offline: Workbox writes dist/sw.js, a service worker that precaches every page, font,
 *   model, wasm and KaTeX file, each with its content hash as revision. A new build changes the
 *   revisions, the new worker installs beside the old one, takes over, and deletes the stale
 *   entries, so an update replaces the old cache.
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

/** The files the service worker precaches: the whole site, except the worker itself. */
export const PRECACHE_PATTERNS = [
  '**/*.{html,js,css,json,woff2,svg,png,wasm,bin,npy,pf_meta,pf_fragment,pf_index,pagefind}',
];

/**
 * Writes `root`/sw.js, precaching every file of the built site under `root`.
 * @param {string} root
 */
export async function writeServiceWorker(root) {
  const { generateSW } = await import('workbox-build');
  return generateSW({
    globDirectory: root,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: ['sw.js', 'workbox-*.js'],
    swDest: `${root}/sw.js`,
    cacheId: 'subpixel',
    // The largest file is TF.js's wasm binary, a few megabytes.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    // Pages are addressed as /chapters/x/ and served from /chapters/x/index.html.
    directoryIndex: 'index.html',
    // Figure state lives in the query: any query serves the same cached page.
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
}

/** @returns {import('astro').AstroIntegration} */
export function offline() {
  return {
    name: 'subpixel:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}
