import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-lizhou', include: ['src/**/*.test.ts'] } });
