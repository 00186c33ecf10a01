import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../suite.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const BENCH = path.join(ROOT, 'tooling/bench');

/**
 * PDF reports (packages/reports): one county's monitoring report in process (cold, median wall and
 * CPU time, size), the batch of the seeded regions below 510000, and 200 county reports of the
 * synthetic national set through the worker pool. Goals: a county report under 1 s and 600 KB;
 * 200 county reports under 90 s on a 2-core machine. The measuring runs in a process of its own
 * (reports-run.ts), so the cold figure pays for the font and the JIT once, and prints its figures
 * as JSON.
 */
export const reportsSuite: BenchSuite = {
  name: 'reports',
  description:
    'PDF monitoring reports: one county in process, seeded batch, 200 synthetic counties',
  async run() {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/suites/reports-run.ts', '200'],
      {
        cwd: BENCH,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    const figures = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    return {
      ...figures,
      countyUnder1s:
        figures.countyMedianMs !== undefined && figures.countyMedianMs < 1000 ? 'yes' : 'no',
      countyUnder600KB: figures.countyKB !== undefined && figures.countyKB < 600 ? 'yes' : 'no',
      synthetic200Under90s:
        figures.syntheticMs !== undefined && figures.syntheticMs < 90_000 ? 'yes' : 'no',
    };
  },
};
