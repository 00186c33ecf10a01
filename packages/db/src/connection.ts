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
import { makePrivateDir, restrictTree } from './file-modes.ts';
import { lockDataDir } from './lock.ts';
import type { Database } from './schema.ts';

export type DialectName = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  /**
   * PGlite in a folder: records the API address of the server holding the folder in its lock
   * file, so that other processes finding it taken write through that server instead.
   */
  announce?(api: string): void;
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
 * Opens the database: PostgreSQL when a URL is given (or `DATABASE_URL` is set), else the
 * embedded PGlite in a data folder (`MINSHENG_DATA_DIR`, else `<repo>/.data/pglite`).
 */
export function createDb(options: CreateDbOptions = {}): Db {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (databaseUrl) return createPostgresDb(databaseUrl, { timeoutMs: options.timeoutMs });
  const dataDir = options.dataDir ?? (process.env.MINSHENG_DATA_DIR || DEFAULT_DATA_DIR);
  return createPgliteDb(dataDir);
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

/**
 * Opens PGlite in a folder (or in memory). A folder is locked for this process until `close`:
 * PGlite is a single-process database, and a second process on the same folder would lose its
 * writes (see lock.ts); it gets a DataDirLockedError instead.
 */
export function createPgliteDb(dataDir: string): Db {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) makePrivateDir(location);
  const lock = inMemory ? null : lockDataDir(location);
  let kysely: Kysely<Database>;
  try {
    const pglite = new PGlite(location);
    // Before any query of the caller's runs: this callback was registered first.
    if (!inMemory) void pglite.waitReady.then(() => restrictTree(location)).catch(() => {});
    kysely = new Kysely<Database>({
      dialect: new SerialDialect(new PGliteDialect({ pglite })),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    kysely,
    dialect: 'pglite',
    location,
    ...(lock ? { announce: (api: string) => lock.announce(api) } : {}),
    close: async () => {
      try {
        await kysely.destroy();
        if (!inMemory) restrictTree(location);
      } finally {
        lock?.release();
      }
    },
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
