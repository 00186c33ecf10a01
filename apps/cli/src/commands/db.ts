import { existsSync } from 'node:fs';
// @minsheng/db does not export its backup module from its entry point yet (see docs/reliability.md).
import {
  BackupError,
  type BackupResult,
  backupToFile,
  createDb,
  type Db,
  migrateToLatest,
  restoreFromFile,
} from '@minsheng/db';
import type { Command } from 'commander';
import { CliError } from '../errors.ts';
import { assertWritable, userPath } from '../paths.ts';

interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

function openDb(opts: DatabaseOptions): Db {
  return createDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
}

function summary(verb: string, file: string, result: BackupResult, where: string): string {
  const tables = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return `${verb} ${result.rows} rows (${tables}) ${verb === 'backed up' ? 'from' : 'into'} ${where} ${verb === 'backed up' ? 'to' : 'from'} ${file} at migration ${result.migration}\n`;
}

async function withDb<T>(opts: DatabaseOptions, work: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb(opts);
  try {
    return await work(db);
  } catch (error) {
    // Errors about the file or the target database are the user's to fix; anything else is a bug.
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

export function registerDbCommands(program: Command): void {
  const group = program
    .command('db')
    .description('back the database up to a file, or restore it from one');

  group
    .command('backup <file>')
    .description('write every row of every table, in one consistent snapshot, to a JSON-lines file')
    .option('--database-url <url>', 'PostgreSQL to back up (default DATABASE_URL, else PGlite)')
    .option('--data-dir <dir>', 'PGlite data folder (default MINSHENG_DATA_DIR or .data/pglite)')
    .option('--overwrite', 'replace the file if it exists')
    .action(async (file: string, opts: DatabaseOptions & { overwrite?: boolean }) => {
      const target = userPath(file);
      if (existsSync(target) && !opts.overwrite) {
        throw new CliError(`${target} exists: pass --overwrite to replace it`);
      }
      assertWritable(target);
      await withDb(opts, async (db) => {
        const result = await backupToFile(db.kysely, target);
        process.stdout.write(summary('backed up', target, result, db.location));
      });
    });

  group
    .command('restore <file>')
    .description(
      'restore a backup into an empty database in one transaction (--force replaces existing data)',
    )
    .option(
      '--database-url <url>',
      'PostgreSQL to restore into (default DATABASE_URL, else PGlite)',
    )
    .option('--data-dir <dir>', 'PGlite data folder (default MINSHENG_DATA_DIR or .data/pglite)')
    .option('--force', 'replace everything in a database that already has data')
    .action(async (file: string, opts: DatabaseOptions & { force?: boolean }) => {
      const source = userPath(file);
      if (!existsSync(source)) throw new CliError(`no such file: ${source}`);
      await withDb(opts, async (db) => {
        // A new database has no tables yet: give it the schema the backup will be checked against.
        await migrateToLatest(db.kysely);
        const result = await restoreFromFile(db.kysely, source, { force: opts.force ?? false });
        process.stdout.write(summary('restored', source, result, db.location));
      });
    });
}
