// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeCitation from 'rehype-citation';
import rehypeLinkReferences from './scripts/rehype-link-references.mjs';
import { SITE } from './src/data/site.ts';
import { fileURLToPath } from 'node:url';
import {
  dropKatexFontFaces,
  exerciseSetFileNames,
  inlineStyleHashes,
  modelWorkerFileNames,
  offline,
  searchIndex,
} from './scripts/integrations.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Citations: numbered (Vancouver), linked to the chapter's reference list, with the entry on hover or focus. */
const citationOptions = {
  path: root,
  bibliography: 'src/data/references.bib',
  csl: 'vancouver',
  linkCitations: true,
  showTooltips: true,
  tooltipAttribute: 'data-reference',
  inlineClass: ['citation'],
};

export default defineConfig({
  // The deployed address, for canonical links and citations: SITE_URL at build time.
  site: process.env.SITE_URL ?? SITE.url,
  compressHTML: false,
  trailingSlash: 'ignore',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [rehypeKatex, [rehypeCitation, citationOptions], rehypeLinkReferences],
    }),
    // No code highlighting: Shiki's inline styles would need a weaker CSP.
    syntaxHighlight: false,
  },
  // The pages' inline style hashes, the search index, then the service worker (which caches the
  // index when search first uses it).
  integrations: [mdx(), inlineStyleHashes(), searchIndex(), offline()],
  build: {
    // The stylesheet every page shares stays a file (cached once, by the browser and the service
    // worker); a page's own small ones go inline (assetsInlineLimit below), so a page waits for
    // one stylesheet before it renders. Astro hashes inline styles into the CSP.
    inlineStylesheets: 'auto',
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // TF.js compiles its WebAssembly kernels at run time.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // KaTeX positions glyphs with style attributes; <style> elements stay hashed.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    build: {
      // Stylesheets under 8 KB inline; no other asset (fonts, images, wasm stay files).
      assetsInlineLimit: (file, content) => (file.endsWith('.css') ? content.length < 8192 : false),
    },
    // A chapter's exercise set goes to _astro/exercises/, named by its chapter: a page loads
    // only its own, and the size report counts only its own.
    environments: {
      client: { build: { rolldownOptions: { output: { chunkFileNames: exerciseSetFileNames } } } },
    },
    css: { postcss: { plugins: [dropKatexFontFaces()] } },
    // A worker that carries a model runtime goes to _astro/model/, which is not precached.
    worker: {
      rollupOptions: { output: { entryFileNames: modelWorkerFileNames, chunkFileNames: modelWorkerFileNames } },
    },
  },
});
