import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-sichuan', include: ['src/**/*.test.ts'] } });
