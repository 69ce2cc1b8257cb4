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
import { offline, searchIndex } from './scripts/integrations.mjs';

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
  // The search index, then the service worker (which precaches the index too).
  integrations: [mdx(), searchIndex(), offline()],
  build: {
    // Every script and stylesheet is a file the CSP can allow by origin.
    inlineStylesheets: 'never',
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
    build: { assetsInlineLimit: 0 },
  },
});
