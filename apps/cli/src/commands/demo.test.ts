import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/minsheng.js', import.meta.url).pathname;

describe('minsheng demo clear', { timeout: 120_000 }, () => {
  it('on a database never opened before, removes nothing and says so', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'demo-clear-')), 'pglite');
    const r = spawnSync(process.execPath, [bin, 'demo', 'clear', '--data-dir', dataDir], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`removed 0 plans, 0 observations, 0 users, 0 regions from ${dataDir}\n`);
  });
});
