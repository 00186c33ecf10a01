import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-wangcang', include: ['src/**/*.test.ts'] } });
