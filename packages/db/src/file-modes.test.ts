import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupToFile } from './backup/index.ts';
import { createPgliteDb } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

/** Every entry below `dir` with its permission bits, as `ls -lR` would show them. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      out.push({ path: full, dir: entry.isDirectory(), mode: statSync(full).mode & 0o777 });
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

const wrong = (entries: ReturnType<typeof modes>) =>
  entries
    .filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
    .map((e) => `${e.mode.toString(8)} ${e.path}`);

describe('files only the owner reads (issue 12, item 8)', () => {
  let root: string;
  const umask = process.umask();
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'minsheng-modes-'));
    // The usual umask, under which PGlite's own files come out 0666 and folders 0755.
    process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('a new PGlite folder is 0700, its files 0600, while open and after closing', async () => {
    const dataDir = path.join(root, 'new', 'pglite');
    const db = createPgliteDb(dataDir);
    await migrateToLatest(db.kysely);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
    const open = modes(dataDir);
    expect(open.length).toBeGreaterThan(100);
    // Tables the migrations created after the folder opened may still be 0666 inside the 0700
    // folder; the files PGlite wrote when it opened are narrowed already.
    expect(open.filter((e) => e.path.endsWith('PG_VERSION')).map((e) => e.mode)).toEqual(
      expect.arrayContaining([0o600]),
    );

    await db.close();
    expect(wrong(modes(dataDir))).toEqual([]);
  });

  it('narrows a folder that existed with wider modes', async () => {
    const dataDir = path.join(root, 'old');
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    const db = createPgliteDb(dataDir);
    await sql`select 1`.execute(db.kysely);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    await db.close();
    expect(wrong(modes(dataDir))).toEqual([]);
  });

  it('a backup file is 0600, also when it replaces a wider one', async () => {
    const db = createPgliteDb('memory://');
    try {
      await migrateToLatest(db.kysely);
      const file = path.join(root, 'minsheng.backup');
      writeFileSync(file, 'old');
      writeFileSync(`${file}.partial`, 'left by a crash');
      chmodSync(`${file}.partial`, 0o644);
      await backupToFile(db.kysely, file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});
