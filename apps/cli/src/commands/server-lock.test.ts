import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMNS, yearColumn } from '@minsheng/reports/spreadsheet/layout';
import {
  callTrpc,
  type RunningServer,
  signIn,
  startServer,
} from '@minsheng/testing/server-process';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/minsheng.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'minsheng-server-lock-'));
const dataDir = join(dir, 'data');
const PASSWORD = 'first admin password';

/**
 * The real CLI, run without blocking this process: a blocked event loop would leave the test's
 * idle HTTP connections to the server unnoticed when the server closes them.
 */
function run(args: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, MINSHENG_DATA_DIR: dataDir, INIT_CWD: dir };
  delete env.DATABASE_URL;
  delete env.MINSHENG_TOKEN;
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', env: { ...env, ...extra }, cwd: dir, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

type Observation = { indicatorId: string; year: number; raw: string; state: string };

describe('the CLI beside a running server on the same PGlite folder', { timeout: 300_000 }, () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never writes behind the server: it stops and says how, or goes through the API', async () => {
    server = await startServer({ dataDir, adminPassword: PASSWORD });
    const cookie = await signIn(server.url, 'admin', PASSWORD);
    const values = { 'nursery-places-per-1000': '1.20', 'life-expectancy': '77.9' };
    writeFileSync(
      join(dir, 'values.csv'),
      `${COLUMNS.id},${yearColumn(2023)}\n${Object.entries(values)
        .map(([id, v]) => `${id},${v}`)
        .join('\n')}\n`,
    );
    const args = ['import', 'observations', 'values.csv', '--region', '510824', '--year', '2023'];
    const listed = async () => {
      const answer = await callTrpc<Observation[]>(
        server?.url ?? '',
        'observations.list',
        { planId: 'cangxi-14th', year: 2023 },
        { cookie, query: true },
      );
      if (!answer.data) throw new Error(`observations.list: ${answer.error?.message}`);
      return answer.data;
    };

    const refused = await run(args);
    expect(refused.status, refused.stdout).toBe(1);
    expect(refused.stderr).toContain(`正由运行中的民生服务（${server.url}trpc`);
    expect(refused.stderr).toContain(
      `minsheng import observations values.csv --region 510824 --year 2023 --api ${server.url}trpc --token <session token>`,
    );
    expect(await listed()).toEqual([]);

    // Neither does a command the API cannot do for it.
    const backup = await run(['db', 'backup', join(dir, 'b.jsonl')]);
    expect(backup.status).toBe(1);
    expect(backup.stderr).toContain('stop the server first');

    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    const through = await run(args, { MINSHENG_TOKEN: token });
    expect(through.status, through.stderr).toBe(0);
    expect(through.stderr).toContain(`going through it`);
    expect(through.stdout).toContain('imported 2 value(s) for 2023');
    const seen = await listed();
    expect(seen.map((o) => [o.indicatorId, o.raw, o.state]).sort()).toEqual([
      ['life-expectancy', '77.9', 'submitted'],
      ['nursery-places-per-1000', '1.20', 'submitted'],
    ]);

    // Still there after the server restarts: the server wrote them, nobody behind it.
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir, adminPassword: PASSWORD });
    const again = await signIn(server.url, 'admin', PASSWORD);
    const after = await callTrpc<Observation[]>(
      server.url,
      'observations.list',
      { planId: 'cangxi-14th', year: 2023 },
      { cookie: again, query: true },
    );
    expect(after.data?.length).toBe(2);
  });
});
