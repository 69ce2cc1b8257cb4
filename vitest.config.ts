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
  },
});
