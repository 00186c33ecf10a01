import { defineProject } from 'vitest/config';

// PGlite takes seconds to start its WebAssembly PostgreSQL on a small machine.
export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts'],
    // No PostgreSQL answering? One is started from the installed binaries for the run.
    globalSetup: ['./src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
