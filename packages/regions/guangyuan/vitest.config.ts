import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'region-guangyuan', include: ['src/**/*.test.ts'] } });
