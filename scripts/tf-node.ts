/**
 * Import first in Node scripts that use TensorFlow.js: registers scripts/tf-resolve.mjs, and
 * gives the ESM build the global `require` its Node platform code expects.
 */
import { createRequire, register } from 'node:module';

register(new URL('./tf-resolve.mjs', import.meta.url));
(globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);
