import { defineProject } from 'vitest/config';

// The soak's short form spawns the API server and seeds a PostgreSQL database of its own.
export default defineProject({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
    // No PostgreSQL answering? One is started from the installed binaries for the run.
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
