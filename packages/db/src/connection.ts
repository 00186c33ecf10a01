import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string; when given, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /**
   * PostgreSQL only: how long to wait for a connection, or for the answer to a query, before
   * failing. A server that is frozen (not stopped: its port still takes connections) otherwise
   * leaves every request hanging. None by default: the CLI's long jobs must not be cut short.
   */
  timeoutMs?: number | undefined;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `<repo>/.data/pglite`: git-ignored, so a fresh clone starts empty. */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'pglite');

/**
 * Opens the database: PostgreSQL when a URL is given, else the embedded PGlite in a data folder
 * (`<repo>/.data/pglite` by default). The apps read DATABASE_URL and MINSHENG_DATA_DIR in their
 * env.ts and pass them here: a library reads no environment.
 */
export function createDb(options: CreateDbOptions = {}): Db {
  if (options.databaseUrl) {
    return createPostgresDb(options.databaseUrl, { timeoutMs: options.timeoutMs });
  }
  return createPgliteDb(options.dataDir ?? DEFAULT_DATA_DIR);
}

export function createPostgresDb(
  databaseUrl: string,
  { timeoutMs }: { timeoutMs?: number | undefined } = {},
): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    ...(timeoutMs ? { connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // A client in use emits 'error' too when its server goes away (PostgreSQL restarted under a
  // transaction): its query already fails with it, and the pool drops the client on release,
  // but an unheard 'error' event would end the whole process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    location: redactUrl(databaseUrl),
    close: () => kysely.destroy(),
  };
}

export function createPgliteDb(dataDir: string): Db {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(inMemory ? dataDir : path.resolve(dataDir));
  const kysely = new Kysely<Database>({
    dialect: new SerialDialect(new PGliteDialect({ pglite })),
  });
  return {
    kysely,
    dialect: 'pglite',
    location: inMemory ? dataDir : path.resolve(dataDir),
    close: () => kysely.destroy(),
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable url)';
  }
}

/**
 * PGlite is one connection, and kysely's PGlite driver keeps one transaction's state on it:
 * two transactions started at once would overwrite each other's commit handle and hang. This
 * wrapper lends the connection to one caller at a time (a transaction holds it to the end),
 * the way kysely's SQLite driver does.
 */
class SerialDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new SerialDriver(this.inner.createDriver());
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Dialect's own signature
  createIntrospector(db: Kysely<any>) {
    return this.inner.createIntrospector(db);
  }
}

class SerialDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;

  constructor(private readonly inner: Driver) {}

  init: Driver['init'] = (options) => this.inner.init(options);

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    return this.inner.acquireConnection();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const release = this.release;
    this.release = null;
    release?.();
  }

  beginTransaction: Driver['beginTransaction'] = (c, s) => this.inner.beginTransaction(c, s);
  commitTransaction: Driver['commitTransaction'] = (c) => this.inner.commitTransaction(c);
  rollbackTransaction: Driver['rollbackTransaction'] = (c) => this.inner.rollbackTransaction(c);
  savepoint: Driver['savepoint'] = (c, n, q) =>
    this.inner.savepoint ? this.inner.savepoint(c, n, q) : Promise.resolve();
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, n, q) =>
    this.inner.rollbackToSavepoint ? this.inner.rollbackToSavepoint(c, n, q) : Promise.resolve();
  releaseSavepoint: Driver['releaseSavepoint'] = (c, n, q) =>
    this.inner.releaseSavepoint ? this.inner.releaseSavepoint(c, n, q) : Promise.resolve();

  destroy() {
    return this.inner.destroy();
  }
}

/** Asks the database to answer; throws when it does not. */
export async function ping(kysely: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(kysely);
}
