import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Kysely, sql } from 'kysely';
import { PRIVATE_FILE_MODE } from '../file-modes.ts';
import { migrations } from '../migrations/index.ts';
import type { Database } from '../schema.ts';

/**
 * Every table, parents before children, so a restore can insert in this order and delete in
 * the reverse. A table the database has and this list lacks makes backup refuse (see
 * `assertEveryTableCovered`): a new migration can never silently fall out of the backups.
 */
export const BACKUP_TABLES = [
  'regions',
  'plans',
  'indicators',
  'service_items',
  'users',
  'projects',
  'observations',
  'sessions',
  'sign_in_throttle',
  'audit_log',
  'seed_state',
] as const satisfies readonly (keyof Database)[];

/**
 * Tables the database keeps itself from the others (by triggers): not backed up, since a
 * restore writes the rows they follow and so rebuilds them.
 */
export const DERIVED_TABLES = ['plan_changes'] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_FORMAT = 'minsheng-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The last migration applied to the database the rows came from. */
  migration: string;
  createdAt: string;
  /** Rows per table, checked again on restore so a cut-off file is refused. */
  counts: Record<BackupTable, number>;
}

export interface BackupResult {
  migration: string;
  counts: Record<BackupTable, number>;
  rows: number;
}

/** A backup that cannot be restored, or a database it must not go into. The user can act on it. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const PAGE = 1000;
const INSERT_BATCH = 500;

/** The newest migration this code knows: a backup must come from a database at exactly this one. */
export function latestMigration(): string {
  const names = Object.keys(migrations);
  const last = names[names.length - 1];
  if (!last) throw new Error('no migrations are defined');
  return last;
}

async function appliedMigration(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1`
    .execute(db)
    .catch((error: unknown) => {
      throw new BackupError(
        `the database has no schema yet (run the server or a migration first)`,
        {
          cause: error,
        },
      );
    });
  const name = rows[0]?.name;
  if (!name) throw new BackupError('the database has no schema yet');
  return name;
}

async function assertEveryTableCovered(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const known = new Set<string>([
    ...BACKUP_TABLES,
    ...DERIVED_TABLES,
    'kysely_migration',
    'kysely_migration_lock',
  ]);
  const unknown = rows.map((r) => r.table_name).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new Error(
      `backup does not know the table(s) ${unknown.join(', ')}: add them to BACKUP_TABLES`,
    );
  }
}

async function primaryKey(db: Kysely<Database>, table: BackupTable): Promise<string[]> {
  const { rows } = await sql<{ attname: string }>`
    select a.attname from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  if (rows.length === 0) throw new Error(`table ${table} has no primary key to order its rows by`);
  return rows.map((r) => r.attname);
}

/**
 * Rows as PostgreSQL's own JSON (`to_jsonb`): timestamps keep their microseconds and jsonb
 * columns stay JSON, so `jsonb_populate_record` gives back exactly the same values on both
 * dialects, with no JavaScript Date or number in between.
 */
async function* tableRows(
  db: Kysely<Database>,
  table: BackupTable,
): AsyncGenerator<Record<string, unknown>> {
  const order = sql.join((await primaryKey(db, table)).map((c) => sql.ref(`t.${c}`)));
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await sql<{ row: Record<string, unknown> | string }>`
      select to_jsonb(t) as row from ${sql.table(table)} t
      order by ${order} limit ${PAGE} offset ${offset}`.execute(db);
    for (const r of rows) yield typeof r.row === 'string' ? JSON.parse(r.row) : r.row;
    if (rows.length < PAGE) return;
  }
}

/** Every row of every table, in one consistent snapshot, as lines for `write`. */
export async function backupDatabase(
  db: Kysely<Database>,
  write: (line: string) => Promise<void> | void,
): Promise<BackupResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await assertEveryTableCovered(tx);
      const migration = await appliedMigration(tx);
      const counts = {} as Record<BackupTable, number>;
      for (const table of BACKUP_TABLES) {
        const { rows } = await sql<{ n: string | number }>`
          select count(*) as n from ${sql.table(table)}`.execute(tx);
        counts[table] = Number(rows[0]?.n ?? 0);
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migration,
        createdAt: new Date().toISOString(),
        counts,
      };
      await write(JSON.stringify(header));
      let total = 0;
      for (const table of BACKUP_TABLES) {
        for await (const row of tableRows(tx, table)) {
          await write(JSON.stringify({ t: table, r: row }));
          total++;
        }
      }
      await write(JSON.stringify({ end: true, rows: total }));
      return { migration, counts, rows: total };
    });
}

/**
 * Writes the backup beside `file` and renames it into place only when complete, so a backup
 * cut short never leaves a file that looks whole.
 */
export async function backupToFile(db: Kysely<Database>, file: string): Promise<BackupResult> {
  const partial = `${file}.partial`;
  // Owner-only from its first byte: a partial file left by a crash is replaced, not reused.
  rmSync(partial, { force: true });
  const out = createWriteStream(partial, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  try {
    const result = await Promise.race([
      failed,
      backupDatabase(db, async (line) => {
        if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
      }),
    ]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    renameSync(partial, file);
    return result;
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreOptions {
  /** Replace a database that already has rows (in the same transaction as the restore). */
  force?: boolean;
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`line ${number} of the backup is not JSON: the file is damaged`);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkHeader(value: unknown): BackupHeader {
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    throw new BackupError('this is not a Minsheng backup (its first line is not a backup header)');
  }
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `backup format version ${String(value.formatVersion)} is not supported (this version reads ${BACKUP_FORMAT_VERSION})`,
    );
  }
  if (typeof value.migration !== 'string' || !isRecord(value.counts)) {
    throw new BackupError('the backup header is incomplete');
  }
  for (const table of BACKUP_TABLES) {
    const n = value.counts[table];
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new BackupError(`the backup header has no row count for table ${table}`);
    }
  }
  return value as unknown as BackupHeader;
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (rows.length > 0) return false;
  }
  return true;
}

/**
 * Restores lines written by `backupDatabase` into a migrated database, all in one transaction:
 * a bad line, a wrong count or a refused database leaves it exactly as it was.
 */
export async function restoreDatabase(
  db: Kysely<Database>,
  lines: AsyncIterable<string> | Iterable<string>,
  options: RestoreOptions = {},
): Promise<BackupResult> {
  const iterator = (lines as AsyncIterable<string>)[Symbol.asyncIterator]
    ? (lines as AsyncIterable<string>)[Symbol.asyncIterator]()
    : (async function* () {
        yield* lines as Iterable<string>;
      })();
  let lineNumber = 0;
  const next = async (): Promise<unknown | undefined> => {
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) return undefined;
      lineNumber++;
      if (value.trim() !== '') return parseLine(value, lineNumber);
    }
  };

  const header = checkHeader(await next());
  const migration = await appliedMigration(db);
  if (header.migration !== migration) {
    throw new BackupError(
      `the backup was taken at migration ${header.migration} but this database is at ${migration}: restore it with the Minsheng version that made it`,
    );
  }

  return db.transaction().execute(async (tx) => {
    if (!(await isEmpty(tx))) {
      if (!options.force) {
        throw new BackupError(
          'the database already has data: restore only into an empty database, or pass --force to replace everything in it',
        );
      }
      for (const table of [...BACKUP_TABLES].reverse()) {
        await sql`delete from ${sql.table(table)}`.execute(tx);
      }
    }

    const seen = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<
      BackupTable,
      number
    >;
    const order = new Map<string, number>(BACKUP_TABLES.map((t, i) => [t, i]));
    let current = 0;
    let batch: unknown[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const table = BACKUP_TABLES[current] as BackupTable;
      // `overriding system value` keeps audit_log's sequence numbers exactly as they were.
      await sql`
        insert into ${sql.table(table)} overriding system value
        select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)}::jsonb)`.execute(
        tx,
      );
      batch = [];
    };

    let end: Record<string, unknown> | undefined;
    for (;;) {
      const item = await next();
      if (item === undefined) break;
      if (isRecord(item) && item.end === true) {
        end = item;
        break;
      }
      if (!isRecord(item) || typeof item.t !== 'string' || !isRecord(item.r)) {
        throw new BackupError(`line ${lineNumber} of the backup is not a row`);
      }
      const index = order.get(item.t);
      if (index === undefined) {
        throw new BackupError(`line ${lineNumber} names an unknown table "${item.t}"`);
      }
      if (index < current) {
        throw new BackupError(`line ${lineNumber}: table ${item.t} is out of order`);
      }
      if (index > current) {
        await flush();
        current = index;
      }
      batch.push(item.r);
      seen[item.t as BackupTable]++;
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();

    if (!end) throw new BackupError('the backup is cut off (no end marker): nothing was restored');
    if ((await next()) !== undefined) {
      throw new BackupError(`line ${lineNumber}: data after the end marker`);
    }
    let total = 0;
    for (const table of BACKUP_TABLES) {
      if (seen[table] !== header.counts[table]) {
        throw new BackupError(
          `table ${table}: the backup says ${header.counts[table]} rows but holds ${seen[table]}: nothing was restored`,
        );
      }
      total += seen[table];
    }
    if (end.rows !== total) {
      throw new BackupError(`the end marker says ${String(end.rows)} rows but ${total} were read`);
    }

    // Later inserts must not collide with the restored sequence numbers.
    await sql`
      select setval(pg_get_serial_sequence('audit_log', 'seq'),
        coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(tx);
    return { migration, counts: seen, rows: total };
  });
}

/** `restoreDatabase` from a file written by `backupToFile`. */
export async function restoreFromFile(
  db: Kysely<Database>,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupResult> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  await opened.catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    return await restoreDatabase(db, lines, options);
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Every row of every backed-up table as PostgreSQL's own JSON text, in a stable order: what
 * "identical" means when a restore is checked row by row.
 */
export async function databaseSnapshot(
  db: Kysely<Database>,
): Promise<Record<BackupTable, string[]>> {
  const out = {} as Record<BackupTable, string[]>;
  for (const table of BACKUP_TABLES) {
    const { rows } = await sql<{ row: string }>`
      select to_jsonb(t)::text as row from ${sql.table(table)} t order by 1`.execute(db);
    out[table] = rows.map((r) => r.row);
  }
  return out;
}
