import { defineProject } from 'vitest/config';

// PGlite takes seconds to start; scrypt hashes take a tenth of a second each on purpose.
export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    // No PostgreSQL answering? One is started from the installed binaries for the run.
    globalSetup: ['../db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
