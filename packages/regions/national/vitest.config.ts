import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-national', include: ['src/**/*.test.ts'] } });
