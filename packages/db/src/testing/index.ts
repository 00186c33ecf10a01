import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createPgliteDb, createPostgresDb, type Db, type DialectName } from '../connection.ts';
import { migrateToLatest } from '../migrate.ts';
import { withDatabase } from './temp-postgres.ts';

export * from './fixtures.ts';
export { type SqlSession, startTempPostgres, type TempPostgres } from './temp-postgres.ts';

export interface TestDialect {
  name: DialectName;
  /** Which server, for the suite titles: PostgreSQL's host and port. */
  where?: string;
  /** Why the dialect cannot run here; undefined when it can. */
  unavailable?: string;
  /** A fresh, empty database of its own; `close()` drops it. */
  open(): Promise<Db>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server the PostgreSQL suites create their databases on. */
export function postgresAdminUrl(): string {
  return process.env.TEST_DATABASE_URL || LOCAL_POSTGRES;
}

async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const pglite: TestDialect = {
  name: 'pglite',
  open: async () => createPgliteDb('memory://'),
};

const failure = await probePostgres(postgresAdminUrl());
if (failure) {
  const where = process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : '127.0.0.1:5432';
  const message = `PostgreSQL at ${where} does not answer (${failure}) and none could be started from installed binaries`;
  if (process.env.CI === 'true') {
    throw new Error(`${message}: in CI the PostgreSQL suites must run, never skip.`);
  }
  console.warn(
    `\n*** ${message}.\n*** THE POSTGRESQL TEST SUITES ARE SKIPPED: only PGlite is tested in this run. ***\n`,
  );
}

const postgres: TestDialect = {
  name: 'postgres',
  where: new URL(postgresAdminUrl()).host,
  ...(failure ? { unavailable: failure } : {}),
  open: async () => {
    // A database per suite, so runs (and suites within a run) never see each other's data.
    const name = `minsheng_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database "${name}"`);
    const db = createPostgresDb(withDatabase(postgresAdminUrl(), name));
    return {
      ...db,
      close: async () => {
        await db.close();
        await adminQuery(`drop database if exists "${name}" with (force)`);
      },
    };
  },
};

/** Both dialects, PGlite first. A PostgreSQL that does not answer is marked unavailable. */
export const dialects: readonly TestDialect[] = [pglite, postgres];

/**
 * `describe` once per dialect, like kysely's own tests. A dialect that cannot run here is a
 * visibly skipped suite, never a silent pass (and in CI its absence already failed above).
 */
export function describeEachDialect(title: string, body: (dialect: TestDialect) => void): void {
  for (const dialect of dialects) {
    if (dialect.unavailable) {
      describe.skip(`${title} [${dialect.name}: SKIPPED, ${dialect.unavailable}]`, () =>
        body(dialect));
    } else {
      const where = dialect.where ? ` ${dialect.where}` : '';
      describe(`${title} [${dialect.name}${where}]`, () => body(dialect));
    }
  }
}

/** A fresh database of the dialect with the schema migrated. */
export async function openMigratedDb(dialect: TestDialect): Promise<Db> {
  const db = await dialect.open();
  await migrateToLatest(db.kysely);
  return db;
}
