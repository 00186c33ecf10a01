import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createPgliteDb,
  type Db,
  databaseSnapshot,
  migrateToLatest,
  seedCatalog,
} from '@minsheng/db';
import { describeEachDialect, fixturePackages } from '@minsheng/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/minsheng.js');

function run(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.MINSHENG_DATA_DIR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describeEachDialect('minsheng db backup / restore', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-db-cli-'));
  const file = join(dir, 'backup.jsonl');
  // Each side is reopened in-process only while the CLI is not using it (PGlite is one process).
  let open: (side: 'from' | 'to') => Promise<Db>;
  let args: (side: 'from' | 'to') => string[];
  const dropAll: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    if (dialect.name === 'pglite') {
      const dirs = { from: join(dir, 'from'), to: join(dir, 'to') };
      open = async (side) => createPgliteDb(dirs[side]);
      args = (side) => ['--data-dir', dirs[side]];
    } else {
      const dbs = { from: await dialect.open(), to: await dialect.open() };
      for (const db of Object.values(dbs)) dropAll.push(() => db.close());
      // The test's own handle is kept open; the CLI gets the database by URL.
      open = async (side) => ({ ...dbs[side], close: async () => {} });
      args = (side) => ['--database-url', dbs[side].location];
    }
    const db = await open('from');
    await migrateToLatest(db.kysely);
    await seedCatalog(db.kysely, fixturePackages());
    await db.close();
  }, 120_000);
  afterAll(async () => {
    for (const drop of dropAll) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, restores into an empty database identically, and refuses a full one unless forced', async () => {
    const backup = run('db', 'backup', file, ...args('from'));
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backed up \d+ rows/);

    expect(run('db', 'backup', file, ...args('from')).stderr).toMatch(/exists: pass --overwrite/);

    const restore = run('db', 'restore', file, ...args('to'));
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/restored \d+ rows/);

    const again = run('db', 'restore', file, ...args('to'));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^minsheng: the database already has data.*--force/);

    const forced = run('db', 'restore', file, '--force', ...args('to'));
    expect(forced.code).toBe(0);

    const from = await open('from');
    const to = await open('to');
    try {
      const a = await databaseSnapshot(from.kysely);
      const b = await databaseSnapshot(to.kysely);
      for (const table of Object.keys(a) as (keyof typeof a)[]) {
        expect(b[table], table).toEqual(a[table]);
      }
      expect(a.indicators?.length).toBeGreaterThan(0);
    } finally {
      await from.close();
      await to.close();
    }

    const missing = run('db', 'restore', join(dir, 'nope.jsonl'), ...args('to'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file/);
  }, 300_000);
});
