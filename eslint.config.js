// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

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
    'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'localStorage', 'HTMLElement'],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded generator in src/lib/random.ts.' },
    ],
  },
};

/** @type {import('eslint').Linter.Config} */
const noTfOutsideLibTf = {
  files: ['src/components/**/*.{ts,astro}', 'src/pages/**/*.astro', 'src/layouts/**/*.astro'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['@tensorflow/*'], message: 'Only src/lib/tf/ imports TensorFlow.js.' }] },
    ],
  },
};

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'public/', 'scratch/'] },
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
);
