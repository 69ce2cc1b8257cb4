import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Component test files that touch what outlives a file: a global (a DOM, a stub, a mock, fake
 * timers, the environment) or the document. Each runs in a fresh worker; the others share one.
 */
const TOUCHES_GLOBALS =
  /stubGlobal|vi\.mock|vi\.spyOn|globalThis|linkedom|\/dom\.ts'|@vitest-environment|unstubAll|process\.env|useFakeTimers|window|document/;
const componentTests = (readdirSync('tests/components', { recursive: true }) as string[])
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join('tests/components', name));
const isolated = componentTests.filter((file) => TOUCHES_GLOBALS.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // No test asserts a time (that is npm run bench's job): the limits only stop a test that hangs.
    // Any shorter one is a timing in disguise: Vitest's default of 5 s failed a python3 run under
    // the browser suite's load (6.2 s), and a 60 s limit a training step there (63.7 s).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Worker threads start faster than processes: 1 min 29 s against 2 min 1 s alone here, and
    // less of the two cores taken from the browser suite that runs beside it.
    pool: 'threads',
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: ['tests/lib/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          // The library is pure (the linter fences it) and these tests stub no global, so files
          // share a worker and its imports: 27 s of CPU less than a fresh worker per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: isolated,
          // Each file in a fresh worker: these stub globals and hold module state (the search's
          // index, chapter 9's session), and run in a shuffled order without it, three failed.
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'components-shared',
          include: ['tests/components/**/*.test.ts'],
          exclude: isolated,
          // Specs, views and pure helpers: they share a worker and its imports, as the library's do.
          isolate: false,
        },
      },
    ],
  },
});
