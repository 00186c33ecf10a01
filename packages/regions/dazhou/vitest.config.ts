import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-dazhou', include: ['src/**/*.test.ts'] } });
