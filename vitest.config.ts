import { defineConfig } from 'vitest/config';

// One vitest process over every package, so `pnpm check` ends on a single summary line.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/regions/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'tooling/*/vitest.config.ts',
      { test: { name: 'architecture', include: ['tooling/architecture/*.test.ts'] } },
    ],
  },
});
