import { defineProject } from 'vitest/config';

// PGlite takes seconds to start; the start-up test runs the real `pnpm start` path.
export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    // No PostgreSQL answering? One is started from the installed binaries for the run.
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
