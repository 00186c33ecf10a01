import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection.ts';
import type { Database } from '../schema.ts';
import { json } from '../schema.ts';
import { seedCatalog } from '../seed.ts';
import { describeEachDialect, fixturePackages, openMigratedDb } from '../testing/index.ts';
import {
  BACKUP_TABLES,
  BackupError,
  backupToFile,
  latestMigration,
  restoreFromFile,
  databaseSnapshot as snapshot,
} from './index.ts';

/** Data a real system holds: the catalog, users, observations, sessions, throttles, an audit trail. */
async function fill(db: Kysely<Database>): Promise<void> {
  await seedCatalog(db, fixturePackages());
  const indicator = await db
    .selectFrom('indicators')
    .select(['plan_id', 'id'])
    .orderBy('plan_id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const region = await db.selectFrom('regions').select('code').executeTakeFirstOrThrow();
  await db
    .insertInto('users')
    .values([
      {
        id: 'u1',
        username: 'editor',
        display_name: '录入员 "甲" <script>alert(1)</script>',
        password_hash: 'scrypt$abc$def',
        role: 'editor',
        region_code: region.code,
        created_at: '2024-01-02T03:04:05.123456Z',
        updated_at: '2024-01-02T03:04:05.123456Z',
      },
      {
        id: 'u2',
        username: 'reviewer',
        display_name: "O'Brien; drop table users; --",
        password_hash: 'scrypt$x$y',
        role: 'reviewer',
        region_code: region.code,
      },
    ])
    .execute();
  await db
    .insertInto('observations')
    .values({
      id: 'o1',
      plan_id: indicator.plan_id,
      indicator_id: indicator.id,
      year: 2022,
      raw: '≥0.4\n（暂估）\u0000'.replace('\u0000', ''),
      value: json({ kind: 'number', num: { value: 0.1 + 0.2, text: '0.30000000000000004' } }),
      source: '统计局',
      note: 'emoji 🧧 and \\ backslash',
      state: 'approved',
      return_reason: null,
      entered_by: 'u1',
      entered_at: '2023-05-06T07:08:09.987654+08:00',
      submitted_by: 'u1',
      submitted_at: '2023-05-06T07:08:10Z',
      reviewed_by: 'u2',
      reviewed_at: '2023-05-07T00:00:00Z',
      updated_by: 'u2',
      updated_at: '2023-05-07T00:00:00Z',
      version: 3,
    })
    .execute();
  await db
    .insertInto('sessions')
    .values({ token_hash: 'h1', user_id: 'u1', expires_at: '2099-01-01T00:00:00Z' })
    .execute();
  await db
    .insertInto('sign_in_throttle')
    .values({ key: 'ip:127.0.0.1', failures: 4, last_failure_at: new Date(), blocked_until: null })
    .execute();
  for (let i = 0; i < 3; i++) {
    await db
      .insertInto('audit_log')
      .values({
        id: `a${i}`,
        actor_id: 'u1',
        actor_name: 'editor',
        action: 'observation.create',
        entity: 'observation',
        entity_id: 'o1',
        region_code: region.code,
        before: json(null),
        after: json({ raw: '1', nested: [[{ deep: true }]] }),
      })
      .execute();
  }
  // A gap in the sequence, which a restore must keep rather than renumber.
  await db.deleteFrom('audit_log').where('id', '=', 'a1').execute();
}

describeEachDialect('db backup and restore', (dialect) => {
  let source: Db;
  let target: Db;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'minsheng-backup-'));
    file = path.join(dir, 'backup.jsonl');
    source = await openMigratedDb(dialect);
    target = await openMigratedDb(dialect);
    await fill(source.kysely);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips every row of every table exactly (checked row by row)', async () => {
    const before = await snapshot(source.kysely);
    const written = await backupToFile(source.kysely, file);
    expect(written.migration).toBe(latestMigration());
    expect(written.counts.observations).toBe(1);
    expect(written.counts.audit_log).toBe(2);
    expect(written.rows).toBeGreaterThan(10);

    const restored = await restoreFromFile(target.kysely, file);
    expect(restored.counts).toEqual(written.counts);
    const after = await snapshot(target.kysely);
    for (const table of BACKUP_TABLES) {
      expect(after[table], table).toEqual(before[table]);
    }
    console.log(
      `[backup ${dialect.name}] ${written.rows} rows over ${BACKUP_TABLES.length} tables round-tripped identical`,
    );

    // The audit sequence goes on after the restored numbers, so new entries still insert.
    const seqs = await target.kysely.selectFrom('audit_log').select('seq').execute();
    await target.kysely
      .insertInto('audit_log')
      .values({
        id: 'after-restore',
        action: 'x',
        entity: 'x',
        entity_id: 'x',
        before: json(null),
        after: json(null),
      })
      .execute();
    const next = await target.kysely
      .selectFrom('audit_log')
      .select('seq')
      .where('id', '=', 'after-restore')
      .executeTakeFirstOrThrow();
    expect(next.seq).toBeGreaterThan(Math.max(...seqs.map((s) => s.seq)));
  });

  it('refuses a non-empty database unless forced, and then replaces everything', async () => {
    const before = await snapshot(target.kysely);
    await expect(restoreFromFile(target.kysely, file)).rejects.toThrow(/already has data/);
    expect(await snapshot(target.kysely)).toEqual(before);

    await restoreFromFile(target.kysely, file, { force: true });
    expect(await snapshot(target.kysely)).toEqual(await snapshot(source.kysely));
  });

  it('refuses a damaged, cut-off, foreign or wrong-version file and changes nothing', async () => {
    const good = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const header = JSON.parse(good[0] as string);
    const cases: [string, string, RegExp][] = [
      ['empty', '', /not a Minsheng backup/],
      ['foreign', '{"hello":1}\n', /not a Minsheng backup/],
      ['not json', `${good[0]}\n{oops\n`, /not JSON/],
      ['cut off', `${good.slice(0, -3).join('\n')}\n`, /cut off/],
      [
        'wrong migration',
        [JSON.stringify({ ...header, migration: '0000_older' }), ...good.slice(1)].join('\n'),
        /taken at migration 0000_older/,
      ],
      [
        'wrong format version',
        [JSON.stringify({ ...header, formatVersion: 99 }), ...good.slice(1)].join('\n'),
        /format version 99/,
      ],
      [
        'count mismatch',
        [
          JSON.stringify({
            ...header,
            counts: { ...header.counts, regions: header.counts.regions + 1 },
          }),
          ...good.slice(1),
        ].join('\n'),
        /table regions: the backup says/,
      ],
      [
        'bad row',
        [good[0], JSON.stringify({ t: 'regions', r: { code: 'x' } }), ...good.slice(1)].join('\n'),
        // A row missing required columns fails in the database, inside the transaction.
        /null value|violates/,
      ],
      ['unknown table', [good[0], '{"t":"pg_authid","r":{}}'].join('\n'), /unknown table/],
    ];
    const before = await snapshot(target.kysely);
    for (const [name, text, expected] of cases) {
      const bad = path.join(dir, `${name.replace(/ /g, '-')}.jsonl`);
      writeFileSync(bad, text);
      await expect(restoreFromFile(target.kysely, bad, { force: true }), name).rejects.toThrow(
        expected,
      );
      expect(await snapshot(target.kysely), name).toEqual(before);
    }
    await expect(restoreFromFile(target.kysely, path.join(dir, 'missing.jsonl'))).rejects.toThrow(
      BackupError,
    );
  });
});

describe('backup of an unmigrated database', () => {
  it('is refused with a clear error', async () => {
    const { createPgliteDb } = await import('../connection.ts');
    const db = createPgliteDb('memory://');
    const dir = mkdtempSync(path.join(tmpdir(), 'minsheng-backup-'));
    try {
      await expect(backupToFile(db.kysely, path.join(dir, 'b.jsonl'))).rejects.toThrow(
        /no schema yet/,
      );
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
