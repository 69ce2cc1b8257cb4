import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/lib/**/*.test.ts',
      'tests/components/**/*.test.ts',
      'tests/content/**/*.test.ts',
      'tests/scripts/**/*.test.ts',
    ],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // No test asserts a time (that is npm run bench's job): the limit only stops a test that hangs.
    // Vitest's default of 5 s failed a python3 run under the browser suite's load (6.2 s).
    testTimeout: 60_000,
    // Worker threads start faster than processes: 1 min 29 s against 2 min 1 s alone here, and
    // less of the two cores taken from the browser suite that runs beside it.
    pool: 'threads',
  },
});
