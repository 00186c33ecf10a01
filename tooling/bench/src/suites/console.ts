import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../suite.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The console's initial JavaScript, gzipped, after a production build (goal: at most 300 KB;
 * heavy pages and ECharts load on demand). The bench may not import an app: the measuring is
 * apps/admin's own script, run in its own process, printing JSON.
 */
export const consoleSuite: BenchSuite = {
  name: 'console',
  description: 'admin console: initial JavaScript gzipped after a production build',
  async run() {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/bundle-size.ts', '--json'],
      {
        cwd: path.join(ROOT, 'apps/admin'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    // The script prints its figures as one JSON object last, after the build's own output.
    const start = out.startsWith('{') ? 0 : out.lastIndexOf('\n{') + 1;
    const figures = JSON.parse(out.slice(start)) as Record<string, unknown>;
    const flat: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(figures)) {
      if (typeof v === 'number' || typeof v === 'string') flat[k] = v;
      else if (typeof v === 'boolean') flat[k] = v ? 'yes' : 'no';
    }
    return flat;
  },
};
