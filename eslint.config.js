// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The one module of the site's own code that loads src/lib/tf (and with it TensorFlow.js): the
 * entry of chapter 8's worker, which hands TF.js's calls to the worker's other parts (they import
 * only src/lib/tf's types).
 */
const TF_WORKER = 'src/components/figures/model/worker/train-worker.ts';

/**
 * The one-way flow of imports (docs/style.md): src/lib → src/components → chapters.
 * @type {import('eslint').Linter.Config}
 */
const libBoundaries = {
  files: ['src/lib/**/*.ts'],
  ignores: ['src/lib/tf/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/components/**', '**/pages/**', '**/layouts/**'],
            message: 'src/lib is pure maths: it imports nothing from the site.',
          },
          {
            group: ['astro', 'astro:*', 'd3', 'd3-*', '@observablehq/*'],
            message: 'src/lib has no Astro, d3 or Plot in it.',
          },
          { group: ['@tensorflow/*'], message: 'Only src/lib/tf/ imports TensorFlow.js.' },
        ],
      },
    ],
    // Types are erased: the prose may name the shape of a measurement without loading TensorFlow.js.
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/tf/*', '!**/tf/names.ts'],
            allowTypeImports: true,
            message:
              'src/lib/tf loads TensorFlow.js; the rest of src/lib reads only its names (src/lib/tf/names.ts) and its types.',
          },
        ],
      },
    ],
    'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'localStorage', 'HTMLElement'],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded generator in src/lib/random.ts.' },
    ],
  },
};

const noTensorflow = { group: ['@tensorflow/*'], message: 'Only src/lib/tf/ imports TensorFlow.js.' };

/**
 * TensorFlow.js is loaded by chapter 8's worker alone: the page's code reads src/lib/tf's
 * names (src/lib/tf/names.ts) and its types, never its values.
 * @type {import('eslint').Linter.Config}
 */
const noTfOutsideLibTf = {
  files: ['src/components/**/*.{ts,astro}', 'src/pages/**/*.astro', 'src/layouts/**/*.astro'],
  ignores: [TF_WORKER],
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          noTensorflow,
          {
            group: ['**/lib/tf/*', '!**/lib/tf/names.ts'],
            allowTypeImports: true,
            message:
              "Only chapter 8's worker entry (figures/model/worker/train-worker.ts) loads src/lib/tf; import its names from src/lib/tf/names.ts, and its types.",
          },
        ],
      },
    ],
  },
};

/** @type {import('eslint').Linter.Config} */
const tfWorker = {
  files: [TF_WORKER],
  rules: { 'no-restricted-imports': ['error', { patterns: [noTensorflow] }] },
};

/**
 * No import circle anywhere: a module never depends on itself through others (style.md: imports
 * flow one way). Modules are TypeScript (an .astro component imports them, never the reverse), and
 * an import of types alone does not count, as it is erased before anything runs.
 * @type {import('eslint').Linter.Config}
 */
const noCycles = {
  files: ['**/*.ts'],
  plugins: { 'import-x': importX },
  settings: { 'import-x/extensions': ['.ts', '.js', '.mjs'] },
  rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
};

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'scratch/', 'pkg/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  libBoundaries,
  noTfOutsideLibTf,
  tfWorker,
  noCycles,
);
