import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// One project for the component tests (happy-dom) and the end-to-end tests: the root config
// collects `apps/*/vitest.config.ts` and a project file cannot nest projects of its own. The e2e
// files opt into the node environment themselves (@vitest-environment node) and carry their own
// time limits. Run only them with `npx vitest run --project admin e2e/`.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'admin',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.test.ts'],
  },
});
