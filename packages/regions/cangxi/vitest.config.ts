import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-cangxi', include: ['src/**/*.test.ts'] } });
