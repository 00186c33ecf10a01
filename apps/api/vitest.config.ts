import { defineProject } from 'vitest/config';

// PGlite takes seconds to start; the start-up test runs the real `pnpm start` path.
export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
